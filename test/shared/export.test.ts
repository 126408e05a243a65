/**
 * Chart exports as strings (src/shared/export.ts): the composed SVG carries the title, legend,
 * source line with the data version and the credit as real <text>; long titles wrap; the chart
 * data's workbook opens in a real reader (exceljs) with its header rows, numbers and dates.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import {
  asCell, BOM, composeSvg, dataCsv, dataSheets, EXPORT_PAD, exportName, parseSvg, svgFile, textWidth, wrapText, xmlEscape,
} from '../../src/shared/export.ts';
import { xlsx } from '../../src/shared/xlsx.ts';

const PLOT = '<svg class="plot-abc" fill="currentColor" font-family="x" font-size="10" text-anchor="middle" width="640" height="260" viewBox="0 0 640 260" role="img" aria-label="the plot" xmlns="http://www.w3.org/2000/svg"><style>:where(.plot-abc){display:block}</style><g><text y="10">2019</text><rect width="5" height="5"></rect></g></svg>';

/** The text of every <text> element, with its font size. */
const texts = (markup: string) => [...markup.matchAll(/<text [^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ size: Number(m[1]), text: m[2]! }));
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('composeSvg', () => {
  const source = '来源：各机关发布的政府信息公开工作年度报告。数据版本 2025-03-31.1a2b3c4（2025-03-31）。';
  const credit = '图表：政府信息公开年报数据 · 数据许可：CC BY 4.0 · https://example.org/atlas/#applications-by-year';
  const out = composeSvg(PLOT, {
    title: '每年收到的申请及办理结果',
    legend: [{ label: '（一）予以公开', color: '#59a14f' }, { label: '本年新收申请', color: 'currentColor' }],
    source, credit,
  });

  test('title, legend labels, source line with the version, and credit are text in the SVG', () => {
    const all = texts(out.markup).map((t) => unescape(t.text));
    expect(all[0]).toBe('每年收到的申请及办理结果');
    expect(all).toContain('（一）予以公开');
    expect(all).toContain('本年新收申请');
    expect(all.join('')).toContain('2025-03-31.1a2b3c4');
    expect(all.join('')).toContain('图表：政府信息公开年报数据');
    expect(all.join('')).toContain('https://example.org/atlas/#applications-by-year');
    // The swatches in their colours.
    expect(out.markup).toContain('fill="#59a14f"');
    expect(out.markup).toContain('fill="currentColor"');
  });

  test('a standalone file: xmlns, explicit size, white background, system fonts only, the plot inside at its size', () => {
    expect(out.markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out.width).toBe(640 + 2 * EXPORT_PAD);
    expect(out.markup).toContain(`width="${out.width}" height="${out.height}" viewBox="0 0 ${out.width} ${out.height}"`);
    expect(out.height).toBeGreaterThan(260 + 60);
    expect(out.markup).toMatch(/font-family="[^"]*Noto Sans CJK SC[^"]*"/);
    expect(out.markup).not.toMatch(/@font-face|url\(|https?:\/\/fonts/);
    // The plot is a group with its class and style rules kept, its own size and label dropped.
    expect(out.markup).toContain('<g transform="translate(16,');
    expect(out.markup).toContain('class="plot-abc"');
    expect(out.markup).toContain('<text y="10">2019</text>');
    expect(out.markup).not.toContain('aria-label="the plot"');
    expect(parseSvg(out.markup)).toMatchObject({ width: out.width, height: out.height });
    expect(svgFile(out)).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [\s\S]*<\/svg>\n$/);
  });

  test('the source line and credit sit below the plot, the title and legend above it', () => {
    const y = (s: string) => Number(new RegExp(`<text x="[\\d.]+" y="([\\d.]+)"[^>]*>${s}`).exec(out.markup)?.[1]);
    const plotY = Number(/<g transform="translate\(16,([\d.]+)\)" class="plot-abc"/.exec(out.markup)?.[1]);
    expect(y('每年收到')).toBeLessThan(plotY);
    expect(y('本年新收申请')).toBeLessThan(plotY);
    expect(y('来源')).toBeGreaterThan(plotY + 260);
    expect(y('图表')).toBeGreaterThan(y('来源'));
    expect(out.height).toBeGreaterThan(y('图表'));
  });

  test('a long Chinese title wraps into lines that fit, and loses no character', () => {
    const title = '平潭综合实验区各部门二〇一九年至二〇二五年政府信息公开工作年度报告中收到的申请、办理结果、行政复议和行政诉讼的逐年变化情况（按机关沿革合并计算）';
    const narrow = '<svg width="360" height="200" viewBox="0 0 360 200"><g/></svg>';
    const c = composeSvg(narrow, { title, source: 's', credit: 'c' });
    const lines = texts(c.markup).filter((t) => t.size === 18).map((t) => unescape(t.text));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join('')).toBe(title);
    for (const l of lines) expect(textWidth(l, 18, true)).toBeLessThanOrEqual(360);
    // Closing punctuation never starts a line.
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。、）]/);
    expect(c.width).toBe(360 + 2 * EXPORT_PAD);
  });

  test('English wraps at spaces; a word too long for a line is cut', () => {
    const lines = wrapText('Applications received and how they were handled, by year', 200, 18, true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Applications received and how they were handled, by year');
    const url = wrapText(`see https://example.org/${'x'.repeat(200)}`, 200, 11);
    expect(url.length).toBeGreaterThan(2);
    for (const l of url) expect(textWidth(l, 11)).toBeLessThanOrEqual(200);
  });

  test('text is escaped: a title with markup stays text', () => {
    const c = composeSvg(PLOT, { title: '<script>&"x"', source: 's', credit: 'c' });
    expect(c.markup).not.toContain('<script>');
    expect(c.markup).toContain('&lt;script&gt;&amp;&quot;x&quot;');
    expect(xmlEscape('a\u0001b')).toBe('ab');
  });

  test('a colour ramp (another SVG) goes under the legend', () => {
    const c = composeSvg(PLOT, { title: 't', source: 's', credit: 'c' }, '<svg class="ramp" width="240" height="50" viewBox="0 0 240 50"><text>ramp</text></svg>');
    expect(c.markup).toMatch(/<g transform="translate\(16,[\d.]+\)" class="ramp"><text>ramp<\/text><\/g>/);
  });

  test('a plot shown wider or narrower than drawn is exported at the size shown', () => {
    const c = composeSvg(PLOT, { title: 't', source: 's', credit: 'c' }, undefined, { plotWidth: 736 });
    expect(c.width).toBe(736 + 2 * EXPORT_PAD);
    expect(c.markup).toMatch(/<g transform="translate\(16,[\d.]+\) scale\(1\.15\)" class="plot-abc"/);
    const plain = composeSvg(PLOT, { title: 't', source: 's', credit: 'c' });
    // The plot is 260 × 1.15 = 299 tall instead of 260: the whole export grows by the difference.
    expect(c.height - plain.height).toBe(Math.ceil(260 * 1.15) - 260);
  });

  test('file names carry the chart id, the language of an image and the data version', () => {
    expect(exportName('applications-by-year', '2025-03-31.1a2b3c4', 'png', 'zh')).toBe('applications-by-year_2025-03-31.1a2b3c4.png');
    expect(exportName('applications-by-year', '2025-03-31.1a2b3c4', 'svg', 'en')).toBe('applications-by-year_en_2025-03-31.1a2b3c4.svg');
    expect(exportName('notebook chart/2', '', 'csv')).toBe('notebook-chart-2.csv');
  });
});

