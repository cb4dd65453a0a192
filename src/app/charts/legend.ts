/**
 * A chart's legend as plain data, for the HTML legend a narrow screen gets instead of ECharts'
 * own (which pages through its entries one screen at a time, hiding most colours): each series
 * or pie slice with its colour and, for lines, its marker shape.
 */
import type { ChartOption } from './echarts.ts';

export interface LegendEntry {
  name: string;
  color: string;
  /** The line's marker (palette.ts SERIES_SYMBOLS), or null for a bar or slice: a swatch. */
  symbol: string | null;
}

type Loose = Record<string, unknown>;
const list = (value: unknown): Loose[] => (Array.isArray(value) ? value : value ? [value] : []) as Loose[];
const colorOf = (item: Loose | undefined): string | null => {
  const style = item?.itemStyle as Loose | undefined;
  return typeof style?.color === 'string' ? style.color : null;
};

/** The entries of the chart's legend, or [] when it has none or its colours are ECharts' own. */
export function legendEntries(option: ChartOption): LegendEntry[] {
  const loose = option as Loose;
  if (list(loose.legend).length === 0 || list(loose.legend).every((l) => l.show === false)) return [];
  const entries: LegendEntry[] = [];
  for (const series of list(loose.series)) {
    if (series.type === 'pie') {
      for (const slice of list(series.data)) {
        const color = colorOf(slice);
        if (color && typeof slice.name === 'string') entries.push({ name: slice.name, color, symbol: null });
      }
      continue;
    }
    const color = colorOf(series);
    if (!color || typeof series.name !== 'string') return [];
    entries.push({ name: series.name, color, symbol: series.type === 'line' ? String(series.symbol ?? 'emptyCircle') : null });
  }
  return entries;
}

/** A text glyph for a marker shape, so the HTML legend shows what the line draws. */
export function symbolGlyph(symbol: string | null): string {
  const glyphs: Record<string, string> = {
    circle: '●', rect: '■', roundRect: '■', triangle: '▲', diamond: '◆',
    emptyCircle: '○', emptyRect: '□', emptyRoundRect: '□', emptyTriangle: '△', emptyDiamond: '◇',
  };
  return symbol ? (glyphs[symbol] ?? '●') : '■';
}
