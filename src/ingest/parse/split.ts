/**
 * Figures printed with no separators between cells ('7777166' for 77 | 77 | 166): the ways to
 * cut the printed runs into the row's cells that keep the row's own sums, so the table's
 * arithmetic can choose. The search is bounded: past its budget it gives up rather than guess.
 */
import type { Piece, PrintedField } from './types.ts';

export interface SlotSpec {
  /** A signed delta (本年增/减): may carry + or -. */
  signed?: boolean;
  /** A money cell: may carry decimals and a unit (元/万元). */
  money?: boolean;
}

/**
 * Consecutive count slots `first`…`total` where the last is the sum of the others (t3 row
 * total, t4 group total). Groups do not overlap. A group with a blank cell constrains nothing.
 */
export interface SumGroup {
  first: number;
  total: number;
}

export class TooManySplits extends Error {}

/** Counts in a sum stay exact as JavaScript numbers (no report counts 10^15 of anything). */
const MAX_COUNT_DIGITS = 15;

export interface SplitOptions {
  groups?: readonly SumGroup[];
  /** Most readings returned before giving up. */
  limit?: number;
  /** Most search steps before giving up. */
  budget?: number;
}

/** A printed field taken apart: a blank, one already-separated cell (thousands commas), or a run. */
type Parsed =
  | { kind: 'blank'; raw: string }
  | { kind: 'whole'; text: string }
  | { kind: 'run'; sign: string; digits: string; tail: string };

function parseField(field: PrintedField): Parsed | null {
  if (field.kind === 'blank') return field;
  if (field.text.includes(',')) return { kind: 'whole', text: field.text.replace(/,/g, '') };
  const m = /^([+-]?)(\d+)((?:\.\d+)?\s*(?:万元|元)?)$/.exec(field.text);
  return m ? { kind: 'run', sign: m[1], digits: m[2], tail: m[3] } : null;
}

function validPiece(text: string, slot: SlotSpec): boolean {
  const m = /^([+-]?)(0|[1-9]\d*)((?:\.\d+)?)\s*(万元|元)?$/.exec(text);
  if (!m) return false;
  if (m[1] && !slot.signed) return false;
  if (m[1] && m[2] === '0') return false;
  if ((m[3] || m[4]) && !slot.money) return false;
  return true;
}

/** The value a piece adds to a sum; null for a blank. Sum slots are plain counts. */
function countOf(piece: Piece): number | null {
  return piece.kind === 'value' ? Number(piece.text.replace(/,/g, '')) : null;
}

/**
 * Every way to read `fields` as exactly `slots.length` cells, in order, keeping every sum group
 * whose cells are all figures. A value field may hold several cells run together; a cell never
 * has a leading zero (except a lone 0), a sign only in a signed column, decimals and a unit only
 * in a money column. A '-' opening a run may be a sign or a cell printed as '-'. A field with
 * thousands separators is one cell. Throws TooManySplits past `limit` readings or `budget` steps.
 */
export function enumerateSplits(fields: PrintedField[], slots: SlotSpec[], options: SplitOptions = {}): Piece[][] {
  const parsed: Parsed[] = [];
  for (const f of fields) {
    const p = parseField(f);
    if (!p) return [];
    parsed.push(p);
  }
  const search = new Search(slots, options);
  const last = options.groups?.find((g) => g.total === slots.length - 1);
  const tailField = parsed[parsed.length - 1];
  if (!last || tailField?.kind !== 'run') return search.all(parsed, new Map());
  // A run ending the row ends with its total: each possible total bounds every part before it.
  const out: Piece[][] = [];
  const totalSlot = slots[last.total];
  for (let length = 1; length <= Math.min(tailField.digits.length, MAX_COUNT_DIGITS); length++) {
    const digits = tailField.digits.slice(-length);
    const rest = tailField.digits.slice(0, -length);
    const heads: { prefix: Parsed[]; text: string }[] = [];
    const before = parsed.slice(0, -1);
    if (rest !== '') heads.push({ prefix: [...before, { kind: 'run', sign: tailField.sign, digits: rest, tail: '' }], text: digits + tailField.tail });
    else {
      if (tailField.sign === '-') heads.push({ prefix: [...before, { kind: 'blank', raw: '-' }], text: digits + tailField.tail });
      heads.push({ prefix: before, text: tailField.sign + digits + tailField.tail });
    }
    for (const { prefix, text } of heads) {
      if (!validPiece(text, totalSlot)) continue;
      const total: Piece = { kind: 'value', text };
      for (const reading of search.all(prefix, new Map([[last, countOf(total)!]]), slots.length - 1)) {
        out.push([...reading, total]);
        if (out.length > search.limit) throw new TooManySplits();
      }
    }
  }
  return out;
}

class Search {
  readonly limit: number;
  private readonly budget: number;
  private readonly groupAt: (SumGroup | undefined)[];
  private steps = 0;

  constructor(
    private readonly slots: SlotSpec[],
    options: SplitOptions,
  ) {
    this.limit = options.limit ?? 20000;
    this.budget = options.budget ?? 200000;
    this.groupAt = slots.map((_, i) => options.groups?.find((g) => g.first <= i && i <= g.total));
  }

