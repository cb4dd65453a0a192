/**
 * Figures printed with no separators between cells ('7777166' for 77 | 77 | 166): every way
 * to cut the printed runs into the row's cells, so the table's arithmetic can choose.
 */

export interface SlotSpec {
  /** A signed delta (本年增/减): may carry + or -. */
  signed?: boolean;
  /** A money cell: may carry decimals and a unit (元/万元). */
  money?: boolean;
}

/** One printed field: a run of digits (maybe several cells), or a cell printed empty. */
export type PrintedField = { kind: 'value'; text: string } | { kind: 'blank'; raw: string };

/** One cell of a reading: a value field cut to a single figure, or a blank. */
export type Piece = PrintedField;

/** The parts of one printed value field: sign, integer digits, decimal-and-unit tail. */
function anatomy(text: string): { sign: string; digits: string; tail: string } | null {
  const m = /^([+-]?)(\d+)((?:\.\d+)?\s*(?:万元|元)?)$/.exec(text);
  if (!m) return null;
  return { sign: m[1], digits: m[2], tail: m[3] };
}

function validPiece(text: string, slot: SlotSpec): boolean {
  const m = /^([+-]?)(0|[1-9]\d*)((?:\.\d+)?)\s*(万元|元)?$/.exec(text);
  if (!m) return false;
  if (m[1] && !slot.signed) return false;
  if (m[1] && m[2] === '0') return false;
  if ((m[3] || m[4]) && !slot.money) return false;
  return true;
}

export class TooManySplits extends Error {}

/**
 * Every way to read `fields` as exactly `slots.length` cells, in order. A value field may hold
 * several cells run together; a cell never has a leading zero (except a lone 0), a sign only
 * in a signed column, decimals and a unit only in a money column. A field whose text already
 * has thousands separators is one cell. `viable` may reject a partial reading early (an
 * identity of the cells read so far fails). Throws TooManySplits past `limit` candidates.
 */
export function enumerateSplits(fields: PrintedField[], slots: SlotSpec[], limit = 20000, viable: (partial: readonly Piece[]) => boolean = () => true): Piece[][] {
  const out: Piece[][] = [];
  const current: Piece[] = [];
  // The most cells the fields after each one can still fill: prunes cuts that leave too few.
  const capacityAfter = fields.map((_, i) => fields.slice(i + 1).reduce((n, f) => n + (f.kind === 'blank' ? 1 : (anatomy(f.text)?.digits.length ?? 1)), 0));
  const walk = (fieldIndex: number, slotIndex: number) => {
    if (fieldIndex === fields.length) {
      if (slotIndex === slots.length) {
        out.push([...current]);
        if (out.length > limit) throw new TooManySplits();
      }
      return;
    }
    const field = fields[fieldIndex];
    const fieldsLeft = fields.length - fieldIndex - 1;
    if (slotIndex + 1 + fieldsLeft > slots.length) return;
    if (field.kind === 'blank') {
      current.push(field);
      walk(fieldIndex + 1, slotIndex + 1);
      current.pop();
      return;
    }
    if (field.text.includes(',')) {
      if (validPiece(field.text.replace(/,/g, ''), slots[slotIndex])) {
        current.push(field);
        walk(fieldIndex + 1, slotIndex + 1);
        current.pop();
      }
      return;
    }
    const parts = anatomy(field.text);
    if (!parts) return;
    const maxPieces = Math.min(parts.digits.length, slots.length - slotIndex - fieldsLeft);
    const minPieces = Math.max(1, slots.length - slotIndex - capacityAfter[fieldIndex]);
    for (let pieces = minPieces; pieces <= maxPieces; pieces++) {
      for (const cut of cuts(parts.digits, pieces)) {
        const texts = cut.map((d, i) => (i === 0 ? parts.sign : '') + d + (i === cut.length - 1 ? parts.tail : ''));
        if (!texts.every((t, i) => validPiece(t, slots[slotIndex + i]))) continue;
        for (const t of texts) current.push({ kind: 'value', text: t });
        if (viable(current)) walk(fieldIndex + 1, slotIndex + pieces);
        current.length -= pieces;
      }
    }
  };
  walk(0, 0);
  return out;
}

/** Every way to cut `digits` into `pieces` non-empty parts. */
function* cuts(digits: string, pieces: number): Generator<string[]> {
  if (pieces === 1) {
    yield [digits];
    return;
  }
  for (let i = 1; i <= digits.length - pieces + 1; i++) {
    for (const rest of cuts(digits.slice(i), pieces - 1)) yield [digits.slice(0, i), ...rest];
  }
}
