/** Shared by the browser tests: build once per run, name a suite (skipped without Chromium), watch a context. */
import type { Browser, BrowserContextOptions, BrowserContext, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, CHROMIUM, DIST, HAS_CHROMIUM, ROOT } from '../../scripts/browser.ts';
import { expect } from 'vitest';
import { siteBuildOnce } from '../site-build.ts';

// Building, serving and launching live in scripts/browser.ts (the benchmarks use them too).
export { BASE, buildSite, DIST, HAS_CHROMIUM, launch, ROOT } from '../../scripts/browser.ts';

/** A browser suite's name; without Chromium it says the suite was skipped and how to get it. */
export function suiteName(name: string): string {
  if (HAS_CHROMIUM) return name;
  const skipped = `${name} — SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)`;
  console.warn(`\n[e2e] ${skipped}\n`);
  return skipped;
}

/**
 * Builds the site once per test run, however many test files ask (build:data writes public/data,
 * astro writes DIST, not dist/): the run starts it as it begins when it holds browser tests
 * (test/sequencer.ts), or the first caller does; the others wait for it (test/site-build.ts).
 * Outside a vitest run this just builds.
 */
export async function buildOnce(): Promise<void> {
  if (!process.env.ATLAS_TEST_RUN) return buildSite();
  await siteBuildOnce(ROOT);
}

/**
 * The build a suite tests: the folder the environment variable `reuse` names, if it holds a
 * build under /atlas/ (quick local runs), else DIST, built once for the run.
 */
export async function siteUnderTest(reuse: string): Promise<string> {
  const dir = process.env[reuse];
  if (dir && existsSync(join(dir, 'index.html'))) return dir;
  await buildOnce();
  return DIST;
}

export interface Watched {
  context: BrowserContext;
  /** Requests that tried to leave 127.0.0.1 (aborted). */
  external: string[];
  /** Console errors, page errors and failed responses, per page. */
  errors: string[];
  page(): Promise<Page>;
}

/** A context where every request not to 127.0.0.1 is aborted and recorded, and errors are collected. */
export async function watchedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext(options);
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      external.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  return {
    context, external, errors,
    async page() {
      const page = await context.newPage();
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()} (${page.url()})`); });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message} (${page.url()})`));
      page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
      page.on('requestfailed', (r) => errors.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      return page;
    },
  };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.slice(12, 16))).toBe('IHDR');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}
