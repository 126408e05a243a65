export { parseFile, parseReport, statusOf } from './report.ts';
export { decode, type Decoded } from './decode.ts';
export type * from './types.ts';
