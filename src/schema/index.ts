export * from './template.ts';
export * from './article20.ts';
export * from './applications.ts';
export * from './reviews.ts';
export * from './proactive.ts';
export * from './rules.ts';
export * from './tables.ts';
