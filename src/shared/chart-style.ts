/** How charts look and are labelled, the same at build time (src/site/charts.ts) and in the browser (src/client/query). */

/** The series colours, in order (Tableau 10). */
export const PALETTE: readonly string[] = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'];

/** A label without its trailing parenthetical unit or note: 主动公开合计（条） → 主动公开合计. */
export const shortLabel = (label: string): string => label.replace(/\s*[（(][^（）()]*[）)]\s*$/, '');
