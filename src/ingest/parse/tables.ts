/**
 * Reading tables 2–4 by their row labels: find each template row's label in order, take the
 * figures printed between it and the next label, and cut run-together figures where the
 * table's own arithmetic allows exactly one reading.
 */
import { cellKey, type ColumnDef, type OtherRows, type RowDef, type TableDef, type Template } from '../../model/templates/index.ts';
import type { Cell, CheckResult } from '../../model/report.ts';
import { readFigure } from './figures.ts';
import { narrowByColumnIdentities } from './narrow.ts';
import { dedupeReadings, enumerateSplits, TooManySplits, type SlotSpec, type SumGroup } from './split.ts';
import { fieldsBetween, isStructured, lineAt, originOf, BLANK_MARK, type Stream } from './stream.ts';
import type { MoneyUnit, Piece, PrintedField, Region, RowReading } from './types.ts';

export interface TableReading {
  cells: Cell[];
  checks: CheckResult[];
  warnings: string[];
  /** Cells of rows that printed fewer figures than columns: arithmetic may still fix them. */
  lost: Set<string>;
}

type Field = PrintedField & { line: number };

interface Anchor {
  start: number;
  end: number;
  rowIndex: number;
}

const CANDIDATE_LIMIT = 20000;
/** Search steps per row (or per table 4): a few milliseconds; past it the row is declined. */
const SEARCH_BUDGET = 200000;

interface Candidate extends Anchor {
  /** Figures follow the label before any other label: a label still beside its row. */
  weight: number;
}

function findAnchors(stream: Stream, region: Region, table: TableDef): Anchor[] {
  const text = stream.view.text.slice(0, region.to);
  const found: Anchor[] = [];
  table.rows.forEach(({ pattern }, rowIndex) => {
    pattern.lastIndex = region.from;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (!insideBrackets(text, m.index)) found.push({ start: m.index, end: m.index + m[0].length, rowIndex });
    }
  });
  found.sort((a, b) => a.start - b.start);
  const weighed = found.map((a, i): Candidate => {
    const from = stream.view.origin[a.end - 1] + 1;
    const to = originOf(stream, found[i + 1]?.start ?? region.to);
    return { ...a, weight: fieldsBetween(stream, from, to, { atMost: 1 }).length > 0 ? 1 : 0.01 };
  });
  return heaviestIncreasing(weighed);
}

/** Local templates explain a row inside brackets ('其他对外管理服务事项（…行政处罚、行政强制…）'). */
function insideBrackets(text: string, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 120); i--) {
    if (text[i] === ')') return false;
    if (text[i] === '(') return true;
  }
  return false;
}

/**
 * The heaviest run of labels in both printed and template order, labels followed by figures
 * counting most. Labels that text extraction moved away from their figures (pdftotext prints
 * some after the whole table) drop out, and their rows take the figures left unlabelled.
 */
function heaviestIncreasing(anchors: Candidate[]): Anchor[] {
  const total: number[] = [];
  const previous: number[] = [];
  anchors.forEach((a, i) => {
    total[i] = a.weight;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (anchors[j].rowIndex < a.rowIndex && anchors[j].end <= a.start && total[j] + a.weight > total[i]) {
        total[i] = total[j] + a.weight;
        previous[i] = j;
      }
    }
  });
  let best = -1;
  anchors.forEach((_, i) => {
    if (best < 0 || total[i] > total[best]) best = i;
  });
  const out: Anchor[] = [];
  for (let i = best; i >= 0; i = previous[i]) out.unshift({ start: anchors[i].start, end: anchors[i].end, rowIndex: anchors[i].rowIndex });
  return out;
}

function slotSpec(col: ColumnDef | undefined): SlotSpec {
  return { signed: col?.signed, money: col?.unit === '万元' };
}

