/**
 * The reader's and parser's problems with a file (English, as `gongkai parse` prints them) in
 * both languages, for the list of dropped files.
 */
import type { Bilingual } from './labels.ts';

const PROBLEMS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^empty file/, () => '空文件'],
  [/^(.+) is more than a report's (.+); not read$/, (m) => `${m[1]}，超过年报的上限 ${m[2]}，未读取`],
  [/^not a report: no Chinese text/, () => '不是年报：没有中文文字（扫描件或没有文字映射的字体？不支持文字识别）'],
  [/^not a report: only (\d+) Chinese characters/, (m) => `不是年报：只有 ${m[1]} 个汉字`],
  [/^not a report: no disclosure tables/, () => '不是年报：未找到公开情况表格、数字、报告机关或年度'],
  [/^binary file/, () => '二进制文件，不是 PDF、DOCX、HTML 或文本格式的年报'],
  [/^old binary Office file/, () => '旧版 Office 文件（.doc/.wps/.xls）不受支持，请另存为 .docx 或 PDF'],
  [/^image file/, () => '图片文件：扫描件需要文字识别，暂不支持'],
  [/^compressed archive/, () => '压缩包，不是年报'],
  [/^RTF document/, () => 'RTF 文档不受支持，请另存为 .docx 或 PDF'],
  [/^OFD document/, () => 'OFD 文档不受支持，请导出为 PDF'],
  [/^Excel workbook/, () => 'Excel 工作簿，不是年报'],
  [/^ZIP archive/, () => 'ZIP 压缩包，不是 Word .docx 文件'],
  [/^named \.pdf but/, () => '扩展名是 .pdf，但不是 PDF 文件'],
  [/^PDF is password-protected/, () => 'PDF 有密码保护'],
  [/^PDF has (\d+) pages/, (m) => `PDF 有 ${m[1]} 页，不像一份年报`],
  [/^corrupt (PDF|DOCX)/, (m) => `${m[1]} 文件已损坏`],
  [/^DOCX (unpacks|packs)/, () => 'DOCX 解压后过大（疑似压缩炸弹），未读取'],
];

export function problemText(problem: string): Bilingual {
  for (const [pattern, zh] of PROBLEMS) {
    const match = pattern.exec(problem);
    if (match) return { zh: zh(match), en: problem };
  }
  return { zh: `无法读取：${problem}`, en: problem };
}
