import { describe, expect, it } from 'vitest';
import { readHtmlDocument } from './html.ts';

const rows = (html: string) => readHtmlDocument(html).lines.filter((line) => line.inTable).map((line) => line.cells);
const paragraphs = (html: string) => readHtmlDocument(html).lines.filter((line) => !line.inTable).map((line) => line.cells);

describe('readHtmlDocument', () => {
  it('gives one line per table row and one per block outside tables', () => {
    const doc = readHtmlDocument(`
      <h1>示例省甲市教育局2099年政府信息公开工作年度报告</h1>
      <p>一、总体情况</p>
      <div>全年主动公开信息<span>154</span>条。<br>第二行</div>
      <table><tr><td>规章</td><td>3</td><td>1</td><td>12</td></tr></table>
      <ul><li>附件下载</li></ul>`);
    expect(doc.format).toBe('html');
    expect(doc.lines).toEqual([
      { cells: ['示例省甲市教育局2099年政府信息公开工作年度报告'] },
      { cells: ['一、总体情况'] },
      { cells: ['全年主动公开信息154条。'] },
      { cells: ['第二行'] },
      { cells: ['规章', '3', '1', '12'], inTable: true },
      { cells: ['附件下载'] },
    ]);
  });

  it('keeps &nbsp;-only and empty cells as empty strings in their place', () => {
    expect(rows('<table><tr><td>行政强制</td><td>&nbsp;</td><td></td><td><p>&nbsp;&nbsp;</p></td><td>7</td></tr></table>'))
      .toEqual([['行政强制', '', '', '', '7']]);
  });

  it('joins a label split over <p>, <span> and <br> without inventing spaces between Chinese characters', () => {
    const html = `<table><tr>
      <td><p>商业</p><p>企业</p></td>
      <td><p><span>社会</span></p><p>公益&nbsp;&nbsp;&nbsp;</p><p>组织</p></td>
      <td>本年度办<br>理结果</td>
      <td><span>法律</span> <span>服务</span>
        机构</td>
    </tr></table>`;
    expect(rows(html)).toEqual([['商业企业', '社会公益组织', '本年度办理结果', '法律服务机构']]);
  });

  it('keeps a space where digits or Latin letters from separate blocks meet', () => {
    expect(rows('<table><tr><td><p>3</p><p>5</p></td><td><p>APP</p><p>客户端</p></td></tr></table>'))
      .toEqual([['3 5', 'APP客户端']]);
  });

  it('does not copy rowspan labels into later rows and keeps a colspan cell as one cell', () => {
    const html = `<table>
      <tr><td rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
          <td colspan="2">自然人</td><td colspan="5">法人或其他组织</td><td>总计</td></tr>
      <tr><td colspan="2"></td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td colspan="2">12</td>
          <td>0</td><td>1</td><td>0</td><td>0</td><td>2</td><td>15</td></tr>
      <tr><td>（二）部分公开</td><td colspan="2">4</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
    </table>`;
    expect(rows(html)).toEqual([
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '自然人', '法人或其他组织', '总计'],
      ['', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
      ['三、本年度办理结果', '（一）予以公开', '12', '0', '1', '0', '0', '2', '15'],
      ['（二）部分公开', '4', '0', '0', '0', '0', '0', '4'],
    ]);
  });

  it('skips scripts, styles, comments, the head and hidden elements but keeps visible chrome', () => {
    const html = `<html><head><title>页面标题不算正文</title><style>p{color:red}</style></head><body>
      <div class="nav">首页 &gt; 政务公开</div>
      <script>var 统计 = "不要";</script>
      <!-- 注释里的文字 -->
      <p style="display:none">隐藏的段落</p>
      <div hidden>也隐藏</div>
      <p style="color:red; visibility: hidden">看不见</p>
      <p>正文第一段</p>
      <div class="share">分享到：微信 微博</div>
    </body></html>`;
    expect(paragraphs(html)).toEqual([['首页 > 政务公开'], ['正文第一段'], ['分享到：微信微博']]);
  });

  it('reads a fragment that starts mid-page with unclosed tags', () => {
    const html = '<div class=TRS_Editor><p>一、总体情况<p>全年受理申请<span>9</span>件<table><tr><td>规章<td>0<td>0<tr><td>行政许可<td>88';
    const doc = readHtmlDocument(html);
    expect(doc.lines).toEqual([
      { cells: ['一、总体情况'] },
      { cells: ['全年受理申请9件'] },
      { cells: ['规章', '0', '0'], inTable: true },
      { cells: ['行政许可', '88'], inTable: true },
    ]);
  });

  it('reads Word-exported markup: MSO conditional comments, <o:p>, inline styles, full-width digits', () => {
    const html = `<table class=MsoNormalTable border=1>
      <tr style='mso-yfti-irow:0'><td width=120 style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'>
        <p class=MsoNormal align=center><span lang=EN-US style='font-size:12.0pt;font-family:仿宋_GB2312'><![if !supportLists]>1.<![endif]>属于国家秘密<o:p></o:p></span></p></td>
        <td><p class=MsoNormal><span lang=EN-US>１２<o:p></o:p></span></p></td>
        <td><p class=MsoNormal><span style='mso-spacerun:yes'>&nbsp;</span><o:p></o:p></p></td></tr>
    </table>`;
    expect(rows(html)).toEqual([['1.属于国家秘密', '12', '']]);
  });

  it('treats a table used for page layout as paragraphs, keeping the data table inside it', () => {
    const html = `<table><tr><td>
      <p>示例省甲市教育局2099年政府信息公开工作年度报告</p>
      <p>二、主动公开政府信息情况</p>
      <table><tr><td>规章</td><td>0</td></tr></table>
    </td></tr></table>`;
    expect(readHtmlDocument(html).lines).toEqual([
      { cells: ['示例省甲市教育局2099年政府信息公开工作年度报告'] },
      { cells: ['二、主动公开政府信息情况'] },
      { cells: ['规章', '0'], inTable: true },
    ]);
  });

  it('drops table rows that hold no text at all', () => {
    expect(rows('<table><tr><td>&nbsp;</td><td> </td></tr><tr><td>行政处罚</td><td>5</td></tr></table>'))
      .toEqual([['行政处罚', '5']]);
  });
});
