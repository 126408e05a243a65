/** Citations (src/shared/cite.ts): what a reference manager and LaTeX will read back. */
import { afterEach, describe, expect, it } from 'vitest';
import { absoluteUrl, bibtexText, bibtexUrl, cite, localDay, type DatasetCite, type ReportCite } from '../../src/shared/cite.ts';

const report: ReportCite = {
  kind: 'report', id: 'pingtan-tzcj-2024', agency: '平潭综合实验区投资促进局', agencyEn: 'Pingtan Investment Promotion Bureau',
  title: '平潭综合实验区投资促进局2024年政府信息公开工作年度报告', year: 2024, published: '2025-01-20',
  sourceUrl: 'http://www.pingtan.gov.cn/zwgk/a_b%E5.htm?x=1#top',
  page: { zh: '/atlas/report/pingtan-tzcj-2024/', en: '/atlas/en/report/pingtan-tzcj-2024/' },
  site: { zh: '政府信息公开年报数据', en: 'Disclosure Atlas' }, version: '2026-04-17.be74630',
};
const dataset: DatasetCite = {
  kind: 'dataset', id: 'disclosure-atlas', title: { zh: '政府信息公开年报数据', en: 'Disclosure Atlas: Chinese government information-disclosure annual reports' },
  site: { zh: '政府信息公开年报数据', en: 'Disclosure Atlas' }, version: '2026-04-17.be74630', date: '2026-04-17',
  page: { zh: '/atlas/data/', en: '/atlas/en/data/' }, licence: 'CC BY 4.0',
};
const origin = 'https://atlas.example.org';
const opts = { lang: 'zh' as const, accessed: '2026-11-29', origin };

