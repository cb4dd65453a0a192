/**
 * A label-matching view of a text: whitespace removed, NFKC (full-width brackets and digits
 * become ASCII), common Traditional characters mapped to Simplified, and the inline pinyin
 * some mirror sites add ('機(jī)關(guān)') dropped. Each character of the view remembers where it
 * came from, so a label found in the view marks an exact span of the original.
 */

const TRADITIONAL: Record<string, string> = Object.fromEntries(
  [
    '規规', '範范', '檔文', '許许', '處处', '罰罚', '強强', '業业', '費费', '採采', '購购', '務务',
    '數数', '結结', '轉转', '請请', '開开', '織织', '構构', '護护', '權权', '屬属', '國国', '與与',
    '復复', '議议', '訴诉', '訟讼', '維维', '糾纠', '審审', '總总', '條条', '項项', '會会', '關关',
    '無无', '現现', '製制', '實实', '辦办', '報报', '門门', '機机', '體体', '況况', '據据', '經经',
    '濟济', '決决', '類类', '訊讯', '資资', '讀读', '險险', '穩稳', '學学', '點点', '於于',
    '這这', '補补', '確确', '認认', '獲获', '複复', '懸悬', '統统', '計计', '單单', '額额', '萬万',
    '發发', '廢废', '號号', '來来', '場场', '級级', '區区', '縣县', '鎮镇', '廳厅',
    '員员', '問问', '題题', '進进', '須须', '應应', '繳缴', '舉举', '訪访', '勢势', '紛纷',
  ].map((pair) => [pair[0], pair[1]]),
);

/** Mirrors that convert 文件 to 檔案 leave 案 behind; '規範性檔案' must read 规范性文件. */
const TRADITIONAL_WORDS: [RegExp, string][] = [[/文案/g, '文件']];

const PINYIN_GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g;

export interface CompactView {
  text: string;
  /** Index into the original text of each character of `text`. */
  origin: number[];
}

export function compactView(original: string): CompactView {
  let text = '';
  let origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i];
    if (/\s/.test(ch)) continue;
    const mapped = TRADITIONAL[ch] ?? ch.normalize('NFKC');
    for (const m of mapped) {
      text += m;
      origin.push(i);
    }
  }
  ({ text, origin } = dropMatches(text, origin, PINYIN_GLOSS));
  for (const [pattern, replacement] of TRADITIONAL_WORDS) text = text.replace(pattern, (m) => replacement.slice(0, m.length));
  return { text, origin };
}

function dropMatches(text: string, origin: number[], pattern: RegExp): CompactView {
  let out = '';
  const kept: number[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += text.slice(last, m.index);
    kept.push(...origin.slice(last, m.index));
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  kept.push(...origin.slice(last));
  return { text: out, origin: kept };
}

/** The same normalisation for a short label written in code or read from a header. */
export function compactLabel(label: string): string {
  return compactView(label).text;
}
