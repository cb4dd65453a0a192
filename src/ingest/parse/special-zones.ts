/**
 * Bodies that govern a region but are not GB/T 2260 divisions: comprehensive experimental zones
 * and new areas set up by a province or the State Council. The code table cannot give their
 * rank, so it is stated here, with the division code of the area they govern. A zone missing
 * from this list still parses: its level is `zone` and its departments' level is flagged.
 */
export interface SpecialZone {
  name: string;
  /** The rank the zone's government is administered at. */
  rank: 'prefecture' | 'county';
  province: string;
  /** GB/T 2260 code of the area it governs. */
  regionCode: string;
  source: string;
}

export const SPECIAL_ZONES: readonly SpecialZone[] = [
  {
    name: '平潭综合实验区',
    rank: 'prefecture',
    province: '福建省',
    regionCode: '350128',
    source: '福建省人民政府派出机构（正厅级），管辖平潭县（350128）全境',
  },
];

/** The listed zone a body's name starts with, if any (longest name first). */
export function specialZoneOf(name: string): SpecialZone | null {
  let best: SpecialZone | null = null;
  for (const zone of SPECIAL_ZONES) {
    if (name.startsWith(zone.name) && (!best || zone.name.length > best.name.length)) best = zone;
  }
  return best;
}
