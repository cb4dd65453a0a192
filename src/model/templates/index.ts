/**
 * The registry of template versions. Everything else (parser, rules, demo generator, app) iterates
 * over `TEMPLATES` or asks these functions; a new version is one new file added to the list.
 */
import { TEMPLATE_2019 } from './v2019.ts';
import { TEMPLATE_2021 } from './v2021.ts';
import { OTHER_ROWS } from './common.ts';
import { cellKey, type CellRef, type ColumnDef, type OtherRows, type RowDef, type RuleInstance, type TableDef, type TableId, type Template, type TemplateId } from './types.ts';

export * from './types.ts';
export { ORG_COLS, OTHER_ROWS, T2_GROUPS, T3_COL_KEYS, T3_GROUPS, T4_COL_KEYS, TABLE_HEADINGS, TABLE_NAMES, outcomeRows } from './common.ts';

/** In the order they were issued. */
export const TEMPLATES: readonly Template[] = [TEMPLATE_2019, TEMPLATE_2021];

export function templateOf(id: TemplateId | null | undefined, templates: readonly Template[] = TEMPLATES): Template | undefined {
  return templates.find((t) => t.id === id);
}

export function templateById(id: TemplateId, templates: readonly Template[] = TEMPLATES): Template {
  const template = templateOf(id, templates);
  if (!template) throw new Error(`unknown template '${id}' (known: ${templates.map((t) => t.id).join(', ')})`);
  return template;
}

/** The version prescribed for a report year: the latest issued by then. */
export function templateForYear(year: number, templates: readonly Template[] = TEMPLATES): Template {
  return [...templates].reverse().find((t) => t.firstYear <= year) ?? templates[0];
}

export const prescribedOtherRows = (template: Template): OtherRows => template.otherRows[0];

/** A template's tables and rules for one layout, built once: every report asks for them. */
function memoized<T>(build: (template: Template, otherRows: OtherRows) => T): (template: Template, otherRows: OtherRows) => T {
  const built = new WeakMap<Template, Map<OtherRows, T>>();
  return (template, otherRows) => {
    let byLayout = built.get(template);
    if (!byLayout) built.set(template, (byLayout = new Map()));
    if (!byLayout.has(otherRows)) byLayout.set(otherRows, build(template, otherRows));
    return byLayout.get(otherRows)!;
  };
}

const builtTables = memoized((template, otherRows) => template.tables(otherRows));

export function tables(template: Template, otherRows: OtherRows = prescribedOtherRows(template)): readonly TableDef[] {
  return builtTables(template, otherRows);
}

export const rulesOf: (template: Template, otherRows: OtherRows) => readonly RuleInstance[] = memoized((template, otherRows) => template.rules(otherRows));

export function tableDef(template: Template, id: TableId, otherRows?: OtherRows): TableDef {
  return tables(template, otherRows).find((t) => t.id === id)!;
}

/** Every cell the template prints, in reading order. */
export function templateCells(template: Template, otherRows?: OtherRows): CellRef[] {
  return tables(template, otherRows).flatMap((t) => t.rows.flatMap((r) => r.cols.map((c) => ({ table: t.id, row: r.key, col: c }))));
}

/** Every cell the template may print, in any of its layouts. */
function possibleCellKeys(template: Template): Set<string> {
  return new Set(template.otherRows.flatMap((layout) => templateCells(template, layout).map(cellKey)));
}

export function columnDef(template: Template, table: TableId, colKey: string): ColumnDef | undefined {
  return tableDef(template, table).columns.find((c) => c.key === colKey);
}

/** The versions that print every one of these cells. */
export function templatesWithCells(keys: readonly string[], templates: readonly Template[] = TEMPLATES): Template[] {
  return templates.filter((t) => {
    const cells = possibleCellKeys(t);
    return keys.every((k) => cells.has(k));
  });
}

/** A row of any version and layout, the earliest version first (for labels across versions). */
export function rowDef(table: TableId, rowKey: string, templates: readonly Template[] = TEMPLATES): RowDef | undefined {
  for (const template of templates) {
    for (const layout of template.otherRows) {
      const row = tableDef(template, table, layout).rows.find((r) => r.key === rowKey);
      if (row) return row;
    }
  }
  return undefined;
}

/** A column of any version, the latest first. */
export function anyColumnDef(table: TableId, colKey: string, templates: readonly Template[] = TEMPLATES): ColumnDef | undefined {
  for (const template of [...templates].reverse()) {
    const def = columnDef(template, table, colKey);
    if (def) return def;
  }
  return undefined;
}

/** How table 3 of a report prints （六）其他处理, judged from its cells. */
export function otherRowsOfCells(cells: readonly CellRef[], template: Template): OtherRows {
  const printed = (layout: OtherRows) => cells.some((c) => c.table === 't3' && OTHER_ROWS[layout].includes(c.row));
  return template.otherRows.find((layout) => printed(layout) && template.otherRows.every((other) => other === layout || !printed(other))) ?? prescribedOtherRows(template);
}

/** How table 3 prints （六）其他处理, judged from its text in the parser's compact view. */
export function otherRowsOfText(compactTable3: string | null, template: Template): OtherRows {
  const [prescribed, alternative] = template.otherRows;
  if (alternative === undefined || compactTable3 === null || !template.otherRowsWording) return prescribed;
  return template.otherRowsWording.test(compactTable3) ? prescribed : alternative;
}

export interface Detection {
  template: Template | null;
  /** Signature words found, per version id. */
  hits: Record<TemplateId, number>;
}

/** The version whose header words the text carries most; none on a tie. */
export function detectTemplate(compactText: string, templates: readonly Template[] = TEMPLATES): Detection {
  const hits = Object.fromEntries(templates.map((t) => [t.id, t.signatures.filter((p) => p.test(compactText)).length]));
  const best = Math.max(...Object.values(hits));
  const leaders = templates.filter((t) => hits[t.id] === best);
  return { template: leaders.length === 1 ? leaders[0] : null, hits };
}
