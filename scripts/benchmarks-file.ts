/** BENCHMARKS.md, shared by the benchmark scripts: each writes its own '## …' section and keeps the others. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE = join(fileURLToPath(new URL('..', import.meta.url)), 'BENCHMARKS.md');

/** Replaces the section that starts with `heading` (or appends it), leaving the rest as it is. */
export function writeSection(heading: string, section: string): void {
  const before = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const start = before.indexOf(heading);
  let out: string;
  if (start < 0) out = `${before.trimEnd()}\n\n${section}`;
  else {
    const next = before.indexOf('\n## ', start + 3);
    out = `${before.slice(0, start).trimEnd()}\n\n${section}${next < 0 ? '' : before.slice(next)}`;
  }
  writeFileSync(FILE, out.endsWith('\n') ? out : `${out}\n`);
}
