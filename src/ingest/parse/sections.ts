/**
 * Where the six sections and the three tables are, in compact-view positions. Headings are
 * found in order, each after the previous one, so a table-3 row label (一、本年新收…) can never
 * stand in for a section heading; a heading worded differently or missing falls back on the
 * tables' own header words.
 */
import type { Region } from './types.ts';

/**
 * Section headings 一…六 (the last one may carry another numeral). The words after the numeral must follow it without crossing a 、
 * or a digit, so table 3's own 一、本年新收… / 四、结转下年度… never read as headings.
 */
const SECTION_HEADINGS: RegExp[] = [
  /一[、.][^、\d。]{0,6}?(总体情况|概述|总体概述|概况)/g,
  /二[、.][^、\d。]{0,12}?主动公开/g,
  /三[、.][^、\d。]{0,12}?(收到和处理|依申请)/g,
  /四[、.][^、\d。]{0,16}?(复议|诉讼)/g,
  /五[、.][^、\d。]{0,16}?(存在的?主要问题|存在问题|主要问题|问题和改进|问题及改进)/g,
  // Some reports add a section before it and number it 七 (七、其他需说明事项).
  /[六七八][、.][^、\d。]{0,8}?(其他需要报告|其他事项|其他需报告|其他需说明|其他需要说明)/g,
];

export interface Heading {
  start: number;
  end: number;
}

export interface Layout {
  /** Headings 一…六 (index 0…5); null when not printed or not recognised. */
  headings: (Heading | null)[];
  t2: Region | null;
  t3: Region | null;
  t4: Region | null;
  /** Narrative of sections 一, 五 and 六. */
  narrative: Region[];
}

function findFrom(text: string, pattern: RegExp, from: number): Heading | null {
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

function firstOf(text: string, pattern: RegExp, from: number, to: number): number | null {
  const at = text.slice(from, to).search(pattern);
  return at < 0 ? null : from + at;
}

export function locateSections(text: string): Layout {
  const headings: (Heading | null)[] = [];
  let from = 0;
  for (const pattern of SECTION_HEADINGS) {
    const found = findFrom(text, pattern, from);
    headings.push(found);
    if (found) from = found.end;
  }
  const startOf = (i: number): number | null => headings[i]?.start ?? null;
  const nextStart = (i: number, fallback: number): number => {
    for (let j = i + 1; j < headings.length; j++) if (headings[j]) return headings[j]!.start;
    return fallback;
  };
  const end = text.length;

  const t2Start = headings[1]?.end ?? firstOf(text, /第二十条第/, 0, end);
  const t3Start = headings[2]?.end ?? firstOf(text, /申请人情况|本年新收/, t2Start ?? 0, end);
  const t4Start = headings[3]?.end ?? (t3Start !== null ? firstOf(text, /行政复议.{0,12}行政诉讼/, t3Start, end) : null);
  const t2End = t3Start !== null ? (headings[2]?.start ?? t3Start) : nextStart(1, end);
  const t3End = t4Start !== null ? (headings[3]?.start ?? t4Start) : nextStart(2, end);
  // Table 4 ends at the next numbered section whatever it is called: reports that add a
  // section (五、信息处理费收取情况) print another table of figures right after it.
  const nextSection = t4Start !== null ? firstOf(text, /[五六][、.](?=[\u4e00-\u9fff])/, t4Start, end) : null;
  const t4End = Math.min(nextStart(3, end), nextSection ?? end);

  const region = (s: number | null, e: number): Region | null => (s !== null && e > s ? { from: s, to: e } : null);
  const narrative: Region[] = [];
  const firstTable = [t2Start, t3Start, t4Start].find((p) => p !== null) ?? end;
  const intro = region(headings[0]?.end ?? 0, headings[1]?.start ?? firstTable);
  if (intro) narrative.push(intro);
  // Some reports write section 二 as prose (数量, 类别, 形式…) before table 2's header words.
  const twoEnd = headings[1] ? firstOf(text, /第二十条第|信息内容|本年新制作|本年制发|采购项目/, headings[1].end, t3Start ?? end) : null;
  const sectionTwo = headings[1] && twoEnd !== null ? region(headings[1].end, twoEnd) : null;
  if (sectionTwo) narrative.push(sectionTwo);
  for (const i of [4, 5]) {
    const s = headings[i]?.end ?? null;
    const r = region(s, i === 4 ? (startOf(5) ?? end) : end);
    if (r) narrative.push(r);
  }
  return {
    headings,
    t2: region(t2Start, t2End),
    t3: region(t3Start, t3End),
    t4: region(t4Start, t4End),
    narrative,
  };
}
