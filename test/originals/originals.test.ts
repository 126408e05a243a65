/**
 * Originals as agencies publish them, made from corpus reports by scripts/make-originals.ts
 * (LibreOffice: HTML → DOCX → PDF; Chromium printing with page footers and one-character-wide
 * side headers) and committed beside this test, with `expected.json`: every cell as read from the
 * report's HTML. Each original must give exactly those cells, or null with a warning; none may
 * differ. Needs no converter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geometryHtml, type PdfPage, type Rule, type TextItem } from '../../src/layout/geometry.ts';
import { layout } from '../../src/layout/index.ts';
import { parseFile, reportCells, type ParsedReport } from '../../src/parse/index.ts';
import { extract, ORIGINAL_LIMIT, originalOf } from '../../src/read/index.ts';
import { docxHtml } from '../../src/read/docx.ts';
import { strToU8, zipSync } from 'fflate';

const dir = import.meta.dirname;
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Record<string, number>>;
const files = readdirSync(dir).filter((f) => /\.(pdf|docx)$/.test(f)).sort();

const reads = new Map<string, Promise<ParsedReport>>();
/** Each original read once per run (pdfjs is the slow part), however many tests look at it. */
function read(file: string): Promise<ParsedReport> {
  let r = reads.get(file);
  if (!r) {
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    r = extract(bytes, originalOf(file, bytes)!).then((x) => parseFile(bytes, file, undefined, x).report);
    reads.set(file, r);
  }
  return r;
}

/** PDF pages whose own borders are lost when converted (table 四 wider than the page): nulls, flagged. */
const LOSSY = new Set(['ptzhsyqspp_2021.lo.pdf']);

