/** Shared by the browser tests and the benchmark: build once, serve dist/ at /atlas/, drive Chromium. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './serve.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BASE = '/atlas/';
export const DIST = resolve(ROOT, 'dist');
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** A browser suite's name; without Chromium it says the suite was skipped and how to get it. */
export function suiteName(name: string): string {
  if (HAS_CHROMIUM) return name;
  const skipped = `${name} — SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)`;
  console.warn(`\n[e2e] ${skipped}\n`);
  return skipped;
}

/** `npm run build:data`, then `astro build` under the /atlas/ base. */
export function buildSite(): void {
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test…) into process.env: a child
  // build must not inherit them, or BASE_URL=/ overrides the /atlas/ base.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) =>
    !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(k) && !k.startsWith('VITEST'))) as Record<string, string>;
  const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
    execFileSync(cmd, args, { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-data.ts']);
  run(process.execPath, [resolve(ROOT, 'node_modules/astro/astro.js'), 'build'], { ATLAS_BASE: BASE, ASTRO_TELEMETRY_DISABLED: '1' });
}

/**
 * Builds the site once per test run, however many test files ask: the first caller builds
 * (build:data writes public/data, astro writes dist/), the others wait for it. vitest.config.ts
 * names the run (ATLAS_TEST_RUN); outside vitest this just builds.
 */
export async function buildOnce(): Promise<void> {
  const run = process.env.ATLAS_TEST_RUN;
  if (!run) return buildSite();
  const dir = join(ROOT, 'node_modules', '.cache', 'atlas-e2e');
  mkdirSync(dir, { recursive: true });
  const done = join(dir, `${run}.done`), failed = join(dir, `${run}.failed`);
  try {
    mkdirSync(join(dir, `${run}.lock`));
  } catch {
    for (const start = Date.now(); !existsSync(done); await sleep(200)) {
      if (existsSync(failed)) throw new Error(`the site build failed: ${readFileSync(failed, 'utf8')}`);
      if (Date.now() - start > 300_000) throw new Error('timed out waiting for the site build');
    }
    return;
  }
  try {
    buildSite();
    writeFileSync(done, '');
  } catch (e) {
    const err = e as { message?: string; stderr?: Buffer };
    writeFileSync(failed, `${err.message ?? e}\n${err.stderr?.toString() ?? ''}`);
    throw e;
  }
}

/** Chromium on a fresh temporary profile (playwright's launch makes one per browser). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
