// @ts-check
import { basename, dirname, resolve } from 'node:path';
import { defineConfig } from 'astro/config';

// The site serves the data folder it was built from: ATLAS_DATA_DIR=/x/data (a build:data --out
// elsewhere, as the scale benchmarks do) makes /x the public folder; by default it is public/.
const dataDir = process.env.ATLAS_DATA_DIR ? resolve(process.env.ATLAS_DATA_DIR) : null;

// The site works from any static host and sub-path: set ATLAS_BASE=/atlas/ to build for one.
// ATLAS_SITE (e.g. https://example.org) makes embed codes, citations and snippets absolute at build
// time; without it the browser fills in its own origin.
// ATLAS_OUT_DIR builds elsewhere than dist/ (the tests do, so they never leave a dist/ for /atlas/).
export default defineConfig({
  ...(dataDir && basename(dataDir) === 'data' ? { publicDir: dirname(dataDir) } : {}),
  ...(process.env.ATLAS_OUT_DIR ? { outDir: process.env.ATLAS_OUT_DIR } : {}),
  base: process.env.ATLAS_BASE ?? '/',
  ...(process.env.ATLAS_SITE ? { site: process.env.ATLAS_SITE } : {}),
  trailingSlash: 'ignore',
  output: 'static',
  // Stylesheets are files the browser caches across pages, not inlined: inlined, site.css (13 KB)
  // was repeated in every one of the tens of thousands of report pages a large build writes.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  },
});