describe('originals rendered from real reports', () => {
  const made = files.filter((f) => !/^(?:bad|awkward-scan)/.test(f));
  it('are there: DOCX, LibreOffice PDF and printed PDF of each, and the awkward ones', () => {
    expect(made.filter((f) => f.endsWith('.docx')).length).toBeGreaterThanOrEqual(8);
    expect(made.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(18);
  });

  for (const file of made) {
    it(`${file} gives the cells of its HTML source`, async () => {
      const r = await read(file);
      const want = expected[file.replace(/\..*$/, '')]!;
      expect(want, 'expected.json has the source').toBeTruthy();
      const got = reportCells(r);
      const differ: string[] = [], missing: string[] = [];
      for (const [k, v] of Object.entries(want)) {
        const g = got.get(k) ?? null;
        if (g === null) missing.push(k);
        else if (g !== v) differ.push(`${k}: ${v} → ${g}`);
      }
      expect(differ).toEqual([]);
      if (LOSSY.has(file)) {
        expect(missing.length).toBeGreaterThan(0);
        expect(r.warnings.some((w) => w.severity === 'warning' && w.code.startsWith('t4_'))).toBe(true);
      } else expect(missing).toEqual([]);
      // Nothing is read that the source does not print.
      expect([...got].filter(([k, v]) => v !== null && !(k in want))).toEqual([]);
    });
  }

  it('a PDF number points to its page and cell; a DOCX number to its table, row and column', async () => {
    const pdf = await read('ptzhsyqjjf_2023.print.pdf');
    const cell = pdf.applications.find((c) => c.row === 'new_received' && c.applicant === 'natural_person')!;
    expect(cell.value).toBe(3);
    expect(cell.cell).toMatchObject({ page: 4, table: 1, col: 3 });
    const docx = await read('ptzhsyqjjf_2023.docx');
    const d = docx.applications.find((c) => c.row === 'new_received' && c.applicant === 'natural_person')!;
    expect(d.value).toBe(3);
    expect(d.cell).toEqual({ table: 1, row: 3, col: 3 });
  });

  it('a table over many pages is one table: its cells come from three pages or more', async () => {
    const r = await read('awkward-split.pdf');
    const pages = new Set(r.applications.map((c) => c.cell?.page));
    expect(pages.size).toBeGreaterThanOrEqual(3);
    expect(new Set(r.applications.map((c) => c.cell?.table)).size).toBe(1);
  });

  it('a rotated page reads as it is printed', async () => {
    const r = await read('awkward-rotated.pdf');
    expect(r.status).not.toBe('failed');
    expect(r.applications.filter((c) => c.value !== null).length).toBe(r.applications.length);
  });
});

describe('bad originals fail with their reason, and the build goes on', () => {
  const cases: [string, string][] = [
    ['awkward-scan.pdf', 'pdf_no_text'], ['bad-encrypted.pdf', 'pdf_encrypted'],
    ['bad-truncated.pdf', 'pdf_unreadable'], ['bad-notzip.docx', 'docx_unreadable'],
  ];
  for (const [file, code] of cases) {
    it(`${file}: ${code}`, async () => {
      const r = await read(file);
      expect(r.status).toBe('failed');
      expect(r.warnings.find((w) => w.severity === 'error')?.code).toBe(code);
    });
  }
  it('a file over the size limit is not read', async () => {
    const x = await extract(new Uint8Array(ORIGINAL_LIMIT + 1), 'pdf');
    expect(x.problem?.code).toBe('file_too_large');
  });
  it('a PDF is known by its first bytes whatever its name; a DOCX by its name', () => {
    expect(originalOf('report.txt', new TextEncoder().encode('%PDF-1.7'))).toBe('pdf');
    expect(originalOf('report.docx', new Uint8Array([0x50, 0x4b]))).toBe('docx');
    expect(originalOf('report.txt', new TextEncoder().encode('政府信息公开'))).toBe(null);
  });
});

describe('PDF geometry', () => {
  // A table drawn as borders: 3 columns, a header row, a row with a blank middle cell.
  const item = (str: string, x: number, y: number): TextItem => ({ str, x, y, w: 10 * str.length, h: 10 });
  const grid = (xs: number[], ys: number[]): Rule[] => [
    ...ys.map((y) => ({ x0: xs[0]!, y0: y, x1: xs.at(-1)!, y1: y + 0.5 })),
    ...xs.map((x) => ({ x0: x, y0: ys.at(-1)!, x1: x + 0.5, y1: ys[0]! })),
  ];
  const page = (n: number, items: TextItem[], rules: Rule[] = []): PdfPage => ({ n, width: 600, height: 800, items, rules });

  it('keeps a blank cell blank and in its column', () => {
    const html = geometryHtml([page(1, [item('项目', 105, 705), item('甲', 205, 705), item('乙', 305, 705), item('行一', 105, 685), item('7', 305, 685)],
      grid([100, 200, 300, 400], [720, 700, 680]))]);
    const rows = layout(html, 'html').lines.filter((l) => l.cells);
    expect(rows.map((l) => l.cells!.map((c) => c.text))).toEqual([['项目', '甲', '乙'], ['行一', '', '7']]);
    expect(rows[1]!.cells![2]!.at).toEqual({ table: 0, row: 1, col: 2, page: 1 });
  });

  it('a label wrapped over two lines in one cell is one label; a side header one character a line is one cell', () => {
    const rules = [...grid([100, 120, 300, 400], [720, 680, 640]).filter((r) => !(r.y1 - r.y0 < 1 && Math.abs(r.y0 - 680) < 1)),
      { x0: 120, y0: 680, x1: 400, y1: 680.5 }];
    const html = geometryHtml([page(1, [item('三', 105, 705), item('、', 105, 693), item('本', 105, 665),
      item('（二）部分公开', 125, 705), item('不计其他情形）', 125, 693), item('4', 305, 700), item('5', 305, 660), item('行', 125, 660)], rules)]);
    const rows = layout(html, 'html').lines.filter((l) => l.cells);
    expect(rows[0]!.cells!.map((c) => c.text)).toEqual(['三、本', '（二）部分公开不计其他情形）', '4']);
    expect(rows[1]!.cells!.map((c) => c.text)).toEqual(['', '行', '5']);
  });

  it('a table going on over a page break is one table, its repeated header dropped, page numbers gone', () => {
    const xs = [100, 200, 300];
    const html = geometryHtml([
      page(1, [item('项目', 105, 705), item('数', 205, 705), item('甲', 105, 685), item('1', 205, 685), item('- 1 -', 290, 40)], grid(xs, [720, 700, 680])),
      page(2, [item('项目', 105, 765), item('数', 205, 765), item('乙', 105, 745), item('', 205, 745), item('- 2 -', 290, 40)], grid(xs, [780, 760, 740])),
    ]);
    const { lines } = layout(html, 'html');
    const rows = lines.filter((l) => l.cells);
    expect(rows.map((l) => l.cells!.map((c) => c.text))).toEqual([['项目', '数'], ['甲', '1'], ['乙', '']]);
    expect(new Set(rows.map((l) => l.cells![0]!.at!.table))).toEqual(new Set([0]));
    expect(lines.some((l) => /- [12] -/.test(l.text))).toBe(false);
  });

  it('a frame drawn around the page is not a table and does not swallow the table inside it', () => {
    const frame: Rule[] = [{ x0: 50, y0: 50, x1: 550, y1: 50.5 }, { x0: 50, y0: 760, x1: 550, y1: 760.5 }, { x0: 50, y0: 50, x1: 50.5, y1: 760 }, { x0: 550, y0: 50, x1: 550.5, y1: 760 }];
    const html = geometryHtml([page(1, [item('标题', 100, 740), item('项目', 105, 705), item('数', 205, 705), item('甲', 105, 685), item('1', 205, 685)], [...frame, ...grid([100, 200, 300], [720, 700, 680])])]);
    const { lines } = layout(html, 'html');
    expect(lines.filter((l) => l.cells).map((l) => l.cells!.map((c) => c.text))).toEqual([['项目', '数'], ['甲', '1']]);
    expect(lines.find((l) => !l.cells)?.text).toBe('标题');
  });

  it('body lines that run to the margin make one paragraph, across a page break too', () => {
    const line = (s: string, x: number, y: number): TextItem => ({ str: s, x, y, w: 400 - x, h: 10 });
    const html = geometryHtml([
      page(1, [line('一、总体情况', 100, 700), { ...line('本年度主动公开政府信息共', 120, 680) }, line('128条，其中规章', 100, 665), { str: '- 1 -', x: 290, y: 40, w: 20, h: 10 }]),
      page(2, [{ ...line('0件。', 100, 760), w: 30 }, line('二、主动公开政府信息情况', 100, 740)]),
    ].map((p) => ({ ...p, items: p.items.map((i) => (i.str === '一、总体情况' || i.str.startsWith('二') ? { ...i, w: 120 } : i)) })));
    const texts = layout(html, 'html').lines.map((l) => l.text);
    expect(texts).toEqual(['一、总体情况', '本年度主动公开政府信息共128条，其中规章0件。', '二、主动公开政府信息情况']);
  });
});

describe('DOCX structure', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (text: string, num = '') => `<w:p><w:pPr>${num}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const numbered = (ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="3"/></w:numPr>`;
  const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(text)}</w:tc>`;
  const docx = (body: string, numbering?: string) => zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...(numbering ? { 'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`) } : {}),
  });

  it('prints automatic numbering as Word does: 一、 二、 and （一） under them', () => {
    const numbering = `<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>`;
    const html = docxHtml(docx(p('总体情况', numbered(0)) + p('平台建设', numbered(1)) + p('制度', numbered(1)) + p('主动公开政府信息情况', numbered(0)) + p('说明', numbered(1)), numbering));
    expect(layout(html, 'html').lines.map((l) => l.text)).toEqual(['一、总体情况', '（一）平台建设', '（二）制度', '二、主动公开政府信息情况', '（一）说明']);
  });

  it('expands merged cells: w:gridSpan across, w:vMerge down, blanks kept', () => {
    const rows = [
      `<w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开')}${tc('5')}${tc('')}</w:tr>`,
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('（七）总计')}${tc('5', '<w:gridSpan w:val="2"/>')}</w:tr>`,
    ];
    const html = docxHtml(docx(`<w:tbl>${rows.join('')}</w:tbl>`));
    const lines = layout(html, 'html').lines.filter((l) => l.cells);
    expect(lines.map((l) => l.cells!.map((c) => c.text))).toEqual([['三、本年度办理结果', '（一）予以公开', '5', ''], ['', '（七）总计', '5', '']]);
    expect(lines[1]!.cells![0]!.spanned).toBe(true);
    expect(lines[1]!.cells![3]!.spanned).toBe(true);
  });

  it('reads a text box inside a paragraph, and leaves deleted text out', () => {
    const box = '<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:r><w:r><w:delText>删去</w:delText></w:r></w:p>';
    expect(layout(docxHtml(docx(box)), 'html').lines.map((l) => l.text)).toEqual(['正文框内']);
  });
});

describe('damaged originals (fuzz)', () => {
  // A small deterministic generator: the same damaged files on every run.
  let seed = 20261129;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const damage = (bytes: Uint8Array): Uint8Array => {
    const out = rand() < 0.4 ? bytes.slice(0, Math.floor(rand() * bytes.length)) : bytes.slice();
    const flips = 1 + Math.floor(rand() * 20);
    for (let i = 0; i < flips && out.length; i++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
    return out;
  };
  for (const file of ['ptzhsyqzrz_2024.lo.pdf', 'ptzhsyqzrz_2024.docx']) {
    it(`${file}: 24 truncated or byte-flipped copies never throw; each is read or failed with a reason`, async () => {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      for (let k = 0; k < 24; k++) {
        const bad = damage(bytes);
        const x = await extract(bad, originalOf(file, bad) ?? 'pdf');
        const r = parseFile(bad, file, undefined, x).report;
        expect(['ok', 'warnings', 'failed']).toContain(r.status);
        if (x.problem) expect(r.warnings.some((w) => w.severity === 'error' && w.code === x.problem!.code)).toBe(true);
        // Whatever was read is a count: never negative, never a fraction.
        for (const c of r.applications) if (c.value !== null) expect(Number.isInteger(c.value) && c.value >= 0).toBe(true);
      }
    }, 120_000);
  }
});
