/**
 * `npx tsx scripts/site-links.ts --dist DIR [--base /atlas/]`: follows every link of a built site
 * from its two home pages, as a reader (or a search engine) without JavaScript would, and says
 * which report and agency pages no link reaches and which links point at nothing. Exit 1 if any.
 * The browser tests run the same crawl on the test build (test/e2e/lists.test.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliFlags } from './cli.ts';

export interface Crawl {
  /** Pages (paths under the base, 'report/x/') reached from the home pages. */
  reached: Set<string>;
  /** Every page of the build (index.html files), as paths under the base. */
  pages: string[];
  /** Same-site links whose target is not in the build: [page, link]. */
  broken: [string, string][];
}

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name === 'index.html') yield p;
  }
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#38;/g, '&').replace(/&quot;/g, '"');

/** Crawls `dist` (built under `base`) from `index.html` and `en/index.html`, following every href. */
export function crawl(dist: string, base = '/atlas/'): Crawl {
  const pages = [...htmlFiles(dist)].map((f) => relative(dist, f).split(sep).join('/').replace(/index\.html$/, ''));
  const reached = new Set<string>();
  const broken: [string, string][] = [];
  const checked = new Map<string, boolean>();
  const queue = ['', 'en/'];
  const origin = 'http://site.invalid';
  while (queue.length) {
    const page = queue.pop()!;
    if (reached.has(page)) continue;
    reached.add(page);
    const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
    const at = new URL(base + page, origin);
    for (const m of html.matchAll(/\shref="([^"]*)"/g)) {
      const raw = decode(m[1]!);
      if (!raw || raw.startsWith('#') || /^(?:mailto|tel|data|javascript):/i.test(raw)) continue;
      const url = new URL(raw, at);
      if (url.origin !== origin || !url.pathname.startsWith(base)) continue;
      const path = decodeURIComponent(url.pathname.slice(base.length));
      const file = join(dist, path.endsWith('/') || path === '' ? `${path}index.html` : path);
      let ok = checked.get(file);
      if (ok === undefined) checked.set(file, (ok = existsSync(file) && statSync(file).isFile()));
      if (!ok) broken.push([page, raw]);
      else if ((path.endsWith('/') || path === '') && !reached.has(path)) queue.push(path);
    }
  }
  return { reached, pages, broken };
}

/** The report and agency pages (both languages) that no link reaches. */
export const unreached = (c: Crawl): string[] => c.pages.filter((p) => /^(?:en\/)?(?:report|agency)\//.test(p) && !c.reached.has(p));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flags = cliFlags('usage: npx tsx scripts/site-links.ts --dist DIR [--base /atlas/]', { dist: { type: 'string' }, base: { type: 'string' } });
  if (!flags.dist) {
    console.error('--dist DIR is required');
    process.exit(2);
  }
  const c = crawl(flags.dist, flags.base ?? '/atlas/');
  const missing = unreached(c);
  console.log(`${c.pages.length} pages, ${c.reached.size} reached by links from the home pages; ${missing.length} report or agency pages unreached; ${c.broken.length} broken links`);
  for (const p of missing.slice(0, 20)) console.log(`unreached: ${p}`);
  for (const [from, to] of c.broken.slice(0, 20)) console.log(`broken: ${from} → ${to}`);
  process.exit(missing.length || c.broken.length ? 1 : 0);
}