/** The fields of a BibTeX entry, read with brace counting as BibTeX does; throws on unbalanced braces. */
function bibFields(entry: string): { type: string; key: string; fields: Record<string, string> } {
  const head = /^@(\w+)\{([^,]+),\n/.exec(entry);
  if (!head) throw new Error('no entry head');
  const fields: Record<string, string> = {};
  let i = head[0].length;
  while (i < entry.length) {
    const m = /^\s*(\w+)\s*=\s*\{/.exec(entry.slice(i));
    if (!m) break;
    i += m[0].length;
    let depth = 1, value = '';
    for (; depth > 0; i++) {
      if (i >= entry.length) throw new Error(`unbalanced braces in ${m[1]}`);
      const c = entry[i]!;
      if (c === '\\') { value += c + entry[i + 1]; i++; continue; } // an escaped character does not count
      if (c === '{') depth++;
      if (c === '}') depth--;
      if (depth > 0) value += c;
    }
    fields[m[1]!] = value;
    i = entry.indexOf('\n', i) + 1 || entry.length;
  }
  expect(entry.trimEnd().endsWith('}')).toBe(true);
  return { type: head[1]!, key: head[2]!, fields };
}
/** What LaTeX prints for an escaped text field. */
const unTeX = (s: string) => s.replace(/\\textbackslash\{\}/g, '\\').replace(/\\([\^~])\{\}/g, '$1').replace(/\\([{}$&%#_])/g, '$1');

describe('a report citation', () => {
  const c = cite(report, opts);

  it('CSL-JSON: valid JSON, one report item with the agency, title, dates and the original URL', () => {
    const items = JSON.parse(c.csl) as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item).toMatchObject({
      id: 'pingtan-tzcj-2024', type: 'report', title: report.title, author: [{ literal: report.agency }], publisher: report.agency,
      issued: { 'date-parts': [[2025, 1, 20]] }, accessed: { 'date-parts': [[2026, 11, 29]] }, URL: report.sourceUrl, language: 'zh-CN',
    });
    expect(item.note).toContain(`${origin}/atlas/report/pingtan-tzcj-2024/`);
    expect(item.note).toContain(report.version);
  });

  it('BibTeX: balanced, the agency as a corporate author, the original URL verbatim, access date', () => {
    const { type, key, fields } = bibFields(c.bibtex);
    expect([type, key]).toEqual(['misc', 'pingtan-tzcj-2024']);
    expect(fields.author).toBe(`{${report.agency}}`); // double braces: one corporate name, not "first last"
    expect(fields.title).toBe(`{${report.title}}`);
    expect(fields.year).toBe('2025');
    expect(fields.url).toBe(report.sourceUrl); // % and # stay as they are in a verbatim url field
    expect(fields.urldate).toBe('2026-11-29');
    expect(unTeX(fields.note!)).toContain(`${origin}/atlas/report/pingtan-tzcj-2024/`);
  });

  it('plain text names agency, title, dates, the original URL and this site’s page, in both languages', () => {
    expect(c.zh).toBe(`平潭综合实验区投资促进局. 平潭综合实验区投资促进局2024年政府信息公开工作年度报告[EB/OL]. (2025-01-20)[2026-11-29]. ${report.sourceUrl}. 另见：政府信息公开年报数据（数据版本 2026-04-17.be74630）：${origin}/atlas/report/pingtan-tzcj-2024/`);
    expect(c.en).toContain('平潭综合实验区投资促进局 (Pingtan Investment Promotion Bureau). (2025). 平潭综合实验区投资促进局2024年政府信息公开工作年度报告 [Annual report on government information disclosure, 2024]. Retrieved 2026-11-29, from http://www.pingtan.gov.cn/');
    expect(c.en.endsWith(`Disclosure Atlas (data version 2026-04-17.be74630): ${origin}/atlas/en/report/pingtan-tzcj-2024/`)).toBe(true);
  });

  it('every URL in every form is absolute once an origin is known; paths stay paths without one', () => {
    for (const text of [c.zh, c.en, c.bibtex, c.csl]) {
      expect(text).not.toMatch(/(^|[^a-z.])\/atlas\//m); // no path without its origin before it
      expect(text).toContain(`${origin}/atlas/`);
    }
    const bare = cite(report, { lang: 'en', accessed: '2026-11-29' });
    expect(bare.en).toContain(' /atlas/en/report/pingtan-tzcj-2024/');
    expect(absoluteUrl('report/x/', 'https://h.example/')).toBe('https://h.example/report/x/');
    expect(absoluteUrl('https://other.example/a', origin)).toBe('https://other.example/a');
  });

  it('a title with braces, quotes and TeX specials: CSL keeps it exactly, BibTeX escapes it and stays balanced', () => {
    const title = '关于{“政府信息”}的"年度报告" 50% & $1_000 #2 ~ ^ \\ {unbalanced';
    const t = cite({ ...report, title, agency: 'A&B {局}' }, opts);
    expect((JSON.parse(t.csl) as { title: string; author: { literal: string }[] }[])[0]).toMatchObject({ title, author: [{ literal: 'A&B {局}' }] });
    const { fields } = bibFields(t.bibtex);
    expect(unTeX(fields.title!)).toBe(`{${title}}`);
    expect(unTeX(fields.author!)).toBe('{A&B {局}}');
    expect(fields.title).toContain('\\{unbalanced');
    expect(fields.title).toContain('50\\% \\& \\$1\\_000 \\#2');
  });

  it('without an original URL the site’s page is the URL; without a date the year is n.d.', () => {
    const t = cite({ ...report, sourceUrl: null, published: null }, { ...opts, lang: 'en' });
    const item = (JSON.parse(t.csl) as Record<string, unknown>[])[0]!;
    expect(item.URL).toBe(`${origin}/atlas/en/report/pingtan-tzcj-2024/`);
    expect(item.issued).toBeUndefined();
    expect(t.en).toContain('(n.d.)');
    expect(bibFields(t.bibtex).fields.year).toBeUndefined();
    expect(t.zh).toBe(`平潭综合实验区投资促进局. 平潭综合实验区投资促进局2024年政府信息公开工作年度报告[EB/OL]. [2026-11-29]. 政府信息公开年报数据（数据版本 2026-04-17.be74630）：${origin}/atlas/report/pingtan-tzcj-2024/`);
    expect(t.en.endsWith(`Retrieved 2026-11-29, from Disclosure Atlas (data version 2026-04-17.be74630): ${origin}/atlas/en/report/pingtan-tzcj-2024/`)).toBe(true);
  });
});

describe('the dataset citation', () => {
  it('names the dataset, its version, this site as publisher, the data page and the access date', () => {
    const c = cite(dataset, { ...opts, lang: 'en' });
    const item = (JSON.parse(c.csl) as Record<string, unknown>[])[0]!;
    expect(item).toMatchObject({
      type: 'dataset', version: '2026-04-17.be74630', publisher: 'Disclosure Atlas', URL: `${origin}/atlas/en/data/`,
      issued: { 'date-parts': [[2026, 4, 17]] }, accessed: { 'date-parts': [[2026, 11, 29]] }, license: 'CC BY 4.0',
    });
    const { key, fields } = bibFields(c.bibtex);
    expect(key).toBe('disclosure-atlas-2026-04-17.be74630');
    expect(fields).toMatchObject({ version: '2026-04-17.be74630', year: '2026', url: `${origin}/atlas/en/data/`, urldate: '2026-11-29', publisher: 'Disclosure Atlas' });
    expect(c.zh).toBe(`政府信息公开年报数据. 政府信息公开年报数据：数据版本 2026-04-17.be74630[DS/OL]. (2026-04-17)[2026-11-29]. ${origin}/atlas/data/`);
    expect(c.en).toBe(`Disclosure Atlas. (2026). Disclosure Atlas: Chinese government information-disclosure annual reports (Version 2026-04-17.be74630) [Data set]. Retrieved 2026-11-29, from ${origin}/atlas/en/data/`);
  });
});

describe('helpers', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
  it('bibtexText and bibtexUrl', () => {
    expect(bibtexText('a\\b{c}')).toBe('a\\textbackslash{}b\\{c\\}');
    expect(bibtexUrl('http://h/a b{c}')).toBe('http://h/a%20b%7Bc%7D');
  });
  it('localDay is the reader’s calendar day, not the UTC one', () => {
    const at = new Date(Date.UTC(2024, 2, 5, 23, 30));
    process.env.TZ = 'Asia/Shanghai';
    expect(localDay(at)).toBe('2024-03-06');
    process.env.TZ = 'America/Los_Angeles';
    expect(localDay(at)).toBe('2024-03-05');
  });
});
