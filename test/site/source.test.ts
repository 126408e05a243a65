/** What a report page inlines of its source: bounded, and never a file that is not a file. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boundedSource, sourceLines } from '../../src/site/data.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report page source', () => {
  it('inlines whole lines up to the bound and counts the rest', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => ({ text: `第${i}行`.padEnd(99, '。') }));
    const { shown, omitted } = boundedSource(lines, 10_000);
    expect(shown.length).toBe(100);
    expect(omitted).toBe(900);
    expect(boundedSource(lines.slice(0, 5), 10_000)).toEqual({ shown: lines.slice(0, 5), omitted: 0 });
  });

  it('reads a regular file; a FIFO or a folder gives no lines instead of blocking', () => {
    writeFileSync(join(dir, 'a.txt'), '一\n二\n');
    expect(sourceLines('a.txt', dir)).toEqual(['一', '二', '']);
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    expect(sourceLines('pipe.txt', dir)).toEqual([]);
    expect(sourceLines('missing.txt', dir)).toEqual([]);
  });
});
