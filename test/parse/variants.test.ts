import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '../../src/parse/index.ts';
import { APPLICANT_KEYS, applicationRows } from '../../src/schema/index.ts';
import { grid, markdown, reportText, spaced, tabbed, type Shape } from './make.ts';

const table3 = (r: ParsedReport) => Object.fromEntries(applicationRows(r.template!).map((row) =>
  [row.key, APPLICANT_KEYS.map((a) => r.applications.find((c) => c.row === row.key && c.applicant === a)!.value)]));
const codes = (r: ParsedReport) => r.warnings.map((w) => w.code);

describe('the layouts of report-format.md', () => {
  const csv: Shape = { row: (l, c) => [l, ...c].join(',') };
  for (const [name, shape] of [['PDF text, space separated', spaced], ['DOCX tab separated', tabbed], ['Markdown table', markdown], ['comma-separated rows', csv]] as const) {
    it(`reads table 三 from ${name}`, () => {
      const r = parseReport(reportText({ shape }));
      expect(table3(r)).toEqual(grid());
      expect(r.status).toBe('ok');
    });
  }

  it('reads the 2019 version: signs, units and decimals kept', () => {
    const r = parseReport(reportText({ template: '2019' }));
    expect(r.template).toBe('2019');
    expect(table3(r)).toEqual(grid('2019'));
    const cell = (item: string, measure: string) => r.article20.find((c) => c.item === item && c.measure === measure)!;
    expect(cell('licensing', 'change')).toMatchObject({ value: -185, raw: '−185' });
    expect(cell('other_services', 'change')).toMatchObject({ value: 1, raw: '＋1' });
    expect(cell('procurement', 'amount')).toMatchObject({ value: 5394432.52, unit: '元', raw: '5394432.52元' });
  });

  it('reads money in 万元 with its decimals', () => {
    const r = parseReport(reportText());
    expect(r.article20.find((c) => c.item === 'fees')).toMatchObject({ value: 0.012345, unit: '万元' });
    expect(r.fees).toMatchObject({ value: 120 });
    expect(r.reviews.map((c) => c.value)).toEqual([1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('reads full-width digits, thousands separators and page footers inside the table', () => {
    const g = grid();
    g.granted = [1200, 34, 0, 0, 0, 0, 1234];
    g.handled_total = g.handled_total!.map((v, i) => v - [5, 2, 0, 0, 1, 0, 8][i]! + g.granted![i]!);
    g.new_received = g.new_received!.map((v, i) => v - [5, 2, 0, 0, 1, 0, 8][i]! + g.granted![i]!);
    const text = reportText({ grid: g, shape: { row: (l, c) => `${l} ${c.map((v) => Number(v).toLocaleString('en-US')).join(' ')}`.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))) } })
      .replace('（一）予以公开', '- 3 -\n（一）予以公开');
    const r = parseReport(text);
    expect(table3(r)).toEqual(g);
  });

  it('reads labels wrapped over several lines, before and after their numbers', () => {
    const text = reportText().replace('5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0', '5.要求行政机\n关确认或重新\n出具已获取信\n0 0 0 0 0 0 0\n息')
      .replace('1.属于国家秘密 0 0 0 0 0 0 0', '1.属于国家秘\n\n密\n0 0 0 0 0 0 0');
    expect(table3(parseReport(text))).toEqual(grid());
  });

  it('reads traditional characters', () => {
    const text = reportText().replace(/予以公开/g, '予以公開').replace(/申请/g, '申請').replace(/总计/g, '總計').replace(/处理/g, '處理');
    expect(table3(parseReport(text))).toEqual(grid());
  });

  it('keeps blank cells, "/" and "—" as null, never 0', () => {
    const text = reportText().replace('2.重复申请 0 0 0 0 0 0 0', '2.重复申请\t0\t/\t—\t\t0\t0\t0').replace(/ /g, '\t').replace(/\t(?=[^\n]*年)/g, ' ');
    const r = parseReport(text);
    expect(table3(r).rejected_repeat).toEqual([0, null, null, null, 0, 0, 0]);
  });
});

describe('values that cannot be placed are null with a warning', () => {
  it('a row with a value missing in space-separated text is null, not shifted', () => {
    const r = parseReport(reportText().replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1', '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 1'));
    expect(table3(r).partially_granted).toEqual(Array(7).fill(null));
    expect(codes(r)).toContain('t3_row_width');
    expect(r.status).toBe('warnings');
  });

  it('splits run-together digits when only one split satisfies the row rule', () => {
    const g = grid();
    g.granted = [71, 3, 0, 0, 0, 0, 74];
    g.handled_total = g.handled_total!.map((v, i) => v - [5, 2, 0, 0, 1, 0, 8][i]! + g.granted![i]!);
    g.new_received = g.new_received!.map((v, i) => v - [5, 2, 0, 0, 1, 0, 8][i]! + g.granted![i]!);
    const text = reportText({ grid: g }).replace('（一）予以公开 71 3 0 0 0 0 74', '（一）予以公开 713000074');
    const r = parseReport(text);
    expect(table3(r).granted).toEqual([71, 3, 0, 0, 0, 0, 74]);
    expect(codes(r)).toContain('t3_split_digits');
  });

  it('refuses run-together digits that split more than one way', () => {
    // 1|1|0|0|0|0|2 and 11|0|0|0|0|0|... : "1100002" splits as 1|1|0|0|0|0|2 only, so use an ambiguous run.
    const text = reportText().replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1', '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 101000011');
    const r = parseReport(text);
    expect(table3(r).partially_granted).toEqual(Array(7).fill(null));
    expect(codes(r)).toContain('t3_ambiguous_digits');
  });

  it('places rows that lost their labels by order when the sum rules confirm it', () => {
    const g = grid();
    const text = reportText({ shape: tabbed }).replace(/^(?:（三）)?\d\.属于[^\t]*\t/gm, '\t');
    const r = parseReport(text);
    expect(table3(r)).toEqual(g);
    expect(codes(r)).toContain('t3_by_order');
  });

  it('does not place rows by order when the sum rules do not confirm it', () => {
    const g = grid();
    g.denied_third_party = [1, 0, 0, 0, 0, 0, 1]; // breaks （一）…（六） = （七）
    const text = reportText({ shape: tabbed, grid: g }).replace(/^\d\.属于[^\t]*\t/gm, '\t');
    const r = parseReport(text);
    // Rows 1, 5–8 ("…属于…") lost their labels; row 4 kept its label, so it stays as printed.
    expect(table3(r).denied_third_party).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(table3(r).denied_state_secret).toEqual(Array(7).fill(null));
    expect(table3(r).denied_query_matter).toEqual(Array(7).fill(null));
    expect(codes(r)).toContain('t3_order_unconfirmed');
  });

  it('text read column by column (labels first, then numbers) is placed by order and confirmed', () => {
    const g = grid();
    const rows = applicationRows('2021');
    const table3Text = [...rows.map((r) => r.zh), ...rows.map((r) => g[r.key]!.join(' '))].join('\n');
    const r = parseReport(reportText({ table3: table3Text }));
    expect(table3(r)).toEqual(g);
  });

  it('a report with no tables still parses, with warnings, and nothing invented', () => {
    const r = parseReport('某某市统计局\n2022年政府信息公开工作年度报告\n一、总体情况\n我局认真贯彻落实。\n六、其他需要报告的事项\n无。');
    expect(r.status).toBe('warnings');
    expect(r.applications.every((c) => c.value === null)).toBe(true);
    expect(r.reviews.every((c) => c.value === null)).toBe(true);
  });

  it('text that is no report fails with a reason', () => {
    const r = parseReport('今天天气很好，我们去公园散步。\n然后回家吃饭。');
    expect(r.status).toBe('failed');
    expect(r.warnings.find((w) => w.severity === 'error')?.message).toMatch(/title|标题/);
  });
});

describe('section 一', () => {
  it('reads the categories of the total, not later sentences that count other things', () => {
    const r = parseReport(reportText().replace('其他 6 条，占比 60%。', '其他 6 条，占比 60%。本年度办理人大建议类 5 件，政协提案类 2 件。'));
    expect(r.proactiveCategories.map((c) => [c.label, c.items])).toEqual([['政策法规类', 4], ['其他', 6]]);
  });
  it('reads categories in the sentence after the total', () => {
    const r = parseReport(reportText().replace('合计 10 条，其中：', '合计 10 条。其中：'));
    expect(r.proactiveCategories.map((c) => c.items)).toEqual([4, 6]);
  });
});

describe('the signature', () => {
  it('reads a date in Arabic or Chinese numerals', () => {
    expect(parseReport(reportText()).publishedOn.value).toBe('2024-01-15');
    expect(parseReport(reportText().replace('2024年1月15日', '二〇二四年一月二十二日')).publishedOn.value).toBe('2024-01-22');
    expect(parseReport(reportText().replace('2024年1月15日', '二〇二四年十二月十日')).publishedOn.value).toBe('2024-12-10');
    expect(parseReport(reportText().replace('2024年1月15日', '2024年2月30日')).publishedOn.value).toBe(null);
  });
});

describe('sections', () => {
  it('a numbered sub-heading "（一）主动公开情况" is not taken for section 二', () => {
    const text = reportText({ before: '（一）主动公开情况：本年主动公开信息。\n（二）依申请公开情况：未收到申请。' });
    expect(table3(parseReport(text))).toEqual(grid());
  });
});

describe('labels printed after their numbers', () => {
  it('reads table 三 whose rows print numbers first, then the label', () => {
    const g = grid();
    const rows = applicationRows('2021');
    const text = reportText({ table3: rows.map((r) => `${g[r.key]!.join(' ')}\n${r.zh}`).join('\n') });
    const r = parseReport(text);
    expect(table3(r)).toEqual(g);
    expect(codes(r)).toContain('t3_labels_after');
  });
});

describe('table 二 with labels after their numbers', () => {
  it('reads each item from the label that follows its values', () => {
    const text = reportText().replace('规章 0 0 0\n行政规范性文件 1 0 5\n第二十条第（五）项\n行政许可 12\n第二十条第（六）项\n行政处罚 3\n行政强制 0',
      '0 0 0\n规章\n1 0 5\n行政规范性文件\n第二十条第（五）项\n12\n行政许可\n第二十条第（六）项\n3\n行政处罚\n0\n行政强制')
      .replace('行政事业性收费 0.012345', '0.012345\n行政事业性收费');
    const r = parseReport(text);
    const v = (item: string, measure: string) => r.article20.find((c) => c.item === item && c.measure === measure)?.value;
    expect([v('normative_documents', 'in_force'), v('licensing', 'decisions'), v('penalty', 'decisions'), v('enforcement', 'decisions')]).toEqual([5, 12, 3, 0]);
    expect(codes(r)).toContain('t2_labels_after');
  });
});

describe('warnings speak both languages', () => {
  it('every warning has a Chinese and an English message', () => {
    const texts = [reportText(), reportText({ shape: tabbed }).replace(/^\d\.属于[^\t]*\t/gm, '\t'), '', '今天天气很好。',
      reportText().replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1', '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 101000011')];
    const warnings = texts.flatMap((t) => parseReport(t).warnings);
    expect(warnings.length).toBeGreaterThan(5);
    for (const w of warnings) {
      expect(w.zh, w.code).toMatch(/[\u4e00-\u9fff]/);
      expect(w.en, w.code).toMatch(/^[A-Z"“]/);
      expect(w.message).toBe(`${w.zh} ${w.en}`);
    }
  });
});

describe('text read column by column, numbers one column after another', () => {
  it('reads table 三 exactly, with 总计 printed before 其他', () => {
    const g = grid();
    const rows = applicationRows('2021');
    const printed = [0, 1, 2, 3, 4, 6, 5];
    const table3Text = [...rows.map((r) => r.zh), ...printed.map((c) => rows.map((r) => g[r.key]![c]).join('\n'))].join('\n');
    const r = parseReport(reportText({ table3: table3Text }));
    expect(table3(r)).toEqual(g);
    expect(codes(r)).toContain('t3_column_major');
  });
});

describe('one cell per paragraph (a DOCX table pasted into a page)', () => {
  it('reads table 三 with each value alone on its line, blanks as "/" kept null', () => {
    const g = grid();
    const paragraphs: Shape = { row: (l, c) => [l, ...c].join('\n\n') };
    const r = parseReport(reportText({ shape: paragraphs, grid: g }).replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n1\n\n0', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n\n1\n\n/'));
    expect(table3(r).granted).toEqual(g.granted);
    expect(table3(r).carried_forward).toEqual(g.carried_forward);
    expect(table3(r).partially_granted).toEqual([1, null, 0, 0, 0, 0, 1]);
  });
});

describe('a whole web page', () => {
  it('takes the title from <title> without the site suffix, skips menus and scripts, reads the tables', () => {
    const g = grid();
    const rows = reportText({ shape: tabbed, grid: g }).split('\n');
    const body = rows.slice(2).map((l) => (l.includes('\t')
      ? `<table><tr>${l.split('\t').map((c) => `<td>${c || '&nbsp;'}</td>`).join('')}</tr></table>`
      : `<p>${l}</p>`)).join('\n');
    const page = `<html><head><title>测试县交通运输局2023年政府信息公开工作年度报告_年报_测试县人民政府</title><script>var s = "一、总体情况 1 2 3";</script></head>
<body><ul class="nav"><li>首页</li><li>2022年政府信息公开工作年度报告</li></ul><div class="info">发布时间：2024-01-20</div>${body}<div>版权所有</div></body></html>`;
    const r = parseReport(page, { kind: 'html' });
    expect(r.agencyName.value).toBe('测试县交通运输局');
    expect(r.title.value).toBe('测试县交通运输局2023年政府信息公开工作年度报告');
    expect(r.source.publishedAt).toBe('2024-01-20');
    expect(table3(r)).toEqual(g);
  });
});

describe('a table of contents before the report', () => {
  it('is not taken for the sections, on lines or flattened', () => {
    const toc = '目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项';
    const g = grid();
    for (const text of [reportText({ before: toc }), reportText({ before: toc.replace(/\n/g, '') })]) {
      const r = parseReport(text);
      expect(table3(r)).toEqual(g);
      expect(r.proactiveTotal.value).toBe(10);
    }
  });
});

describe('a title without a year', () => {
  it('takes the year from the statistics period, with a note', () => {
    const text = reportText().replace('2023年政府信息公开工作年度报告', '政府信息公开工作年度报告')
      .replace('一、总体情况', '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况');
    const r = parseReport(text);
    expect(r.agencyName.value).toBe('测试县交通运输局');
    expect(r.year.value).toBe(2023);
    expect(codes(r)).toContain('year_from_period');
    expect(table3(r)).toEqual(grid());
  });

  it('without a period or a manifest is still no report', () => {
    const r = parseReport(reportText().replace('2023年政府信息公开工作年度报告', '政府信息公开工作年度报告'));
    expect(r.status).toBe('failed');
    expect(codes(r)).toContain('title_missing');
  });
});
