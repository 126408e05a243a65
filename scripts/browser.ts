/**
 * The production site in a real browser, shared by the browser tests (test/e2e) and the
 * benchmarks (scripts/bench*.ts): build it (into DIST, not dist/), serve it at a base path on 127.0.0.1 like any
 * static host, drive Debian's Chromium on a closed network. Tests import from here, never the
 * other way round.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const BASE = '/atlas/';
/** Tests and benchmarks build here, never into dist/: a dist/ built for /atlas/ must not be what `npm start` or a deploy picks up. */
export const DIST = resolve(ROOT, 'node_modules', '.cache', 'atlas-site');

/** Chromium flags for a closed network (see stack-notes.md). */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** `npm run build:data`, then `astro build` under the /atlas/ base into DIST. */
export function buildSite(): void {
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test…) into process.env: a child
  // build must not inherit them, or BASE_URL=/ overrides the /atlas/ base.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) =>
    !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(k) && !k.startsWith('VITEST'))) as Record<string, string>;
  const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
    execFileSync(cmd, args, { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-data.ts']);
  run(process.execPath, [resolve(ROOT, 'node_modules/astro/astro.js'), 'build'], { ATLAS_BASE: BASE, ATLAS_OUT_DIR: DIST, ASTRO_TELEMETRY_DISABLED: '1' });
}

/** Chromium on a fresh temporary profile (playwright's launch makes one per browser). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8', '.parquet': 'application/vnd.apache.parquet', '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  server: Server;
  /** http://127.0.0.1:PORT/atlas/ */
  origin: string;
  url: string;
  close(): Promise<void>;
}

/** A tiny static server: `dir` mounted at `basePath` (e.g. /atlas/) on 127.0.0.1. */
export async function serve(dir: string, basePath = BASE): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(basePath)) {
      res.writeHead(404).end('not under base');
      return;
    }
    let file = normalize(join(root, path.slice(basePath.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: `${path}/` }).end();
          return;
        }
        file = join(file, 'index.html');
      }
      const size = statSync(file).size;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-cache' });
      createReadStream(file).pipe(res);
    } catch {
      // As static hosts do (GitHub Pages, Netlify, Cloudflare Pages): the site's own 404 page.
      const page = join(root, '404.html');
      if (existsSync(page)) {
        res.writeHead(404, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
        createReadStream(page).pipe(res);
      } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { server, origin, url: origin + basePath, close: () => new Promise((ok) => server.close(() => ok())) };
}
