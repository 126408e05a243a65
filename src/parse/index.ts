export { parseFile, parseReport, statusOf } from './report.ts';
export { decode, type Decoded } from './decode.ts';
export type * from './types.ts';
export { NO_META, type PageMeta } from './meta.ts';
export { MANIFEST_NAMES, readManifest, stemOf } from './manifest.ts';
export { reportCells } from './cells.ts';