/** Row identity usable to choose among cuts: t3 row total, t4 group total. */
function rowIdentityHolds(table: TableDef, row: RowDef, pieces: readonly Piece[], headerUnit: MoneyUnit | null): boolean {
  if (!table.rowTotal) return true;
  const values = pieces.map((p, i) => (p.kind === 'value' ? readFigure(p.text, columnOf(table, row.cols[i]), headerUnit)?.value ?? null : null));
  if (values.some((v) => v === null)) return true;
  const total = values[values.length - 1]!;
  const parts = values.slice(0, -1).reduce((s, v) => s! + v!, 0)!;
  return total === parts;
}

function columnOf(table: TableDef, key: string): ColumnDef | undefined {
  return table.columns.find((c) => c.key === key);
}

/** A field without its line (built outright: a rest pattern copies slowly). */
function pieceOf(field: Field): Piece {
  return field.kind === 'value' ? { kind: 'value', text: field.text } : { kind: 'blank', raw: field.raw };
}

function readRow(table: TableDef, row: RowDef, fields: Field[], fromTable: boolean, warnings: string[]): RowReading {
  const width = row.cols.length;
  if (fields.length === 0) return { row, candidates: [] };
  let used = fields;
  if (fromTable) {
    // Surplus empty cells of a table row are padding: an empty sub-label cell before the
    // figures, or empty cells after them.
    const isEmpty = (f: Field | undefined) => f?.kind === 'blank' && f.raw === '';
    let first = 0;
    let end = fields.length;
    while (end - first > width && isEmpty(fields[first])) first++;
    while (end - first > width && isEmpty(fields[end - 1])) end--;
    used = fields.slice(first, end);
  }
  if (used.length > width) {
    // Table rows: surplus leading cells are label cells. Text: surplus figures follow the row.
    warnings.push(`${table.id}.${row.key}: ${used.length} figures printed for ${width} columns; read ${fromTable ? 'the last' : 'the first'} ${width}`);
    used = fromTable ? used.slice(used.length - width) : used.slice(0, width);
  }
  if (used.length === width) return { row, candidates: [used.map(pieceOf)] };
  const slots = row.cols.map((c) => slotSpec(columnOf(table, c)));
  const printed = used.map(pieceOf);
  const groups: SumGroup[] = table.rowTotal ? [{ first: 0, total: width - 1 }] : [];
  let candidates: Piece[][];
  try {
    // Cuts keeping the row total first; all cuts only when none does (the row contradicts itself).
    candidates = enumerateSplits(printed, slots, { groups, limit: CANDIDATE_LIMIT, budget: SEARCH_BUDGET });
    if (candidates.length === 0 && groups.length > 0) candidates = enumerateSplits(printed, slots, { limit: CANDIDATE_LIMIT, budget: SEARCH_BUDGET });
  } catch (error) {
    if (!(error instanceof TooManySplits)) throw error;
    return { row, candidates: [], short: true, split: true };
  }
  if (candidates.length === 0) return { row, candidates: [], short: true };
  return { row, candidates, split: true };
}

/** Fields between anchors shared out over the rows they cover (rows whose labels went missing). */
function distribute(table: TableDef, rows: RowDef[], fields: Field[], warnings: string[]): RowReading[] {
  if (rows.length === 1) return [readRow(table, rows[0], fields, false, warnings)];
  const widths = rows.map((r) => r.cols.length);
  const total = widths.reduce((a, b) => a + b, 0);
  const out: RowReading[] = [];
  if (fields.length >= total) {
    if (fields.length > total) warnings.push(`${table.id}: ${fields.length - total} figures after row ${rows[rows.length - 1].key} not read`);
    let at = 0;
    for (const row of rows) {
      out.push(readRow(table, row, fields.slice(at, at + row.cols.length), false, warnings));
      at += row.cols.length;
    }
    return out;
  }
  const byLine = groupByLine(fields);
  if (byLine.length === rows.length) return rows.map((row, i) => readRow(table, row, byLine[i], false, warnings));
  // Fewer figures than cells and no line structure to tell the rows apart: only whole rows
  // from the start are certain when the anchored row itself prints a full set.
  let at = 0;
  for (const row of rows) {
    const take = fields.slice(at, at + row.cols.length);
    if (take.length < row.cols.length) break;
    out.push(readRow(table, row, take, false, warnings));
    at += row.cols.length;
  }
  warnings.push(`${table.id}: rows ${rows.map((r) => r.key).join(', ')} share ${fields.length} figures for ${total} cells; ${out.length} row(s) read`);
  return out;
}

