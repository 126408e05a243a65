/**
 * The build-time charts' exports (src/site/chart-export.ts) over the repository's reports: the SVG file
 * names its chart, legend, source and data version; the data's CSV, CSV for Excel and workbook
 * hold the chart's rows, every column labelled in Chinese.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'chart-export-'));

let charts: typeof import('../../src/site/charts.ts');
let ex: typeof import('../../src/site/chart-export.ts');
let version: import('../../src/site/version.ts').DataVersion;

beforeAll(async () => {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-data.ts', '--out', out], { cwd: ROOT, stdio: 'pipe' });
  process.env.ATLAS_DATA_DIR = out;
  charts = await import('../../src/site/charts.ts');
  ex = await import('../../src/site/chart-export.ts');
  version = (await import('../../src/site/version.ts')).dataVersion();
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build-time chart exports', () => {
  test('the SVG file: title, legend, source line with the data version, credit — in the language asked', () => {
    // The first chart with a legend and something to draw (the seeds leave some charts empty).
    const c = charts.charts().find((x) => !x.empty && (x.legend?.('zh').length ?? 0) > 0)!;
    expect(c).toBeDefined();
    const zh = ex.chartExportSvg(c, 'zh').markup, en = ex.chartExportSvg(c, 'en').markup;
    expect(zh).toContain(`>${c.title.zh}</text>`);
    for (const l of c.legend!('zh')) expect(zh).toContain(`>${l.label}</text>`);
    for (const l of c.legend!('en')) expect(en).toContain(`>${l.label}</text>`);
    expect(zh).toContain(version.version);
    expect(zh).toContain('图表：政府信息公开年报数据');
    expect(zh).toContain('各机关发布的政府信息公开工作年度报告');
    expect(en).toContain(`>${c.title.en}</text>`);
    expect(en).toContain(version.version);
    expect(en).toContain('Chart: Disclosure Atlas');
    expect(en).not.toMatch(/>[^<]*\p{Script=Han}[^<]*<\/text>/u);
  });

  test('every column of every chart has a Chinese label (none falls back to its English name)', () => {
    for (const c of charts.charts()) {
      for (const col of ex.chartColumns(c)) expect(col.zh, `${c.id} ${col.name}`).not.toBe(col.name);
    }
  });

  test('CSV, CSV for Excel and workbook hold the chart\'s rows', async () => {
    const c = charts.chart('applications-by-year');
    expect(ex.chartDataCsv(c)).toBe(charts.chartCsv(c));
    expect(ex.chartDataCsv(c, true)).toBe(`\ufeff${charts.chartCsv(c)}`);
    const bytes = ex.chartWorkbook(c);
    expect(ex.chartWorkbook(c)).toEqual(bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...ex.chartColumns(c).map((x) => x.zh)]);
    expect(sheet.getRow(2).values).toEqual([undefined, ...c.csv.columns]);
    c.csv.rows.forEach((row, i) => {
      row.forEach((v, j) => expect(sheet.getCell(i + 3, j + 1).value, `${i} ${j}`).toBe(v));
    });
    const about = wb.worksheets[1]!;
    const values = about.getSheetValues().flat().map(String);
    expect(values).toContain(version.version);
    expect(values).toContain('每年收到的申请及办理结果');
  });

  test('file names: chart id, language of images, data version', () => {
    const names = ex.chartFileNames(charts.chart('proactive-by-year'), 'en');
    expect(names.png).toBe(`proactive-by-year_en_${version.version}.png`);
    expect(names.xlsx).toBe(`proactive-by-year_${version.version}.xlsx`);
    expect(names.csvExcel).toBe(`proactive-by-year_excel_${version.version}.csv`);
  });
});
