// `?url` asset imports and import.meta.env: Vite's client types, available before `astro sync`
// has written .astro/types.d.ts (a fresh clone type-checks before it builds).
/// <reference types="astro/client" />
