import { describe, expect, it } from 'vitest';
import { readSourceBytes } from '../../ingest/readers/bytes.ts';
import { problemOf } from '../../ingest/parse-source.ts';
import { problemText } from './problems.ts';

async function readingProblem(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readSourceBytes(bytes, name);
  } catch (error) {
    return problemOf(error, 'read');
  }
  throw new Error(`${name} was read`);
}

describe('problemText', () => {
  it('says the reader\'s problems in Chinese, keeping the English as the CLI prints it', async () => {
    const cases: [Uint8Array, string, string][] = [
      [new Uint8Array(), 'a.txt', '空文件'],
      [Uint8Array.from({ length: 64 }, (_, i) => i % 3), 'b.txt', '二进制文件，不是 PDF、DOCX、HTML 或文本格式的年报'],
      [new TextEncoder().encode('just some english text, no report here at all'), 'c.txt', '不是年报：没有中文文字（扫描件或没有文字映射的字体？不支持文字识别）'],
      [new TextEncoder().encode('%PDF-1.4 broken'), 'd.pdf', 'PDF 文件已损坏'],
      [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'e.png', '图片文件：扫描件需要文字识别，暂不支持'],
    ];
    for (const [bytes, name, zh] of cases) {
      const problem = await readingProblem(bytes, name);
      expect(problemText(problem), name).toEqual({ zh, en: problem });
    }
  });

  it('sizes and counts carry over into the Chinese', () => {
    expect(problemText("80.0 MB is more than a report's 64.0 MB; not read").zh).toBe('80.0 MB，超过年报的上限 64.0 MB，未读取');
    expect(problemText('not a report: only 7 Chinese characters').zh).toBe('不是年报：只有 7 个汉字');
  });

  it('an unforeseen problem is still shown, prefixed in Chinese', () => {
    expect(problemText('parser failed: boom')).toEqual({ zh: '无法读取：parser failed: boom', en: 'parser failed: boom' });
  });
});
