/**
 * Tables written as they fill (src/files/stream.ts) are the bytes toCsv and toParquet write at
 * once, at every row-group boundary (1,000 rows, then 100,000 each), with the facts
 * datapackage.json states; progress lines (scripts/build/progress.ts) in a log and in a terminal.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileHash, TableStream, toCsv, toParquet } from '../../src/files/index.ts';
import { TABLES, type Row } from '../../src/schema/tables.ts';
import { Progress } from '../../scripts/build/progress.ts';

const tmp = mkdtempSync(join(tmpdir(), 'files-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const warnings = TABLES.find((t) => t.name === 'warnings')!;
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({
  report_id: `r-${String(Math.floor(i / 7)).padStart(6, '0')}`, seq: (i % 7) + 1, severity: i % 3 ? 'warning' : 'note', code: `c${i % 11}`,
  message: i % 5 ? `第 ${i} 行 line ${i}, "quoted"` : '', message_zh: `第 ${i} 行`, message_en: i % 13 ? `line ${i}` : null, line: i % 4 ? i : null,
}));

describe('TableStream', () => {
  it.each([0, 1, 999, 1000, 1001, 101_000, 101_001])('%i rows: the same CSV and Parquet bytes as at once, and their facts', (n) => {
    const data = rows(n);
    const dir = join(tmp, String(n));
    const s = new TableStream(dir, warnings);
    for (const r of data) s.push(r);
    const facts = s.close();
    const csv = Buffer.from(toCsv(warnings, data)), parquet = toParquet(warnings, data);
    const gotCsv = readFileSync(join(dir, 'warnings.csv')), gotParquet = readFileSync(join(dir, 'warnings.parquet'));
    expect(createHash('sha256').update(gotCsv).digest('hex')).toBe(createHash('sha256').update(csv).digest('hex'));
    expect(createHash('sha256').update(gotParquet).digest('hex')).toBe(createHash('sha256').update(parquet).digest('hex'));
    expect(facts.count).toBe(n);
    expect(facts.csv).toEqual({ bytes: csv.byteLength, hash: fileHash(csv) });
    expect(facts.parquet).toEqual({ bytes: parquet.byteLength, hash: fileHash(parquet) });
  }, 60_000);

  it('a bad cell throws with its table, row and column, as toCsv does', () => {
    const s = new TableStream(join(tmp, 'bad'), warnings);
    s.push(rows(1)[0]!);
    expect(() => s.push({ ...rows(1)[0]!, seq: 1.5 })).toThrow(/warnings row 1 column seq/);
  });
});

/** A stream that records what is written, a terminal or not. */
const sink = (tty: boolean) => {
  const out: string[] = [];
  return { out, stream: { isTTY: tty, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream };
};

describe('Progress', () => {
  it('in a log: a plain line at every 5%, the last at 100%', () => {
    const { out, stream } = sink(false);
    const p = new Progress('read+parse', 200, stream);
    for (let i = 0; i < 200; i++) p.tick();
    p.end();
    expect(out).toHaveLength(20);
    expect(out[0]).toMatch(/^ {2}read\+parse 10\/200 \(5%\), \d+\/s\n$/);
    expect(out.at(-1)).toMatch(/^ {2}read\+parse 200\/200 \(100%\), \d+\/s\n$/);
  });

  it('in a log, nothing for fewer than 20 items', () => {
    const { out, stream } = sink(false);
    const p = new Progress('x', 5, stream);
    for (let i = 0; i < 5; i++) p.tick();
    p.end();
    expect(out).toEqual([]);
  });

  it('in a terminal: one line redrawn in place, with a bar, counts, rate and time left, ended by a newline', () => {
    const { out, stream } = sink(true);
    const p = new Progress('write tables', 3, stream);
    for (let i = 0; i < 3; i++) p.tick();
    p.end();
    expect(out[0]).toMatch(/^\r {2}write tables \[[█░]{24}\] 1\/3 33% · \d+\/s · \d+ s left\x1b\[K$/);
    expect(out.at(-2)).toMatch(/\[█{24}\] 3\/3 100%/);
    expect(out.at(-1)).toBe('\n');
  });
});
