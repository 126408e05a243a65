import { readFileSync } from 'node:fs';
import { layout, kindOf } from './src/layout/index.ts';
const f = process.argv[2]!;
const { lines } = layout(readFileSync(f, 'utf8'), kindOf(f));
const pat = process.argv[3] ? new RegExp(process.argv[3]) : null;
for (const l of lines) if (!pat || pat.test(l.text)) console.log(l.n, JSON.stringify(l.text.slice(0, 200)));
