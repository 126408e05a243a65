/**
 * Chart exports that carry their source, as strings (no DOM): the same at build time (the chart
 * files under /charts/) and in the browser (PNG of any chart, SVG of the compare tool and notebook
 * charts). A plot's SVG is wrapped into one standalone SVG — title (wrapped), legend swatches, the
 * plot, the source line and the credit — every word a real <text>, in fonts the reader's system
 * has (no web fonts). Chart data as CSV (with a BOM for Excel) and as a workbook with a Chinese
 * and an English header row and a sheet that says what it is.
 */
import { csvLine, type CsvValue } from './csv.ts';
import { FONT } from './plot-svg.ts';
import type { XlsxCell, XlsxSheet } from './xlsx.ts';

export interface LegendEntry { label: string; color: string }

export interface ExportText {
  title: string;
  /** One sentence under the title (optional). */
  subtitle?: string;
  legend?: readonly LegendEntry[];
  /** Agencies' reports, this site, the data version and its date. */
  source: string;
  /** Who made the chart, the licence, where it lives. */
  credit: string;
}

export interface ComposedSvg { markup: string; width: number; height: number }

/** Room around the content, px. */
export const EXPORT_PAD = 16;
const TITLE = { size: 18, line: 24 }, SUBTITLE = { size: 13, line: 18 }, LEGEND = { size: 12, line: 20 }, NOTE = { size: 11, line: 15 };
const INK = '#1a1a1a', MUTED = '#555555';

/** Characters drawn one em wide: CJK ideographs, kana, Hangul, full-width forms and CJK punctuation. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const NARROW = /[ilIj.,:;'!|()[\]{}`"’‘ ]/;
const BROAD = /[A-Z0-9mwMW@%&#—–]/;

/**
 * The width of a text in px, a little generous so that it never overruns: Chinese one em a
 * character, Latin letters by a rough class (no font metrics without a DOM, and the reader's
 * system fonts differ anyway).
 */
export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s) em += WIDE.test(ch) ? 1 : NARROW.test(ch) ? 0.36 : BROAD.test(ch) ? 0.76 : 0.63;
  return em * size * (bold ? 1.1 : 1);
}

