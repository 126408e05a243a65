/** Layers point one way: a lower module never imports a higher one (README, "Where things live"). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every relative import of every .ts/.astro file under `dir`, as repo paths. */
function imports(dir: string): { file: string; target: string }[] {
  const out: { file: string; target: string }[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !/\.(ts|astro)$/.test(e.name)) continue;
    const path = join(e.parentPath, e.name);
    // A page's <script> runs in the browser; only its frontmatter and markup run at build time.
    const text = readFileSync(path, 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      out.push({ file: relative(ROOT, path), target: relative(ROOT, resolve(dirname(path), m[1]!)) });
    }
  }
  return out;
}

const offending = (dir: string, forbidden: string) =>
  imports(dir).filter((i) => i.target === forbidden || i.target.startsWith(`${forbidden}/`)).map((i) => `${i.file} → ${i.target}`);

describe('layers', () => {
  it('src/agencies does not import src/parse (shared messages live in src/shared)', () => {
    expect(imports('src/agencies').length).toBeGreaterThan(0);
    expect(offending('src/agencies', 'src/parse')).toEqual([]);
  });
  it('src/schema and src/shared import no stage', () => {
    for (const stage of ['src/parse', 'src/agencies', 'src/tables', 'src/site', 'src/files', 'src/layout', 'src/read', 'src/check']) {
      expect(offending('src/schema', stage)).toEqual([]);
      expect(offending('src/shared', stage)).toEqual([]);
    }
  });
  it('scripts and src do not import from test/', () => {
    expect(offending('scripts', 'test')).toEqual([]);
    expect(offending('src', 'test')).toEqual([]);
  });
  it('build-time code (pages, components, layouts, src/site, src/query) imports nothing from src/client', () => {
    for (const dir of ['src/pages', 'src/components', 'src/layouts', 'src/site', 'src/query']) {
      expect(offending(dir, 'src/client')).toEqual([]);
    }
    expect(imports('src/pages').some((i) => i.target.startsWith('src/query/'))).toBe(true);
  });
});
