// @ts-check
import { defineConfig } from 'astro/config';

// The site works from any static host and sub-path: set ATLAS_BASE=/atlas/ to build for one.
export default defineConfig({
  base: process.env.ATLAS_BASE ?? '/',
  trailingSlash: 'ignore',
  output: 'static',
  build: { format: 'directory' },
  vite: {
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  },
});