/** Punctuation that may not begin a line, and that may not end one (line-breaking rules of Chinese, and Latin). */
const NO_START = /^[，。、；：？！）」』】》〉”’,.;:!?)\]}%…·]/;
const NO_END = /[（「『【《〈“‘([{]$/;

/**
 * A text cut into lines of at most `maxWidth` px: between any two Chinese characters (never
 * before closing or after opening punctuation), between Latin words at spaces, and inside a word
 * only when it alone is too long (a URL).
 */
export function wrapText(text: string, maxWidth: number, size: number, bold = false): string[] {
  const units: string[] = [];
  for (const m of text.trim().replace(/\s+/g, ' ').matchAll(new RegExp(`${WIDE.source}|[^\\s]+?(?=${WIDE.source}|\\s|$)|\\s`, 'g'))) {
    const u = m[0];
    const last = units.length - 1;
    if (u === ' ') {
      if (last >= 0) units[last] += ' ';
    } else if (last >= 0 && (NO_START.test(u) || NO_END.test(units[last]!))) units[last] += u;
    else units.push(u);
  }
  const width = (s: string) => textWidth(s, size, bold);
  const lines: string[] = [];
  let line = '';
  for (const u of units) {
    if (!line || width(line + u.trimEnd()) <= maxWidth) {
      line += u;
      continue;
    }
    lines.push(line.trimEnd());
    line = u;
  }
  if (line.trim()) lines.push(line.trimEnd());
  // A unit wider than the line (a long URL, a word): cut it by characters.
  return lines.flatMap((l) => {
    if (width(l) <= maxWidth) return [l];
    const out: string[] = [];
    let cur = '';
    for (const ch of l) {
      if (cur && width(cur + ch) > maxWidth) {
        out.push(cur);
        cur = ch.trimStart();
      } else cur += ch;
    }
    if (cur) out.push(cur);
    return out;
  });
}

/** Text for XML: the five specials escaped, characters XML 1.0 forbids dropped. */
export const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** A number for an SVG attribute: at most one decimal. */
const n1 = (v: number) => String(Math.round(v * 10) / 10);

/** The size and the parts of an `<svg …>…</svg>` string. */
export function parseSvg(markup: string): { attrs: string; inner: string; width: number; height: number } {
  const open = /^\s*(?:<\?xml[^>]*\?>\s*)?<svg\b([^>]*)>/.exec(markup);
  const close = markup.lastIndexOf('</svg>');
  if (!open || close < open[0].length) throw new Error('not an <svg> element');
  const attrs = open[1]!;
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
  const box = (attr('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const width = Number(attr('width')) || box[2] || 640;
  const height = Number(attr('height')) || box[3] || 400;
  return { attrs, inner: markup.slice(open[0].length, close), width, height };
}

/**
 * An `<svg>` as a group at (x, y): its own attributes (class for its style rules, fill, font) kept,
 * its size, place and accessibility attributes dropped (the whole export is one image with one label).
 */
function asGroup(markup: string, x: number, y: number, scale = 1): { group: string; width: number; height: number } {
  const { attrs, inner, width, height } = parseSvg(markup);
  const kept = attrs.replace(/\s(?:width|height|viewBox|x|y|style|role|aria-[a-z]+)="[^"]*"/g, '').replace(/\/$/, '');
  const scaled = scale === 1 ? '' : ` scale(${Math.round(scale * 10000) / 10000})`;
  return { group: `<g transform="translate(${n1(x)},${n1(y)})${scaled}"${kept}>${inner}</g>`, width: width * scale, height: height * scale };
}

const text = (x: number, y: number, size: number, fill: string, s: string, bold = false) =>
  `<text x="${n1(x)}" y="${n1(y)}" font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="${fill}">${xmlEscape(s)}</text>`;

/**
 * One standalone SVG: the title at the top (wrapped to the width), an optional subtitle, the
 * legend's swatches and labels (wrapped into rows), the plot at its own size, then the source line
 * and the credit at the bottom. `extra` is another SVG (a colour ramp) placed under the legend;
 * `plotWidth` draws the plot at that width (its size on the page) instead of its own.
 */
export function composeSvg(plotSvg: string, t: ExportText, extra?: string, options: { plotWidth?: number } = {}): ComposedSvg {
  const parsed = parseSvg(plotSvg);
  // The plot at the width it is shown (a page stretches or shrinks it to its column): what you see is what you get.
  const scale = options.plotWidth && options.plotWidth > 0 ? Math.round(options.plotWidth) / parsed.width : 1;
  const plot = { width: parsed.width * scale, height: parsed.height * scale };
  const width = Math.max(320, Math.round(plot.width + 2 * EXPORT_PAD));
  const inner = width - 2 * EXPORT_PAD;
  const parts: string[] = [];
  let y = EXPORT_PAD;
  const lines = (s: string, style: { size: number; line: number }, fill: string, bold = false) => {
    for (const l of wrapText(s, inner, style.size, bold)) {
      parts.push(text(EXPORT_PAD, y + style.size, style.size, fill, l, bold));
      y += style.line;
    }
  };
  lines(t.title, TITLE, INK, true);
  if (t.subtitle) lines(t.subtitle, SUBTITLE, MUTED);
  const legend = t.legend ?? [];
  if (legend.length) {
    y += 4;
    let x = EXPORT_PAD;
    for (const item of legend) {
      const label = item.label.length > 60 ? `${item.label.slice(0, 59)}…` : item.label;
      const w = 14 + textWidth(label, LEGEND.size) + 14;
      if (x > EXPORT_PAD && x + w - 14 > width - EXPORT_PAD) {
        x = EXPORT_PAD;
        y += LEGEND.line;
      }
      const color = /^[#a-zA-Z0-9(),.% -]+$/.test(item.color) ? item.color : INK;
      parts.push(`<rect x="${n1(x)}" y="${n1(y + 3)}" width="10" height="10" fill="${color}"/>`, text(x + 14, y + LEGEND.size + 1, LEGEND.size, INK, label));
      x += w;
    }
    y += LEGEND.line;
  }
  if (extra) {
    const g = asGroup(extra, EXPORT_PAD, y);
    parts.push(g.group);
    y += g.height + 4;
  }
  y += 6;
  parts.push(asGroup(plotSvg, EXPORT_PAD, y, scale).group);
  y += plot.height + 10;
  parts.push(`<line x1="${EXPORT_PAD}" x2="${width - EXPORT_PAD}" y1="${n1(y)}" y2="${n1(y)}" stroke="#dddddd"/>`);
  y += 4;
  lines(t.source, NOTE, MUTED);
  lines(t.credit, NOTE, MUTED);
  const height = Math.ceil(y + EXPORT_PAD - 4);
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(FONT)}" role="img" aria-label="${xmlEscape(t.title)}" color="${INK}" style="color:${INK};background:#ffffff">`
    + `<title>${xmlEscape(t.title)}</title><rect width="${width}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { markup, width, height };
}

/** The SVG as a file: the XML declaration, the markup, a final newline. */
export const svgFile = (c: ComposedSvg): string => `<?xml version="1.0" encoding="UTF-8"?>\n${c.markup}\n`;

/**
 * A download's name: the chart, the language where it matters (images; data files have both),
 * the data version, e.g. applications-by-year_en_2025-03-31.1a2b3c4.png.
 */
export function exportName(chartId: string, version: string, ext: string, lang?: 'zh' | 'en'): string {
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
  return [safe(chartId) || 'chart', ...(lang === 'en' ? ['en'] : []), ...(version ? [safe(version)] : [])].join('_') + `.${ext}`;
}

/** The UTF-8 byte order mark: Excel on Windows reads a CSV as UTF-8 only with it. */
export const BOM = '\ufeff';

/** A column of chart data: its CSV name (the English header) and its Chinese label. */
export interface DataColumn { name: string; zh: string; en?: string }

/** Chart data as CSV text (header = the columns' names); with `bom`, for Excel. */
export function dataCsv(columns: readonly DataColumn[], rows: readonly (readonly CsvValue[])[], bom = false): string {
  return (bom ? BOM : '') + csvLine(columns.map((c) => c.name)) + rows.map(csvLine).join('');
}

/** What the workbook's second sheet says: one row per item, in Chinese and in English. */
export interface AboutSheet {
  /** Sheet names: the data's and this one's. */
  dataSheet: string;
  sheet: string;
  /** Header of the three columns: item, Chinese, English. */
  head: readonly [string, string, string];
  /** Title, source, version, date, credit, link: [item, Chinese, English]. */
  lines: readonly (readonly [string, XlsxCell, XlsxCell])[];
}

/**
 * Chart data as workbook sheets: the data with a Chinese header row over the English one (the CSV's
 * column names), dates as dates and numbers as numbers; then a sheet naming the chart, its source,
 * version and credit, and every column in both languages.
 */
export function dataSheets(columns: readonly DataColumn[], rows: readonly (readonly XlsxCell[])[], about: AboutSheet): XlsxSheet[] {
  return [
    { name: about.dataSheet, headerRows: 2, rows: [columns.map((c) => c.zh), columns.map((c) => c.name), ...rows.map((r) => [...r])] },
    {
      name: about.sheet,
      rows: [[...about.head], ...about.lines.map((l) => [...l]), [], ...columns.map((c) => [c.name, c.zh, c.en ?? c.name])],
    },
  ];
}

/** A value from a query or a table as a workbook cell: ISO dates become dates, booleans text. */
export function asCell(v: unknown, isDate = false): XlsxCell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (isDate && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
    if (Number.isFinite(d.getTime())) return d;
  }
  return String(v);
}
