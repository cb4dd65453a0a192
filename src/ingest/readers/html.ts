/**
 * HTML → SourceDocument: one line per table row (cells in source order), one line per block of
 * text outside tables. Written for the Word-exported pages government sites publish: labels
 * split over several <p>/<span>, &nbsp; padding, rowspan/colspan headers, MSO markup.
 */
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { SourceDocument, SourceLine } from '../document.ts';
import { joinFragments, normalizeSpaces } from './text-join.ts';

const SKIPPED_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg',
  'canvas', 'audio', 'video', 'map', 'xml', 'select', 'textarea', 'button', 'input',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'body', 'html',
]);

/** Longer than any real table label or header: a cell this long is page layout, not data. */
const LAYOUT_CELL_CHARS = 400;

export function readHtmlDocument(html: string): SourceDocument {
  const root = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const lines: SourceLine[] = [];
  const flow = new FlowWriter(lines);
  walkFlow(root.children, flow);
  flow.flush();
  return { format: 'html', lines };
}

/** Collects inline text of the current block and emits it as a one-cell line at block ends. */
class FlowWriter {
  private current = '';

  constructor(private readonly lines: SourceLine[]) {}

  text(value: string): void {
    this.current += value;
  }

  /** A <br> or a block boundary: the text so far is its own line. */
  flush(): void {
    const text = normalizeSpaces(this.current);
    this.current = '';
    if (text !== '') this.lines.push({ cells: [text] });
  }

  row(cells: string[]): void {
    this.flush();
    if (cells.some((cell) => cell !== '')) this.lines.push({ cells, inTable: true });
  }
}

function walkFlow(nodes: readonly AnyNode[], flow: FlowWriter): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      flow.text(node.data);
      continue;
    }
    if (!isElement(node) || isHidden(node)) continue;
    const tag = node.name;
    if (tag === 'br') {
      flow.flush();
    } else if (tag === 'table') {
      flow.flush();
      walkTable(node, flow);
    } else if (BLOCK_TAGS.has(tag)) {
      flow.flush();
      walkFlow(node.children, flow);
      flow.flush();
    } else {
      walkFlow(node.children, flow);
    }
  }
}

function walkTable(table: Element, flow: FlowWriter): void {
  for (const row of ownRows(table)) {
    const cells = row.children.filter(
      (child): child is Element => isElement(child) && (child.name === 'td' || child.name === 'th') && !isHidden(child),
    );
    if (cells.some(isLayoutCell)) {
      // A page laid out with a table: its cells hold paragraphs, not figures.
      for (const cell of cells) {
        walkFlow(cell.children, flow);
        flow.flush();
      }
    } else {
      flow.row(cells.map(cellText));
    }
  }
}

/** The table's own rows, not those of tables nested in its cells. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (!isElement(node) || isHidden(node)) continue;
      if (node.name === 'tr') rows.push(node);
      else if (node.name !== 'table' && node.name !== 'td' && node.name !== 'th') visit(node.children);
    }
  };
  visit(table.children);
  return rows;
}

function isLayoutCell(cell: Element): boolean {
  if (containsTag(cell.children, 'table')) return true;
  const text = plainText(cell.children);
  // normalizeSpaces never lengthens a text: a short cell needs no normalising to be judged
  return text.length > LAYOUT_CELL_CHARS && normalizeSpaces(text).length > LAYOUT_CELL_CHARS;
}

/** A cell's text with its <p>/<div>/<br> pieces joined: '商业</p><p>企业' → '商业企业'. */
function cellText(cell: Element): string {
  const pieces: string[] = [];
  let current = '';
  const visit = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        current += node.data;
      } else if (isElement(node) && !isHidden(node)) {
        const breaks = node.name === 'br' || BLOCK_TAGS.has(node.name);
        if (breaks) {
          pieces.push(current);
          current = '';
        }
        visit(node.children);
        if (breaks) {
          pieces.push(current);
          current = '';
        }
      }
    }
  };
  visit(cell.children);
  pieces.push(current);
  return joinFragments(pieces.map(normalizeSpaces));
}

function plainText(nodes: readonly AnyNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.data;
    else if (isElement(node) && !isHidden(node)) text += plainText(node.children);
  }
  return text;
}

function containsTag(nodes: readonly AnyNode[], tag: string): boolean {
  return nodes.some((node) => isElement(node) && (node.name === tag || containsTag(node.children, tag)));
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)\b/i;

function isHidden(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.name)) return true;
  const attributes = element.attribs;
  if ('hidden' in attributes || attributes['aria-hidden'] === 'true') return true;
  const style = attributes.style;
  return style !== undefined && HIDING_STYLE.test(style);
}