function groupByLine(fields: Field[]): Field[][] {
  const groups: Field[][] = [];
  let line = -1;
  for (const f of fields) {
    if (f.line !== line) {
      groups.push([]);
      line = f.line;
    }
    groups[groups.length - 1].push(f);
  }
  return groups;
}

/** Label-anchored rows of a table whose labels head its rows (tables 2 and 3). */
function readLabelledRows(stream: Stream, region: Region, table: TableDef, warnings: string[]): RowReading[] {
  const anchors = findAnchors(stream, region, table);
  const readings: RowReading[] = [];
  anchors.forEach((anchor, k) => {
    const next = anchors[k + 1];
    const from = stream.view.origin[anchor.end - 1] + 1;
    const to = originOf(stream, next ? next.start : region.to);
    const fields = fieldsBetween(stream, from, to, { dropLineOfEnd: true });
    const lastRow = next ? next.rowIndex : table.rows.length;
    if (fields.length > 0 && isStructured(stream, fields[0].line)) {
      const rows = table.rows.slice(anchor.rowIndex, lastRow);
      groupByLine(fields).forEach((lineFields, i) => {
        if (i < rows.length) readings.push(readRow(table, rows[i], lineFields, true, warnings));
        else if (lineFields.some((f) => f.kind === 'value')) warnings.push(`${table.id}: a line of figures after row ${rows[rows.length - 1].key} matches no template row; not read`);
      });
      return;
    }
    readings.push(...distribute(table, table.rows.slice(anchor.rowIndex, lastRow), fields, warnings));
  });
  return readings;
}

/**
 * A table printing its rows as column groups (table 4: 复议 / 直接起诉 / 复议后起诉) gives all
 * its figures as one row: read by position when a line holds exactly that many fields, else in order.
 */
