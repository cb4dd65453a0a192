/**
 * Cells lost in extraction (a row printing six figures for seven columns) that the table's
 * identities still determine: a lone unknown in an identity, or unknowns that must all be 0
 * because the counts they add to already balance and counts are never negative.
 */
import { cellKey, rulesOf, type OtherRows, type Template } from '../../model/templates/index.ts';
import type { Cell } from '../../model/report.ts';

export function inferLostCells(cells: Cell[], lost: ReadonlySet<string>, template: Template, otherRows: OtherRows): string[] {
  // Nothing lost, nothing to infer.
  if (lost.size === 0) return [];
  const inferred = new Map<string, string[]>();
  const byKey = new Map(cells.map((c) => [cellKey(c), c]));
  const identities = rulesOf(template, otherRows).filter((i) => i.op === 'eq' && (i.rule.startsWith('t3.') || i.rule === 't4.total'));
  const isUnknown = (key: string) => lost.has(key) && byKey.get(key)?.state === 'missing';
  let changed = true;
  while (changed) {
    changed = false;
    for (const identity of identities) {
      const operands = [...identity.left, ...identity.right];
      if (operands.some((k) => !byKey.has(k) || (!isUnknown(k) && byKey.get(k)!.value === null))) continue;
      const unknown = operands.filter(isUnknown);
      if (unknown.length === 0) continue;
      const knownSum = (keys: string[]) => keys.filter((k) => !isUnknown(k)).reduce((s, k) => s + byKey.get(k)!.value!, 0);
      const leftUnknown = identity.left.filter(isUnknown);
      const rightUnknown = identity.right.filter(isUnknown);
      const residual = knownSum(identity.left) - knownSum(identity.right);
      const where = `${identity.rule}${identity.col ? `[${identity.col}]` : ''}${identity.row ? `[${identity.row}]` : ''}`;
      let solved: [string, number][] = [];
      if (unknown.length === 1) {
        const value = leftUnknown.length === 1 ? -residual : residual;
        if (Number.isInteger(value) && value >= 0) solved = [[unknown[0], value]];
      } else if ((leftUnknown.length === 0 || rightUnknown.length === 0) && residual === 0) {
        solved = unknown.map((k) => [k, 0]);
      }
      for (const [key, value] of solved) {
        const cell = byKey.get(key)!;
        cell.value = value;
        cell.state = 'inferred';
        const row = key.split('.').slice(0, 2).join('.');
        inferred.set(row, [...(inferred.get(row) ?? []), `${key.split('.')[2]} = ${value} (${where}${unknown.length > 1 ? ', counts are never negative' : ''})`]);
        changed = true;
      }
    }
  }
  return [...inferred].map(([row, notes]) => `${row}: figures lost in the text, inferred from the table's arithmetic: ${notes.join('; ')}`);
}
