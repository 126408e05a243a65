import { prose, squash, type Line } from './text.ts';
import { bi, type Fees, type NarrativeSection, type Warning } from './types.ts';

/** Section text as one paragraph string (wrapped lines joined). */
export function readNarrative(section: NarrativeSection['section'], heading: Line, body: Line[]): NarrativeSection {
  return { section, heading: squash(heading.raw), text: prose(body).text, line: heading.n };
}

const AMOUNT = /(?:收取|收费|处理费|费用)[^。；;]{0,20}?(\d+(?:\.\d+)?)\s*(万元|元)/;
const NONE = /未(?:发生|收取|产生|有)[^。；;]{0,20}?(?:收费|费用|处理费)|(?:没有|无|不)(?:收取|收费)|未对[^。；;]{0,20}收费|免费/;

/** Fees charged for handling applications (信息处理费), as section 六 states them, in yuan. */
export function readFees(body: Line[], warnings: Warning[]): Fees {
  const p = prose(body);
  const a = AMOUNT.exec(p.text);
  if (a) {
    const value = Number(a[1]) * (a[2] === '万元' ? 10000 : 1);
    return { value: Math.round(value * 100) / 100, line: p.lineAt(a.index + a[0].length - 1), raw: a[0] };
  }
  const n = NONE.exec(p.text);
  if (n) return { value: 0, line: p.lineAt(n.index), raw: n[0] };
  if (p.text) warnings.push({ severity: 'note', code: 'fees_not_stated', ...bi('第六部分未说明是否收取信息处理费', 'Section 六 does not say whether fees were charged.'), line: body[0]?.n ?? null });
  return { value: null, line: null, raw: null };
}
