/**
 * The parser on damaged text: the seeds cut, shuffled, garbled, re-encoded. Whatever comes in,
 * parseReport returns quickly, never throws, and never invents a number or a line.
 * Deterministic: a fixed-seed PRNG (mulberry32) drives every mutation.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/parse/decode.ts';
import { parseReport } from '../../src/parse/report.ts';
import type { ParsedReport } from '../../src/parse/types.ts';
import { isCount, MAX_AMOUNT, MAX_COUNT } from '../../src/parse/bounds.ts';
import { SEEDS } from './helpers.ts';

type Rng = () => number;
function mulberry32(seed: number): Rng {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

const FULL = (d: string) => String.fromCharCode(0xff10 + Number(d));
const lines = (t: string) => t.split('\n');

/** Characters that extraction and mirror sites put into texts, and some that nothing should. */
const UNICODE = [
  '中', '国', '表', '三', '〇', '零', '①', 'Ⅻ', '²', '٣', '𝟘', '😀', '𠀀', 'é', 'Ω', 'Я', 'Ａ', '\u0301', '\u200b', '\u200d',
  '\u200f', '\u202e', '\u00a0', '\u3000', '\ufeff', '\ufffd', '—', '／', '|', '\t', '％', '＋', '－', '．', '“', '”', '《', '》',
];
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029', '\r'];
/** What a garbled digit becomes. */
const GARBLE: ((d: string, r: Rng) => string)[] = [
  (_, r) => String(int(r, 10)),
  (d) => FULL(d),
  () => '／',
  () => '—',
  (d) => `${d},`,
  (d, r) => `${d},${int(r, 10)}${int(r, 10)}${int(r, 10)}`,
  (d) => `+${d}`,
  (d, r) => `${d}.${int(r, 10)}`,
  () => '',
  (d, r) => `${d}${int(r, 10)}`,
  (d) => ` ${d}`,
  (d) => `－${d}`,
];

