/**
 * Disambiguation by arithmetic: table-3 rows whose run-together digits still allow several
 * readings (split.ts) are tried together against the table's column identities.
 */
import { cellKey, outcomeRows, rulesOf, type OtherRows, type RowDef, type TableDef, type Template } from '../../model/templates/index.ts';
import { readFigure } from './figures.ts';
import { dedupeReadings } from './split.ts';
import type { Piece, RowReading } from './types.ts';

/** Steps the column search of table 3 may take; past it the open rows stay undecided. */
const NARROW_BUDGET = 50000;

/**
 * Table 3 rows left with several cuts: try them together against the column identities
 * (balance and outcome sum) and keep what every best-scoring combination agrees on. A branch
 * and bound: an identity can still hold only if the rows left can make up its difference, which
 * bounds the score of every completion. Past the budget the rows stay undecided (declined).
 */
export function narrowByColumnIdentities(readings: RowReading[], template: Template, otherRows: OtherRows, table: TableDef): void {
  // Every row settled (or empty): no identity has anything to decide.
  if (!readings.some((r) => r.candidates.length > 1)) return;
  const valueOf = (row: RowDef, p: Piece, i: number) => (p.kind === 'value' ? readFigure(p.text, table.columns.find((c) => c.key === row.cols[i]), null)?.value ?? null : null);
  const keyOf = (row: RowDef, i: number) => cellKey({ table: table.id, row: row.key, col: row.cols[i] });
  const settled = new Map<string, number | null>();
  /** The values each undecided cell may take across its row's readings (blanks left out). */
  const undecided = new Map<string, number[]>();
  for (const r of readings) {
    r.row.cols.forEach((_, i) => {
      if (r.candidates.length === 1) settled.set(keyOf(r.row, i), valueOf(r.row, r.candidates[0][i], i));
      else if (r.candidates.length > 1) undecided.set(keyOf(r.row, i), r.candidates.map((c) => valueOf(r.row, c[i], i)).filter((v): v is number => v !== null));
    });
  }
  const couldHold = (id: { left: string[]; right: string[] }) => {
    let low = 0;
    let high = 0;
    for (const [keys, sign] of [[id.left, 1], [id.right, -1]] as const) {
      for (const key of keys) {
        const options = undecided.get(key)?.map((v) => sign * v) ?? [sign * settled.get(key)!];
        if (options.length === 0) return false;
        low += Math.min(...options);
        high += Math.max(...options);
      }
    }
    return low <= 0 && 0 <= high;
  };
  // Identities that score the same in every combination (voided by a settled blank, beyond
  // reach of any reading, or with nothing undecided) are left out, and so are rows that only
  // they would decide: all their readings stay.
  const identities = rulesOf(template, otherRows)
    .filter((id) => id.rule === 't3.balance' || id.rule === 't3.outcome_sum')
    .filter((id) => [...id.left, ...id.right].every((k) => undecided.has(k) || (settled.has(k) && settled.get(k) !== null)))
    .filter((id) => [...id.left, ...id.right].some((k) => undecided.has(k)) && couldHold(id));
  const decisive = new Set(identities.flatMap((id) => [...id.left, ...id.right]));
  const open = readings.filter((r) => r.candidates.length > 1 && r.row.cols.some((_, i) => decisive.has(keyOf(r.row, i))));
  if (open.length === 0) return;
  // Rows outside the outcome sums first: their cells let the sums fail early.
  const outcomes = new Set(outcomeRows(otherRows));
  open.sort((a, b) => Number(outcomes.has(a.row.key)) - Number(outcomes.has(b.row.key)));
  const openAt = new Map<string, { depth: number; col: number }>();
  open.forEach((r, depth) => r.row.cols.forEach((_, i) => openAt.set(keyOf(r.row, i), { depth, col: i })));
  const openValues = open.map((r) => r.candidates.map((c) => c.map((p, i) => valueOf(r.row, p, i))));
  const diff: number[] = [];
  const nulls: number[] = [];
  const lastOpen = identities.map(() => ({ left: -1, right: -1 }));
  const terms = open.map((): { id: number; sign: 1 | -1; col: number }[] => []);
  identities.forEach((id, n) => {
    diff[n] = 0;
    nulls[n] = 0;
    for (const [keys, sign, side] of [[id.left, 1, 'left'], [id.right, -1, 'right']] as const) {
      for (const key of keys) {
        const at = openAt.get(key);
        if (at) {
          terms[at.depth].push({ id: n, sign, col: at.col });
          lastOpen[n][side] = Math.max(lastOpen[n][side], at.depth);
        } else if (settled.get(key) === null) nulls[n]++;
        else diff[n] += sign * settled.get(key)!;
      }
    }
  });
  // The least and most the rows from each depth on can still add to each identity: an
  // identity holds in some completion only if what is missing lies in that range.
  const reach = identities.map(() => Array.from({ length: open.length + 1 }, () => ({ low: 0, high: 0 })));
  for (let depth = open.length - 1; depth >= 0; depth--) {
    identities.forEach((_, n) => (reach[n][depth] = { ...reach[n][depth + 1] }));
    for (const t of terms[depth]) {
      const options = openValues[depth].map((c) => c[t.col]).filter((v): v is number => v !== null).map((v) => t.sign * v);
      const range = reach[t.id][depth];
      if (options.length === 0) [range.low, range.high] = [Infinity, -Infinity];
      else [range.low, range.high] = [range.low + Math.min(...options), range.high + Math.max(...options)];
    }
  }
  const apply = (depth: number, candidate: number, direction: 1 | -1) => {
    for (const t of terms[depth]) {
      const v = openValues[depth][candidate][t.col];
      if (v === null) nulls[t.id] += direction;
      else diff[t.id] += direction * t.sign * v;
    }
  };
  /** Identities that hold, and those that still might, with the rows before `depth` chosen. */
  const tally = (depth: number) => {
    let held = 0;
    let possible = 0;
    identities.forEach((_, n) => {
      if (nulls[n] > 0) return;
      if (lastOpen[n].left < depth && lastOpen[n].right < depth) held += Number(diff[n] === 0);
      else if (reach[n][depth].low <= -diff[n] && -diff[n] <= reach[n][depth].high) possible++;
    });
    return { held, possible };
  };
  const kept = open.map(() => new Set<number>());
  const choice = new Array<number>(open.length).fill(0);
  let best = -1;
  let steps = 0;
  const walk = (depth: number): boolean => {
    if (++steps > NARROW_BUDGET) return false;
    const { held, possible } = tally(depth);
    if (held + possible < best) return true;
    if (depth === open.length) {
      if (held > best) {
        best = held;
        kept.forEach((k) => k.clear());
      }
      kept.forEach((k, i) => k.add(choice[i]));
      return true;
    }
    for (let c = 0; c < openValues[depth].length; c++) {
      choice[depth] = c;
      apply(depth, c, 1);
      const finished = walk(depth + 1);
      apply(depth, c, -1);
      if (!finished) return false;
    }
    return true;
  };
  if (!walk(0)) return;
  open.forEach((r, i) => {
    r.candidates = dedupeReadings(r.candidates.filter((_, c) => kept[i].has(c)));
  });
}