function readColumnGroups(stream: Stream, region: Region, table: TableDef, warnings: string[]): RowReading[] {
  const from = originOf(stream, region.from);
  const to = originOf(stream, region.to);
  const group = table.columns.length;
  const width = group * table.rows.length;
  for (let line = lineAt(stream, from); line < stream.lineStarts.length && stream.lineStarts[line] < to; line++) {
    const end = line + 1 < stream.lineStarts.length ? stream.lineStarts[line + 1] - 1 : stream.text.length;
    const cells = stream.text.slice(stream.lineStarts[line], end).split('\t').map((c) => c.trim());
    if (cells.length !== width) continue;
    if (!cells.every((c) => c === '' || BLANK_MARK.test(c) || /^\d+$/.test(c))) continue;
    if (!cells.some((c) => /^\d+$/.test(c))) continue;
    // Empty fields that open a text line may be indentation as well as empty cells: missing.
    const indent = stream.inTable[line] ? 0 : cells.findIndex((c) => c !== '');
    return table.rows.map((row, r) => {
      const at = r * group;
      if (at < indent) return { row, candidates: [], short: true };
      const pieces = cells.slice(at, at + group);
      return { row, candidates: [pieces.map((c): Piece => (/^\d+$/.test(c) ? { kind: 'value', text: c } : { kind: 'blank', raw: c }))] };
    });
  }
  const fields = fieldsBetween(stream, from, to);
  if (fields.length === 0) return [];
  if (fields.length >= width) {
    if (fields.length > width) warnings.push(`${table.id}: ${fields.length} figures printed for ${width} cells; read the first ${width}`);
    const readings = table.rows.map((row, r) => readRow(table, row, fields.slice(r * group, (r + 1) * group), false, warnings));
    const holds = readings.map((rr) => rr.candidates.length === 1 && rowIdentityHolds(table, rr.row, rr.candidates[0], null));
    if (holds.every((h) => !h)) return readInterleavedGroups(table, fields.slice(0, width), warnings);
    return readings;
  }
  const slots = table.rows.flatMap(() => table.columns.map(() => ({})));
  const printed = fields.map(pieceOf);
  const groups = table.rows.map((_, r): SumGroup => ({ first: r * group, total: (r + 1) * group - 1 }));
  let usable: Piece[][];
  try {
    // Cuts that break a group total are dropped; only when none keeps every total (the report
    // contradicts itself) are all cuts considered.
    usable = enumerateSplits(printed, slots, { groups, limit: CANDIDATE_LIMIT, budget: SEARCH_BUDGET });
    if (usable.length === 0) usable = enumerateSplits(printed, slots, { limit: CANDIDATE_LIMIT, budget: SEARCH_BUDGET });
  } catch (error) {
    if (!(error instanceof TooManySplits)) throw error;
    return table.rows.map((row) => ({ row, candidates: [], short: true, split: true }));
  }
  if (usable.length === 0) {
    warnings.push(`${table.id}: ${fields.length} printed fields cannot be read as ${width} cells; cells left missing`);
    return table.rows.map((row) => ({ row, candidates: [], short: true, explained: true }));
  }
  return table.rows.map((row, r) => ({ row, candidates: dedupeReadings(usable.map((c) => c.slice(r * group, (r + 1) * group))), split: true }));
}

/**
 * Some text renderings print a column-group table's figures interleaved, group by group as the
 * columns happen to wrap (淮安 2024: 72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | 20), keeping
 * each group's own order. Every way to share the printed figures out into the groups in order,
 * each group's parts adding up to its total, the first printed figure opening the first group
 * (reading starts at the top-left cell), is tried. A group is read where all those ways give it
 * the same figures, and left missing where they differ: the sums say which figures belong
 * together, not which of two later groups they are.
 */
function readInterleavedGroups(table: TableDef, fields: Field[], warnings: string[]): RowReading[] {
  const size = table.columns.length;
  const values = fields.map((f) => (f.kind === 'value' && /^\d+$/.test(f.text) ? Number(f.text) : null));
  const declineAll = (why: string): RowReading[] => {
    warnings.push(`${table.id}: no group total matches its parts when read in printed order (figures out of order in the text); ${why}`);
    return table.rows.map((row) => ({ row, candidates: [], short: true, explained: true }));
  };
  if (values.some((v) => v === null)) return declineAll('cells left missing');
  const readings: number[][] = [];
  const groups: number[][] = table.rows.map(() => []);
  const share = (i: number): void => {
    if (readings.length > 50) return;
    if (i === values.length) {
      readings.push(groups.map((g) => [...g]).flat());
      return;
    }
    groups.forEach((group, g) => {
      if (group.length === size) return;
      // Reading starts at the table's top-left cell: the first printed figure opens the first group.
      if (i === 0 && g !== 0) return;
      if (group.length === size - 1 && group.reduce((sum, index) => sum + values[index]!, 0) !== values[i]) return;
      group.push(i);
      share(i + 1);
      group.pop();
    });
  };
  share(0);
  if (readings.length === 0) return declineAll('no sharing out of the figures lets every group total hold; cells left missing');
  // A sharing says which printed figures form each group, not which group is which: a group is
  // known when every sharing puts the same figures in the same place.
  const figuresOf = (reading: number[], g: number) => reading.slice(g * size, (g + 1) * size).map((index) => values[index]!);
  const byRow = table.rows.map((row, g) => {
    const options = new Set(readings.map((reading) => JSON.stringify(figuresOf(reading, g))));
    return options.size === 1 ? { row, candidates: [figuresOf(readings[0]!, g).map((v): Piece => ({ kind: 'value', text: String(v) }))] } : null;
  });
  const open = byRow.filter((r) => r === null).length;
  warnings.push(`${table.id}: figures printed out of order; shared out by the groups' own totals${open > 0 ? `, ${open} group(s) still ambiguous and left missing` : ''}`);
  return byRow.map((reading, g) => reading ?? { row: table.rows[g]!, candidates: [], short: true, explained: true });
}