interface Op {
  name: string;
  apply: (t: string, r: Rng) => string;
}
const OPS: Op[] = [
  { name: 'cut-head', apply: (t, r) => t.slice(0, int(r, t.length + 1)) },
  { name: 'cut-tail', apply: (t, r) => t.slice(int(r, t.length + 1)) },
  { name: 'cut-middle', apply: (t, r) => { const a = int(r, t.length), b = a + int(r, 800); return t.slice(0, a) + t.slice(b); } },
  { name: 'drop-lines', apply: (t, r) => { const p = 0.05 + r() * 0.3; return lines(t).filter(() => r() > p).join('\n'); } },
  { name: 'shuffle-window', apply: (t, r) => {
    const ls = lines(t), a = int(r, ls.length), w = ls.slice(a, a + 5 + int(r, 40));
    for (let i = w.length - 1; i > 0; i--) { const j = int(r, i + 1); [w[i], w[j]] = [w[j]!, w[i]!]; }
    return [...ls.slice(0, a), ...w, ...ls.slice(a + w.length)].join('\n');
  } },
  { name: 'shuffle-all', apply: (t, r) => {
    const ls = lines(t);
    for (let i = ls.length - 1; i > 0; i--) { const j = int(r, i + 1); [ls[i], ls[j]] = [ls[j]!, ls[i]!]; }
    return ls.join('\n');
  } },
  { name: 'duplicate-lines', apply: (t, r) => lines(t).flatMap((l) => (r() < 0.1 ? [l, l] : [l])).join('\n') },
  { name: 'duplicate-block', apply: (t, r) => { const ls = lines(t), a = int(r, ls.length), b = a + int(r, 60); return [...ls.slice(0, b), ...ls.slice(a, b), ...ls.slice(b)].join('\n'); } },
  { name: 'garble-digits', apply: (t, r) => { const p = 0.05 + r() * 0.5; return t.replace(/\d/g, (d) => (r() < p ? pick(r, GARBLE)(d, r) : d)); } },
  { name: 'full-width-some', apply: (t, r) => t.replace(/\d/g, (d) => (r() < 0.5 ? FULL(d) : d)) },
  { name: 'insert-unicode', apply: (t, r) => insert(t, r, UNICODE, 1 + int(r, 60)) },
  { name: 'insert-controls', apply: (t, r) => insert(t, r, CONTROLS, 1 + int(r, 20)) },
  { name: 'join-lines', apply: (t, r) => { const p = 0.1 + r() * 0.8; return t.replace(/\n/g, () => (r() < p ? pick(r, ['', ' ', '\t']) : '\n')); } },
  { name: 'tabs-pipes', apply: (t, r) => { const p = r(); return t.replace(/ /g, () => (r() < p ? pick(r, ['\t', '|', ' | ', '\t\t']) : ' ')); } },
  { name: 'pipe-rows', apply: (t) => t.replace(/^(.*\d.*)$/gm, (l) => `|${l.trim().split(/\s+/).join('|')}|`) },
  { name: 'one-cell-per-line', apply: (t) => t.replace(/^(.*\d.*)$/gm, (l) => l.trim().split(/\s+/).map((c) => `\t${c}`).join('\n')) },
  { name: 'cr-only', apply: (t) => t.replace(/\n/g, '\r') },
  { name: 'crlf-some', apply: (t, r) => t.replace(/\n/g, () => (r() < 0.5 ? '\r\n' : '\n')) },
  { name: 'flatten', apply: (t, r) => t.replace(/\n/g, () => (r() < 0.9 ? '' : '\n')).replace(/(\d) (?=\d)/g, (m, d) => (r() < 0.7 ? d : m)) },
  { name: 'html', apply: (t, r) => html(t, r) },
  { name: 'html-in-js-string', apply: (t, r) => JSON.stringify(html(t, r)).slice(1, -1) },
  { name: 'page-footers', apply: (t, r) => lines(t).flatMap((l) => (r() < 0.03 ? [l, `- ${int(r, 30)} -`] : [l])).join('\n') },
];
/** The text as a web page: prose lines as paragraphs, lines with numbers as table rows (one source line each). */
function html(t: string, r: Rng): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return lines(t).map((l) => {
    if (!/\d/.test(l) || r() < 0.1) return `<p style="text-indent:2em">${esc(l)}</p>`;
    const cells = l.trim().split(/\s+|\t/).map((c) => `<td>${c ? esc(c) : '&nbsp;'}</td>`);
    if (r() < 0.2) cells.splice(1, 0, '<td colspan="2">&nbsp;</td>');
    return `<table><tr>${cells.join('')}</tr></table>`;
  }).join('\n');
}
function insert(t: string, r: Rng, pool: readonly string[], n: number): string {
  const chars = [...t];
  for (let i = 0; i < n; i++) chars.splice(int(r, chars.length + 1), 0, pick(r, pool));
  return chars.join('');
}

/** Byte-level damage: the result goes through decode() as the build does. */
const BYTE_OPS: { name: string; bytes: (t: string, r: Rng) => Uint8Array }[] = [
  { name: 'gb18030', bytes: (t) => iconv.encode(t, 'gb18030') },
  { name: 'utf-16le+bom', bytes: (t) => iconv.encode(`\ufeff${t}`, 'utf-16le') },
  { name: 'utf-16be+bom', bytes: (t) => iconv.encode(`\ufeff${t}`, 'utf-16be') },
  { name: 'utf-16le', bytes: (t) => iconv.encode(t, 'utf-16le') },
  { name: 'utf-16be', bytes: (t) => iconv.encode(t, 'utf-16be') },
  { name: 'truncate-utf8', bytes: (t, r) => new TextEncoder().encode(t).subarray(0, int(r, 13)) },
  { name: 'truncate-gb18030', bytes: (t, r) => iconv.encode(t, 'gb18030').subarray(0, 1 + int(r, 40)) },
  { name: 'truncate-utf16-odd', bytes: (t, r) => iconv.encode(t, 'utf-16le').subarray(0, 2 * int(r, 2000) + 1) },
];

/** Bytes decode() refused without a proper error (should stay empty). */
const refused: string[] = [];

interface Case {
  label: string;
  /** The text parseReport gets (after decode, for byte-level cases); null when decode refused the bytes. */
  text: string | null;
}

/**
 * A few hundred mutated texts, the same on every run. For a longer hunt by hand:
 * FUZZ_SEED=7 FUZZ_PER_SEED=2000 npx vitest run test/pipeline/fuzz.test.ts
 */
