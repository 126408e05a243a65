import type { Check } from './types.ts';

export interface CarryFacts {
  reportId: string;
  lineageId: string;
  year: number | null;
  carriedOver: number | null;
  carriedForward: number | null;
}

/** Across years of one lineage: 四 (carried forward) of year N equals 二 (carried over) of N+1, 总计 column. */
export function checkContinuity(reports: CarryFacts[]): Map<string, Check> {
  const out = new Map<string, Check>();
  // Reports by lineage and year, in input order: one look-up per report, not a scan (100,000s of reports).
  const byYear = new Map<string, CarryFacts[]>();
  const at = (lineageId: string, year: number) => `${year}\u0000${lineageId}`;
  for (const r of reports) {
    if (r.year === null) continue;
    const k = at(r.lineageId, r.year);
    const list = byYear.get(k);
    if (list) list.push(r);
    else byYear.set(k, [r]);
  }
  for (const r of reports) {
    if (r.year === null) continue;
    const prev = byYear.get(at(r.lineageId, r.year - 1)) ?? [];
    const check = 'carry_over_continuity' as const;
    const subject = `${r.year! - 1}→${r.year}`;
    if (prev.length !== 1) {
      out.set(r.reportId, { check, subject, status: 'skipped', detail: prev.length ? `${r.year! - 1} 年有多份报告 several reports on ${r.year! - 1}` : `同一沿革没有 ${r.year! - 1} 年的报告 no report on ${r.year! - 1} in this lineage` });
      continue;
    }
    const p = prev[0]!;
    if (p.carriedForward === null || r.carriedOver === null) {
      out.set(r.reportId, { check, subject, status: 'skipped', detail: `有空白单元格 blank cells: ${p.carriedForward} → ${r.carriedOver}` });
      continue;
    }
    const ok = p.carriedForward === r.carriedOver;
    out.set(r.reportId, { check, subject, status: ok ? 'pass' : 'fail', detail: `${p.reportId} 结转下年度 ${p.carriedForward} ${ok ? '=' : '≠'} ${r.reportId} 上年结转 ${r.carriedOver}` });
  }
  return out;
}