  /**
   * Readings of `fields` as the first `slotCount` slots. `targets` fixes the total of a group
   * whose total slot lies beyond `slotCount` (already read from the end of the row).
   */
  all(fields: Parsed[], targets: ReadonlyMap<SumGroup, number>, slotCount = this.slots.length): Piece[][] {
    const out: Piece[][] = [];
    const current: Piece[] = [];
    const dead = new Set<string>();
    // Most cells the fields from each index on can fill: a '-' opening a run may be one more.
    const capacity = new Array<number>(fields.length + 1).fill(0);
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i];
      capacity[i] = capacity[i + 1] + (f.kind === 'run' ? f.digits.length + (f.sign === '-' ? 1 : 0) : 1);
    }
    // Digits from each field on, and whether a blank may still come (a blank voids a sum).
    const digitsFrom = new Array<number>(fields.length + 1).fill(0);
    const blankFrom = new Array<boolean>(fields.length + 1).fill(false);
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i];
      digitsFrom[i] = digitsFrom[i + 1] + (f.kind === 'run' ? f.digits.length : f.kind === 'whole' ? f.text.length : 0);
      blankFrom[i] = blankFrom[i + 1] || f.kind === 'blank' || (f.kind === 'run' && f.sign === '-');
    }
    const tryPiece = (piece: Piece, nextField: number, nextAt: number, slot: number, sum: number | null): boolean => {
      const next = this.advance(slot, sum, piece);
      current.push(piece);
      const found = walk(nextField, nextAt, slot + 1, next);
      current.pop();
      return found;
    };
    // fieldIndex/at: where reading resumes (at counts the sign, then digits of a run);
    // sum: the open group's parts so far, null once a part is blank.
    const walk = (fieldIndex: number, at: number, slot: number, sum: number | null): boolean => {
      if (++this.steps > this.budget) throw new TooManySplits();
      if (slot === slotCount) {
        if (fieldIndex !== fields.length) return false;
        out.push([...current]);
        if (out.length > this.limit) throw new TooManySplits();
        return true;
      }
      if (fieldIndex === fields.length) return false;
      const field = fields[fieldIndex];
      const slotsLeft = slotCount - slot;
      const digitsUsed = field.kind === 'run' ? Math.max(0, at - field.sign.length) : 0;
      const consumed = digitsUsed + (field.kind === 'run' && at > 0 && field.sign === '-' ? 1 : 0);
      if (slotsLeft < fields.length - fieldIndex || slotsLeft > capacity[fieldIndex] - consumed) return false;
      // A blank still to come would void the sum, so a known total bounds the parts only without.
      const blankAhead = blankFrom[fieldIndex + 1] || field.kind === 'blank' || (field.kind === 'run' && at === 0 && field.sign === '-');
      const room = blankAhead ? null : this.room(slot, sum, targets);
      if (room !== null) {
        // Every slot left is a part of a group whose total is known: each part is at most
        // `room`, so the digits left must fit in that many parts of room's length, and the
        // longest part they leave room for must be able to reach it.
        const digitsLeft = digitsFrom[fieldIndex] - digitsUsed;
        if (room < 0 || digitsLeft > slotsLeft * String(room).length || room > slotsLeft * (10 ** (digitsLeft - slotsLeft + 1) - 1)) return false;
      }
      const key = `${fieldIndex},${at},${slot},${sum}`;
      if (dead.has(key)) return false;
      let found = false;
      if (field.kind === 'blank') found = tryPiece(field, fieldIndex + 1, 0, slot, sum);
      else if (field.kind === 'whole') {
        if (validPiece(field.text, this.slots[slot])) found = tryPiece({ kind: 'value', text: field.text }, fieldIndex + 1, 0, slot, sum);
      } else {
        let sign = '';
        let from = at - field.sign.length;
        if (at === 0 && field.sign !== '') {
          if (field.sign === '-') found = tryPiece({ kind: 'blank', raw: '-' }, fieldIndex, 1, slot, sum);
          sign = field.sign;
          from = 0;
        }
        const forced = this.forcedPiece(slot, sum, targets);
        for (let end = from + 1; end <= field.digits.length; end++) {
          const digits = field.digits.slice(from, end);
          if (digits.length > 1 && digits[0] === '0') break;
          if (digits.length > MAX_COUNT_DIGITS && this.groupAt[slot]) break;
          if (room !== null && Number(digits) > room) break;
          const atEnd = end === field.digits.length;
          const text = sign + digits + (atEnd ? field.tail : '');
          if (forced !== null && text !== forced) {
            if (text.length > forced.length) break;
            continue;
          }
          if (!validPiece(text, this.slots[slot])) continue;
          if (tryPiece({ kind: 'value', text }, atEnd ? fieldIndex + 1 : fieldIndex, atEnd ? 0 : field.sign.length + end, slot, sum)) found = true;
        }
      }
      if (!found) dead.add(key);
      return found;
    };
    walk(0, 0, 0, 0);
    return out;
  }

  /** The one text a slot can hold when its group's arithmetic fixes it, else null. */
  private forcedPiece(slot: number, sum: number | null, targets: ReadonlyMap<SumGroup, number>): string | null {
    const group = this.groupAt[slot];
    if (!group || sum === null) return null;
    if (slot === group.total) return String(sum);
    const target = targets.get(group);
    if (target !== undefined && slot === group.total - 1) return target - sum >= 0 ? String(target - sum) : '';
    return null;
  }

  /** The most a part may still add to its group when the group's total is already known. */
  private room(slot: number, sum: number | null, targets: ReadonlyMap<SumGroup, number>): number | null {
    const group = this.groupAt[slot];
    const target = group && targets.get(group);
    return target === undefined || target === null || sum === null || slot === group!.total ? null : target - sum;
  }

  /** The open group's sum after `piece` fills `slot`: null once a part is blank. */
  private advance(slot: number, sum: number | null, piece: Piece): number | null {
    const group = this.groupAt[slot];
    if (!group || slot === group.total) return 0;
    const value = countOf(piece);
    return value === null || sum === null ? null : sum + value;
  }
}

/** The distinct readings among several, in first-seen order. */
export function dedupeReadings(candidates: Piece[][]): Piece[][] {
  const seen = new Map<string, Piece[]>();
  for (const c of candidates) seen.set(JSON.stringify(c), c);
  return [...seen.values()];
}