const PER_SEED = Number(process.env.FUZZ_PER_SEED) || 56;
function cases(): Case[] {
  const r = mulberry32(Number(process.env.FUZZ_SEED) || 20240607);
  const out: Case[] = [];
  SEEDS.forEach((s, si) => {
    out.push({ label: `${s.file} no digits`, text: s.text.replace(/[0-9０-９]/g, '') });
    for (let k = 0; k < PER_SEED; k++) {
      let t = s.text;
      const names: string[] = [];
      for (let n = 1 + int(r, 3); n > 0; n--) {
        const op = pick(r, OPS);
        t = op.apply(t, r);
        names.push(op.name);
      }
      // One case in eight loses every digit last: nothing may then read as a number.
      if (r() < 0.125) {
        t = t.replace(/[0-9０-９]/g, '');
        names.push('remove-digits');
      }
      let text: string | null = t;
      if (r() < 0.2) {
        const op = pick(r, BYTE_OPS);
        names.push(op.name);
        const d = decode(op.bytes(t, r));
        if (d.problem) {
          // Refused bytes must be refused cleanly: an error, no text.
          if (d.problem.severity !== 'error' || d.text !== '' || d.problem.message.length < 5) refused.push(`${s.file} #${k}: ${JSON.stringify(d)}`);
          text = null;
        } else text = d.text;
      }
      out.push({ label: `seed ${si} (${s.file}) #${k}: ${names.join(' + ')}`, text });
    }
  });
  return out;
}

const VALID_STATUS = ['ok', 'warnings', 'failed'];

/** Every line a parse names, with where it was named. */
function linesOf(p: ParsedReport): [string, number | null][] {
  return [
    ['agencyName', p.agencyName.line], ['year', p.year.line], ['publishedOn', p.publishedOn.line], ['proactiveTotal', p.proactiveTotal.line],
    ['fees', p.fees.line],
    ...p.proactiveCategories.map((c): [string, number | null] => [`proactive ${c.key}`, c.line]),
    ...p.article20.map((c): [string, number | null] => [`article20 ${c.clause}/${c.item}/${c.measure}`, c.line]),
    ...p.applications.map((c): [string, number | null] => [`applications ${c.row}/${c.applicant}`, c.line]),
    ...p.reviews.map((c): [string, number | null] => [`reviews ${c.proceeding}/${c.outcome}`, c.line]),
    ...p.narrative.map((n): [string, number | null] => [`narrative ${n.section}`, n.line]),
    ...p.warnings.map((w): [string, number | null] => [`warning ${w.code}`, w.line]),
  ];
}

/** Every number a parse read from the text (fees excluded: "未收取" is a 0 without a digit). */
function numbersOf(p: ParsedReport): [string, unknown][] {
  return [
    ['year', p.year.value], ['publishedOn', p.publishedOn.value], ['proactiveTotal', p.proactiveTotal.value],
    ...p.proactiveCategories.flatMap((c): [string, unknown][] => [[`proactive ${c.key} items`, c.items], [`proactive ${c.key} share`, c.sharePct]]),
    ...p.article20.map((c): [string, unknown] => [`article20 ${c.clause}/${c.item}/${c.measure}`, c.value]),
    ...p.applications.map((c): [string, unknown] => [`applications ${c.row}/${c.applicant}`, c.value]),
    ...p.reviews.map((c): [string, unknown] => [`reviews ${c.proceeding}/${c.outcome}`, c.value]),
  ];
}