describe('chart data', () => {
  const columns = [
    { name: 'year', zh: '年度', en: 'Year' },
    { name: 'name', zh: '名称', en: 'Name' },
    { name: 'applications_new', zh: '本年新收申请', en: 'New applications' },
    { name: 'published_at', zh: '发布日期', en: 'Published' },
  ];
  const rows = [[2019, '长治市中小企业局', 49, '2020-01-15'], [2023, 'a, "quoted" name', null, null]] as const;

  test('CSV for Excel starts with the BOM and parses to the same records as the plain CSV', () => {
    const plain = dataCsv(columns, rows);
    const excel = dataCsv(columns, rows, true);
    expect(excel).toBe(BOM + plain);
    expect([...new TextEncoder().encode(excel).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(excel.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual({ year: '2019', name: '长治市中小企业局', applications_new: '49', published_at: '2020-01-15' });
    expect(parsed.data[1]!.name).toBe('a, "quoted" name');
  });

  test('the workbook opens in exceljs: Chinese header, English header, numbers as numbers, dates as dates, the about sheet', async () => {
    const cells = rows.map((r) => r.map((v, i) => asCell(v, columns[i]!.name === 'published_at')));
    const bytes = xlsx(dataSheets(columns, cells, {
      dataSheet: '数据 data', sheet: '说明 about', head: ['项目 Item', '中文', 'English'],
      lines: [['标题 Title', '每年收到的申请', 'Applications'], ['数据版本 Data version', '2025-03-31.1a2b3c4', '2025-03-31.1a2b3c4']],
    }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const data = wb.worksheets[0]!;
    expect(data.name).toBe('数据 data');
    expect(data.getRow(1).values).toEqual([undefined, '年度', '名称', '本年新收申请', '发布日期']);
    expect(data.getRow(2).values).toEqual([undefined, 'year', 'name', 'applications_new', 'published_at']);
    expect(data.getCell('A3').value).toBe(2019);
    expect(data.getCell('C3').value).toBe(49);
    expect(typeof data.getCell('C3').value).toBe('number');
    const date = data.getCell('D3').value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe('2020-01-15');
    expect(data.getCell('D3').numFmt).toBe('yyyy-mm-dd');
    // NULL is an empty cell, never 0.
    expect(data.getCell('C4').value).toBeNull();
    expect(data.getCell('B4').value).toBe('a, "quoted" name');
    // Both header rows are frozen and bold.
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(data.getCell('A2').font?.bold).toBe(true);
    const about = wb.worksheets[1]!;
    expect(about.name).toBe('说明 about');
    expect(about.getCell('B3').value).toBe('2025-03-31.1a2b3c4');
    // Each column in both languages.
    const listed = about.getColumn(1).values.slice(1);
    expect(listed).toEqual(expect.arrayContaining(['year', 'applications_new', 'published_at']));
  });

  test('values from a query become cells: numbers, dates from ISO text, text', () => {
    expect(asCell(12)).toBe(12);
    expect(asCell(Number.NaN)).toBeNull();
    expect(asCell(5n)).toBe(5);
    expect(asCell(true)).toBe('true');
    expect(asCell('2024-02-29', true)).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(asCell('2024-02-29')).toBe('2024-02-29');
    expect(asCell(null)).toBeNull();
  });
});
