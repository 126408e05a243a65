import { describe, expect, it } from 'vitest';
import { layout, looksLikeHtml } from '../../src/layout/index.ts';
import { layoutHtml, unescapeScriptString } from '../../src/layout/html.ts';
import { applicationRows } from '../../src/schema/index.ts';

const rows = (html: string) => layoutHtml(html).filter((l) => l.cells).map((l) => l.cells!.map((c) => c.text));

describe('HTML', () => {
  it('expands rowspan and colspan, keeping copies blank and blanks in place', () => {
    const html = `<table>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1&nbsp;</td><td>&nbsp;</td><td>2</td></tr>
<tr><td>（二）部分公开</td><td></td><td>0</td><td>/</td><td>0</td></tr></table>`;
    expect(rows(html)).toEqual([
      ['三、本年度办理结果', '（一）予以公开', '', '1', '', '2'],
      ['', '（二）部分公开', '', '0', '/', '0'],
    ]);
    const [first, second] = layoutHtml(html).filter((l) => l.cells);
    expect(first!.cells![2]).toMatchObject({ spanned: true, at: { table: 0, row: 0, col: 2 } });
    expect(second!.cells![0]).toMatchObject({ spanned: true });
    expect(second!.cells![3]).toMatchObject({ text: '0', line: 3, at: { table: 0, row: 1, col: 3 } });
  });

  it('drops scripts and styles, keeps the title and each block as a line with its source line', () => {
    const html = '<html><head><title>某局2023年政府信息公开工作年度报告</title><style>p{color:red}</style></head>\n<body><script>var x="一、总体情况";</script>\n<p>一、总体情况</p><p>正文<br>第二行</p></body></html>';
    expect(layoutHtml(html).map((l) => [l.n, l.text])).toEqual([
      [1, '某局2023年政府信息公开工作年度报告'], [3, '一、总体情况'], [3, '正文'], [3, '第二行'],
    ]);
  });

  it('reads HTML escaped inside a JavaScript string', () => {
    const escaped = '<p style=\\"text-indent: 2em;\\">一、总体情况<\\/p>\\n<table><tr><td>规章<\\/td><td>0<\\/td><\\/tr><\\/table>';
    expect(unescapeScriptString(escaped)).toContain('<p style="text-indent: 2em;">一、总体情况</p>\n<table>');
    expect(looksLikeHtml(escaped)).toBe(true);
    expect(layout(escaped).lines.map((l) => l.text)).toEqual(['一、总体情况', '规章\t0']);
  });
});

describe('pipes and Markdown', () => {
  it('reads a pipe row among prose as cells, strips heading marks, drops rule lines and empty spill-over rows', () => {
    const { lines } = layout('## 三、收到和处理政府信息公开申请情况\n说明文字\n| 一、本年新收 | 1 | 0 |\n|---|---|---|\n| ||||\n二、上年结转 | 0 | 0\n');
    expect(lines.map((l) => l.text).filter(Boolean)).toEqual(['三、收到和处理政府信息公开申请情况', '说明文字', '一、本年新收\t1\t0', '二、上年结转\t0\t0']);
    expect(lines[2]!.cells!.map((c) => c.at)).toEqual([{ table: 0, row: 0, col: 0 }, { table: 0, row: 0, col: 1 }, { table: 0, row: 0, col: 2 }]);
  });
});

describe('one-line flattened text', () => {
  const body = '一、总体情况本年主动公开政府信息107条。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件021第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费02025年，我局继续公开。三、收到和处理政府信息公开申请情况申请人情况自然人一、本年新收政府信息公开申请数量0 0 0 0 0 00（三）不予公开1.属于国家秘密0 0 0 0 0 002.其他法律行政法规禁止公开1 0 0 0 0 01四、结转下年度继续办理0 0 0 0 0 00四、政府信息公开行政复议、行政诉讼情况行政复议结果维持总计 00 0 00 0 0 0 00 0 0 0 00五、存在的主要问题及改进情况无。六、其他需要报告的事项无。';
  const texts = layout('标题: 某局2023年度政府信息公开工作年度报告\n' + body).lines.map((l) => l.text);

  it('breaks at the section headings, however glued', () => {
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) expect(texts).toContain(h);
  });

  it('puts each table row on a line of its own, labels apart from their numbers, sub-item numbers with their labels', () => {
    expect(texts.filter((t) => /^第二十条/.test(t))[0]).toMatch(/现行有效件数规章 000$/);
    expect(texts).toContain('行政规范性文件 021');
    expect(texts).toContain('（三）不予公开1.属于国家秘密 0 0 0 0 0 00');
    expect(texts).toContain('2.其他法律行政法规禁止公开 1 0 0 0 0 01');
    expect(texts).toContain('四、结转下年度继续办理 0 0 0 0 0 00');
  });

  it('ends table 二 where prose resumes: a year that opens a sentence is not a cell', () => {
    expect(texts.find((t) => t.includes('行政事业性收费'))).toMatch(/行政事业性收费 0$/);
    expect(texts.some((t) => t.startsWith('2025年，我局继续公开'))).toBe(true);
  });

  it('leaves prose outside the tables whole', () => {
    expect(texts).toContain('本年主动公开政府信息107条。');
  });
});

describe('text read column by column', () => {
  const rows = applicationRows('2021');
  // A table with distinct numbers, its 总计 printed before 其他.
  const g = rows.map((_, r) => { const parts = [r % 4, r % 3, 0, r % 2, 0, (r * 7) % 5]; return [...parts, parts.reduce((a, b) => a + b, 0)]; });
  const printed = [0, 1, 2, 3, 4, 6, 5];
  const text = ['三、收到和处理政府信息公开申请情况', ...rows.map((r) => r.zh), ...printed.map((c) => g.map((row) => row[c]).join('\n'))].join('\n');

  it('puts each number back in its row and column, 总计 found by the row rule', () => {
    const out = layout(text).lines.filter((l) => l.cells);
    expect(out.map((l) => l.cells!.slice(1).map((c) => Number(c.text)))).toEqual(g);
    expect(out[0]!.cells![7]!.line).toBe(1 + rows.length + 5 * rows.length + 1);
  });

  it('leaves numbers that already read row by row alone', () => {
    const byRow = ['三、收到和处理政府信息公开申请情况', ...rows.map((r) => r.zh), ...g.map((row) => row.join(' '))].join('\n');
    expect(layout(byRow).lines.some((l) => l.cells)).toBe(false);
  });
});

describe('comma-separated rows', () => {
  it('reads a label and its values as cells, commas inside the label kept, thousands separators not taken for fields', () => {
    const { lines } = layout('（二）部分公开（区分处理的，只计这一情形，不计其他情形）,1,0,,0,0,0,1\n政府集中采购 2 5,394,432.52\n我局收到申请3件，办结2件，');
    expect(lines[0]!.cells!.map((c) => c.text)).toEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1', '0', '', '0', '0', '0', '1']);
    expect(lines[1]!.cells).toBeUndefined();
    expect(lines[2]!.cells).toBeUndefined();
  });
});