/** What is wrong with one parse of one text; empty when nothing is. */
function problems(text: string, p: ParsedReport): string[] {
  const out: string[] = [];
  if (!VALID_STATUS.includes(p.status)) out.push(`status ${String(p.status)}`);
  const sev = p.warnings.some((w) => w.severity === 'error') ? 'failed' : p.warnings.some((w) => w.severity === 'warning') ? 'warnings' : 'ok';
  if (p.status !== sev) out.push(`status ${p.status} but the warnings say ${sev}`);
  for (const w of p.warnings) if (typeof w.message !== 'string' || w.message.trim().length < 5) out.push(`warning ${w.code} has no message`);
  // parseReport catches its own exceptions and reports them as this warning: a crash all the same.
  for (const w of p.warnings) if (w.code === 'parser_error') out.push(`the parser crashed inside: ${w.message}`);
  const cells = [...p.applications, ...p.reviews, ...p.article20];
  for (const c of cells) {
    if (c.value !== null && (typeof c.value !== 'number' || !Number.isFinite(c.value))) out.push(`cell ${JSON.stringify(c)} is not a finite number or null`);
  }
  // Counts are whole, never negative, never absurd; only table 二's change may be signed.
  for (const c of [...p.applications, ...p.reviews]) if (c.value !== null && !isCount(c.value)) out.push(`count ${JSON.stringify(c)} out of 0..${MAX_COUNT}`);
  for (const c of p.article20) {
    if (c.value === null) continue;
    if (Math.abs(c.value) > MAX_AMOUNT) out.push(`table 二 ${JSON.stringify(c)} beyond ${MAX_AMOUNT}`);
    if (c.value < 0 && c.measure !== 'change') out.push(`table 二 ${JSON.stringify(c)} negative`);
  }
  if (p.proactiveTotal.value !== null && !isCount(p.proactiveTotal.value)) out.push(`proactive total ${p.proactiveTotal.value} out of range`);
  const n = text.split(/\r\n|\r|\n/).length;
  for (const [where, line] of linesOf(p)) {
    if (line !== null && !(Number.isInteger(line) && line >= 1 && line <= n)) out.push(`${where}: line ${line} outside 1..${n}`);
  }
  if (!/[0-9０-９]/.test(text)) {
    for (const [where, v] of numbersOf(p)) if (v !== null) out.push(`${where} = ${JSON.stringify(v)} but the text has no digit`);
  }
  return out;
}

/**
 * Provenance, as the data contract defines `line`: a table cell's number is printed on the line
 * it names (thousands separators, spaces and full-width forms aside).
 */
function provenance(text: string, p: ParsedReport): string[] {
  const out: string[] = [];
  const src = text.split(/\r\n|\r|\n/);
  const printed = (line: number) => (src[line - 1] ?? '').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/[,，\s]/g, '');
  const cells = [...p.applications, ...p.reviews, ...p.article20];
  for (const c of cells) {
    if (c.value === null || !Number.isSafeInteger(Math.abs(c.value) * 1000)) continue;
    const where = 'row' in c ? `applications ${c.row}/${c.applicant}` : 'proceeding' in c ? `reviews ${c.proceeding}/${c.outcome}` : `article20 ${c.clause}/${c.item}/${c.measure}`;
    if (c.line === null) out.push(`${where} = ${c.value} has no line`);
    else if (!printed(c.line).includes(String(Math.abs(c.value)))) out.push(`${where} = ${c.value} but line ${c.line} reads ${JSON.stringify(src[c.line - 1])}`);
  }
  return out;
}

const show = (text: string) => JSON.stringify(text.length > 300 ? `${text.slice(0, 150)} … ${text.slice(-150)}` : text);