export interface ReadTableOptions {
  template: Template;
  otherRows: OtherRows;
  headerUnit: MoneyUnit | null;
}

export function readTable(stream: Stream, region: Region, table: TableDef, options: ReadTableOptions): TableReading {
  const warnings: string[] = [];
  const readings = table.layout === 'column_groups'
    ? readColumnGroups(stream, region, table, warnings)
    : readLabelledRows(stream, region, table, warnings);
  if (table.id === 't3') narrowByColumnIdentities(readings, options.template, options.otherRows, table);
  const cells: Cell[] = [];
  const checks: CheckResult[] = [];
  const lost = new Set<string>();
  for (const reading of readings) {
    const { row } = reading;
    const keys = row.cols.map((col) => cellKey({ table: table.id, row: row.key, col }));
    if (reading.short) {
      if (reading.split) checks.push(splitCheck(table, row, 'too many ways to cut the printed digits'));
      else if (!reading.explained) warnings.push(`${table.id}.${row.key}: fewer figures printed than columns; cells left missing unless the table's arithmetic fixes them`);
      row.cols.forEach((col, i) => {
        cells.push({ table: table.id, row: row.key, col, value: null, raw: null, state: 'missing' });
        if (!reading.split) lost.add(keys[i]);
      });
      continue;
    }
    if (reading.candidates.length === 0) continue;
    const undecided: string[] = [];
    row.cols.forEach((col, i) => {
      const options_ = reading.candidates.length === 1 ? [[reading.candidates[0][i]]] : dedupeReadings(reading.candidates.map((c) => [c[i]]));
      if (options_.length > 1) {
        undecided.push(col);
        cells.push({ table: table.id, row: row.key, col, value: null, raw: null, state: 'missing' });
        return;
      }
      cells.push(toCell(table, row, col, options_[0][0], options.headerUnit, warnings));
    });
    if (undecided.length > 0) checks.push(splitCheck(table, row, `${reading.candidates.length} readings of the printed digits fit; undecided: ${undecided.join(', ')}`, undecided));
  }
  return { cells, checks, warnings, lost };
}

function splitCheck(table: TableDef, row: RowDef, note: string, cols: readonly string[] = row.cols): CheckResult {
  return { rule: 'parse.split', row: row.key, status: 'uncertain', left: null, right: null, cells: cols.map((col) => cellKey({ table: table.id, row: row.key, col })), note };
}

function toCell(table: TableDef, row: RowDef, col: string, piece: Piece, headerUnit: MoneyUnit | null, warnings: string[]): Cell {
  if (piece.kind === 'blank') return { table: table.id, row: row.key, col, value: null, raw: piece.raw, state: 'blank' };
  const figure = readFigure(piece.text, columnOf(table, col), headerUnit);
  if (!figure) {
    const shown = piece.text.length > 24 ? `${piece.text.slice(0, 24)}… (${piece.text.length} characters)` : piece.text;
    warnings.push(`${table.id}.${row.key}.${col}: '${shown}' is not a figure this column can hold exactly; cell left missing`);
    return { table: table.id, row: row.key, col, value: null, raw: piece.text, state: 'missing' };
  }
  if (figure.note) warnings.push(`${table.id}.${row.key}.${col}: ${figure.note}`);
  return { table: table.id, row: row.key, col, value: figure.value, raw: piece.text, state: 'number' };
}
