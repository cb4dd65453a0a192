/**
 * Simplified script for the traditional-script mirrors some reports are found on: OpenCC's
 * traditional → mainland conversion, and the inline pinyin such mirrors add dropped.
 */
import * as OpenCC from 'opencc-js/t2cn';

const toSimplifiedScript = OpenCC.Converter({ from: 't', to: 'cn' });
/** Characters that exist only in traditional script and are common in these reports. */
const TRADITIONAL_MARKERS = /[國開關於務報數機發會條從體這時們區縣鎮業農辦處]/gu;
/** Pinyin a mirror site inserted after a character: 報(bào)告 → 報告. */
const INLINE_PINYIN = /(?<=\p{Script=Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+\)/gu;

/**
 * Simplified script without inline pinyin, for the traditional-script mirrors some reports are
 * found on. Text that is already simplified comes back unchanged. Also used for the narrative.
 */
export function normaliseScript(text: string): string {
  const withoutPinyin = text.replace(INLINE_PINYIN, '');
  const markers = withoutPinyin.match(TRADITIONAL_MARKERS)?.length ?? 0;
  return markers >= 2 ? toSimplifiedScript(withoutPinyin) : withoutPinyin;
}