describe('parseReport on mutated seeds', () => {
  const all = cases();
  /** Parses made by the first test, reused by the later ones (they only look, never time). */
  const parsed = new Map<Case, ParsedReport>();
  const parseOf = (c: Case & { text: string }) => parsed.get(c) ?? parseReport(c.text);

  it('has a few hundred cases, and they are damaged', () => {
    expect(all.length).toBeGreaterThanOrEqual(250);
    if (!process.env.FUZZ_PER_SEED) expect(all.length).toBeLessThanOrEqual(400);
    const seeds = new Set(SEEDS.map((s) => s.text));
    expect(all.filter((c) => c.text !== null && !seeds.has(c.text)).length).toBeGreaterThan(all.length * 0.9);
    expect(all.filter((c) => c.text !== null && !/[0-9０-９]/.test(c.text)).length).toBeGreaterThanOrEqual(SEEDS.length + 10);
    expect(all.filter((c) => c.label.includes('+ utf-') || c.label.includes('+ gb18030') || c.label.includes('+ truncate')).length).toBeGreaterThan(20);
    expect(refused).toEqual([]);
  });

  it('never throws, returns within 2 s, and keeps every value, line and status well-formed', () => {
    const budget = process.env.FUZZ_PER_SEED ? 600_000 : 40_000, started = performance.now();
    const failures: string[] = [];
    let slowest = 0, done = 0, withValues = 0;
    for (const c of all) {
      if (performance.now() - started > budget) {
        failures.push(`hard cap: ${budget} ms spent after ${done} of ${all.length} cases`);
        break;
      }
      if (c.text === null) continue;
      const t0 = performance.now();
      let p: ParsedReport;
      try {
        p = parseReport(c.text);
      } catch (e) {
        failures.push(`${c.label}: threw ${(e as Error).message}\n  input ${show(c.text)}`);
        continue;
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      if (ms > 2000) failures.push(`${c.label}: took ${ms.toFixed(0)} ms`);
      for (const m of problems(c.text, p).slice(0, 5)) failures.push(`${c.label}: ${m}\n  input ${show(c.text)}`);
      if (p.applications.some((x) => x.value !== null)) withValues++;
      parsed.set(c, p);
      done++;
    }
    expect(failures.slice(0, 10).join('\n'), `${failures.length} failures`).toBe('');
    expect(done).toBeGreaterThan(all.length * 0.7);
    // The damage leaves enough of the tables that the readers run, not just the header check.
    expect(withValues, `${withValues} of ${done} parses read a value in table 三`).toBeGreaterThan(done * 0.3);
    expect(slowest).toBeLessThan(2000);
  }, process.env.FUZZ_PER_SEED ? 700_000 : 60_000);

  it('fills count columns (table 三, 四, section 一) with whole numbers only, as the INT columns of the data contract require', () => {
    const failures: string[] = [];
    for (const c of all) {
      if (c.text === null) continue;
      const p = parseOf({ ...c, text: c.text });
      const counts: [string, number | null][] = [
        ['proactiveTotal', p.proactiveTotal.value],
        ...p.proactiveCategories.map((x): [string, number | null] => [`proactive ${x.key}`, x.items]),
        ...p.applications.map((x): [string, number | null] => [`applications ${x.row}/${x.applicant}`, x.value]),
        ...p.reviews.map((x): [string, number | null] => [`reviews ${x.proceeding}/${x.outcome}`, x.value]),
      ];
      for (const [where, v] of counts) if (v !== null && !Number.isSafeInteger(v)) failures.push(`${c.label}: ${where} = ${v}`);
    }
    expect(failures.slice(0, 10).join('\n'), `${failures.length} failures`).toBe('');
  }, 60_000);

  it('names, for every table cell it reads, the line its number is printed on (the seeds too)', () => {
    const failures: string[] = [];
    for (const s of SEEDS) for (const m of provenance(s.text, parseReport(s.text))) failures.push(`${s.file} as published: ${m}`);
    for (const c of all) {
      if (c.text === null) continue;
      for (const m of provenance(c.text, parseOf({ ...c, text: c.text })).slice(0, 3)) failures.push(`${c.label}: ${m}`);
    }
    expect(failures.slice(0, 12).join('\n'), `${failures.length} failures`).toBe('');
  }, 60_000);
});

describe('targeted damage', () => {
  it('with every digit removed, every cell is null', () => {
    for (const s of SEEDS) {
      const p = parseReport(s.text.replace(/[0-9０-９]/g, ''));
      expect(numbersOf(p).filter(([, v]) => v !== null), s.file).toEqual([]);
    }
  });

  it('a few bytes of a file, in any encoding, neither throw nor produce a value', () => {
    const text = SEEDS[0]!.text;
    for (let n = 1; n <= 12; n++) {
      for (const bytes of [new TextEncoder().encode(text).subarray(0, n), iconv.encode(text, 'gb18030').subarray(0, n), iconv.encode(text, 'utf-16le').subarray(0, n)]) {
        const d = decode(bytes);
        const p = d.problem ? null : parseReport(d.text);
        if (p) {
          expect(numbersOf(p).filter(([, v]) => v !== null)).toEqual([]);
          expect(problems(d.text, p)).toEqual([]);
        }
      }
    }
  });

  /** Table 三 of seed 0 as HTML flattened without separators: each row's seven 4-digit-ish counts run together. */
  let runTogether: { text: string; rows: number[][]; parse: ParsedReport; ms: number } | undefined;
  const runTogetherCase = () => {
    if (runTogether) return runTogether;
    const s = SEEDS[0]!.text;
    const a = s.indexOf('三、收到和处理政府信息公开申请情况'), b = s.indexOf('四、政府信息公开行政复议');
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    const rows: number[][] = [];
    const table = s.slice(a, b).replace(/0 0 0 0 0 0 0/g, () => {
      const k = rows.length + 1;
      const cells = Array.from({ length: 6 }, (_, i) => 1000 + ((k * 37 + i * 53) % 9000));
      rows.push([...cells, cells.reduce((x, y) => x + y, 0)]);
      return rows.at(-1)!.join('');
    });
    const text = s.slice(0, a) + table + s.slice(b);
    const t0 = performance.now();
    const parse = parseReport(text);
    return (runTogether = { text, rows, parse, ms: performance.now() - t0 });
  };

  it('table 三 with its cells run together (HTML without separators) is split right or not at all, each value on its line', () => {
    const { text, rows, parse } = runTogetherCase();
    expect(rows.length).toBe(25);
    const src = text.split('\n');
    const cells = parse.applications;
    expect(cells).toHaveLength(25 * 7);
    let read = 0;
    cells.forEach((c, i) => {
      const row = rows[Math.floor(i / 7)]!;
      if (c.value === null) return;
      read++;
      // Row k of the table is the k-th run, in the prescribed order; the line is the run's line.
      expect(c.value, `${c.row}/${c.applicant}`).toBe(row[i % 7]);
      expect(src[c.line! - 1], `${c.row}/${c.applicant} line ${c.line}`).toContain(row.join(''));
    });
    expect(read).toBeGreaterThan(0);
  }, 30_000);

  it('table 三 with its cells run together parses within 2 s', () => {
    const { ms } = runTogetherCase();
    expect(ms, `parseReport took ${ms.toFixed(0)} ms`).toBeLessThan(2000);
  }, 30_000);
});

describe('properties of the seeds', () => {
  /** A parse without what may legitimately differ when only the printing changes. */
  const values = (p: ParsedReport) => JSON.parse(JSON.stringify(p, (k, v) => (k === 'raw' || k === 'message' || k === 'title' ? undefined : v)));

  it.each(SEEDS.map((s) => ({ file: s.file, text: s.text })))('$file parses the same with CRLF line ends', ({ text }) => {
    expect(text).not.toContain('\r');
    const lf = parseReport(text);
    expect(lf.agencyName.value).not.toBeNull();
    expect(parseReport(text.replace(/\n/g, '\r\n'))).toEqual(lf);
  });

  it.each(SEEDS.map((s) => ({ file: s.file, text: s.text })))('$file parses to the same values with full-width digits', ({ text }) => {
    const wide = text.replace(/[0-9]/g, FULL);
    expect(wide).not.toMatch(/[0-9]/);
    expect(wide.length).toBe(text.length);
    const a = parseReport(text), b = parseReport(wide);
    expect(a.applications.filter((c) => c.value !== null).length).toBeGreaterThan(0);
    expect(values(b)).toEqual(values(a));
  });

  it.each(SEEDS.map((s) => ({ file: s.file, text: s.text })))('$file decodes back to itself from GB18030 and UTF-16 (with and without BOM)', ({ text }) => {
    const encoded: [string, Uint8Array][] = [
      ['gb18030', iconv.encode(text, 'gb18030')],
      ['utf-16le', iconv.encode(`\ufeff${text}`, 'utf-16le')],
      ['utf-16be', iconv.encode(`\ufeff${text}`, 'utf-16be')],
      ['utf-16le', iconv.encode(text, 'utf-16le')],
      ['utf-16be', iconv.encode(text, 'utf-16be')],
      ['utf-8', new TextEncoder().encode(text)],
    ];
    for (const [encoding, bytes] of encoded) {
      const d = decode(bytes);
      expect(d.problem, encoding).toBeNull();
      expect(d.encoding).toBe(encoding);
      expect(d.text === text, encoding).toBe(true);
    }
  });
});
