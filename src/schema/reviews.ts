/** Table 四: administrative review and litigation, fifteen cells in prescribed order. */
export const PROCEEDINGS = [
  { key: 'review', zh: '行政复议', en: 'Administrative review' },
  { key: 'litigation_direct', zh: '行政诉讼·未经复议直接起诉', en: 'Litigation without prior review' },
  { key: 'litigation_after_review', zh: '行政诉讼·复议后起诉', en: 'Litigation after review' },
] as const;
export type Proceeding = (typeof PROCEEDINGS)[number]['key'];

export const OUTCOMES = [
  { key: 'upheld', zh: '结果维持', en: 'Upheld' },
  { key: 'corrected', zh: '结果纠正', en: 'Corrected' },
  { key: 'other', zh: '其他结果', en: 'Other outcome' },
  { key: 'pending', zh: '尚未审结', en: 'Pending' },
  { key: 'total', zh: '总计', en: 'Total' },
] as const;
export type Outcome = (typeof OUTCOMES)[number]['key'];
export const PROCEEDING_KEYS: readonly Proceeding[] = PROCEEDINGS.map((p) => p.key);
export const OUTCOME_KEYS: readonly Outcome[] = OUTCOMES.map((o) => o.key);

/** The fifteen cells in the order they are printed. */
export const REVIEW_CELLS: readonly { proceeding: Proceeding; outcome: Outcome }[] = PROCEEDINGS.flatMap((p) =>
  OUTCOMES.map((o) => ({ proceeding: p.key, outcome: o.key })),
);
