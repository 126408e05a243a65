/** A notebook chart cell's spec: which mark, and which result columns feed it. Pure, so pages and permalinks share it. */
export type Mark = 'bar' | 'line' | 'dot' | 'cell';
export const MARKS: readonly Mark[] = ['bar', 'line', 'dot', 'cell'];

export interface ChartSpec { mark: Mark; x?: string; y?: string; color?: string; facet?: string }
