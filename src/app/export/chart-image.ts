/**
 * A chart as an image that stands on its own: the chart's SVG (ECharts draws SVG) framed by its
 * title, the filters in words, its unit and the source line, on white, with the CJK fonts named
 * so the Chinese survives outside the app. PNG is that SVG drawn onto a canvas at 2× or 3×.
 */
import { CJK_FONTS } from '../charts/echarts.ts';

export interface ChartCaption {
  title: string;
  /** The filters in words. */
  subtitle: string;
  /** "单位：件", or null. */
  unit: string | null;
  source: string;
}

export interface ComposedSvg {
  svg: string;
  width: number;
  height: number;
}

const PAD = 16;
const TITLE_SIZE = 16;
const TEXT_SIZE = 12;
const LINE = 1.45;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Rough advance of a string: a CJK character is one em, other characters about 0.56 em. */
function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? size : size * 0.56;
  return width;
}

/** Lines of at most `width` pixels, broken between words (or anywhere in CJK text). */
export function wrapText(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/gu) ?? []) {
    if (line !== '' && textWidth(line + token.trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line += token;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The chart's own SVG (`chartSvg`, `width`×`height` px) with its caption above and source below. */
export function composeChartSvg(chartSvg: string, width: number, height: number, caption: ChartCaption): ComposedSvg {
  const room = width - 2 * PAD;
  const titleLines = wrapText(caption.title, room, TITLE_SIZE);
  const subLines = wrapText([caption.subtitle, caption.unit].filter(Boolean).join(' · '), room, TEXT_SIZE);
  const sourceLines = wrapText(caption.source, room, TEXT_SIZE);
  const texts: string[] = [];
  let y = PAD;
  for (const line of titleLines) {
    y += TITLE_SIZE * LINE;
    texts.push(`<text x="${PAD}" y="${y - TITLE_SIZE * 0.35}" font-size="${TITLE_SIZE}" font-weight="600" fill="#1f2933">${escapeXml(line)}</text>`);
  }
  for (const line of subLines) {
    y += TEXT_SIZE * LINE;
    texts.push(`<text x="${PAD}" y="${y - TEXT_SIZE * 0.35}" font-size="${TEXT_SIZE}" fill="#52606d">${escapeXml(line)}</text>`);
  }
  const chartTop = y + PAD / 2;
  y = chartTop + height + PAD / 2;
  for (const line of sourceLines) {
    y += TEXT_SIZE * LINE;
    texts.push(`<text x="${PAD}" y="${y - TEXT_SIZE * 0.35}" font-size="${TEXT_SIZE}" fill="#52606d">${escapeXml(line)}</text>`);
  }
  const total = Math.ceil(y + PAD);
  // the chart's root <svg> nests as is; it is placed by its x/y attributes
  const chart = chartSvg.replace(/^\s*(<\?xml[^>]*>\s*)?<svg\b/u, `<svg x="0" y="${chartTop}"`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escapeXml(CJK_FONTS)}">`
    + `<rect width="100%" height="100%" fill="#ffffff"/>${texts.join('')}${chart}</svg>`;
  return { svg, width, height: total };
}

/** The composed SVG drawn at `scale`× onto a canvas, as PNG (fonts loaded first). */
export async function pngOf(composed: ComposedSvg, scale: number): Promise<Blob> {
  await document.fonts.ready;
  const url = URL.createObjectURL(new Blob([composed.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(composed.width * scale);
    canvas.height = Math.round(composed.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, composed.width, composed.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
