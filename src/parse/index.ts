export { parseReport } from './report.ts';
export { decode, type Decoded } from './decode.ts';
export type * from './types.ts';
