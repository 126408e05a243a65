/**
 * The words every export carries, in both languages, without build-time-only imports (the compare
 * tool and the notebook use them in the browser): the source line with the data version and its
 * date, the credit, the workbook's about sheet, and the labels of chart data columns.
 */
import { RESULT_GROUPS, table, TABLES, type Label } from '../schema/index.ts';
import type { AboutSheet } from '../shared/export.ts';
import { t, type Lang, type StringKey } from './i18n.ts';

/** A data version as exports name it: `<date>.<hash>` and its date. */
export interface VersionDate { version: string; date: string }

/** The source line and the credit of an export in a language; `url` (absolute) where the chart lives, if known. */
export function exportLines(lang: Lang, v: VersionDate, url = ''): { source: string; credit: string } {
  return {
    source: t(lang, 'exportSource', { version: v.version, date: v.date }),
    credit: [t(lang, 'credit'), t(lang, 'license'), ...(url ? [url] : [])].join(' · '),
  };
}

/** Labels of the chart data's own columns (the rest are published columns, labelled by the schema). */
const OWN: Record<string, StringKey> = {
  reports: 'colReports', reports_with_value: 'colReportsWithValue', name: 'colName',
  kind: 'colKind', series: 'colSeries',
};

/** A column's label in both languages: the summary table's, any other published table's, a result group's, or our own. */
export function columnLabel(name: string): Label {
  const own = OWN[name];
  if (own) return { zh: t('zh', own), en: t('en', own) };
  const col = table('summary').columns.find((c) => c.name === name) ?? TABLES.flatMap((d) => [...d.columns]).find((c) => c.name === name);
  if (col) return { zh: col.zh, en: col.en };
  const g = RESULT_GROUPS.find((g) => g.key === name);
  if (g) return { zh: g.zh, en: g.en };
  return { zh: name, en: name };
}

/** The second sheet's words, in both languages, for any chart's data (build-time, compare, notebook). */
export function aboutSheet(title: Label, v: VersionDate, url: Label): AboutSheet {
  const both = (k: StringKey) => `${t('zh', k)} ${t('en', k)}`;
  const zh = exportLines('zh', v, url.zh), en = exportLines('en', v, url.en);
  const day = new Date(`${v.date}T00:00:00Z`);
  return {
    dataSheet: both('exportSheetData'), sheet: both('exportSheetAbout'),
    head: [both('exportItem'), t('zh', 'exportZh'), t('en', 'exportEn')],
    lines: [
      [both('exportTitle'), title.zh, title.en],
      [both('exportSourceLabel'), zh.source, en.source],
      [both('exportVersion'), v.version, v.version],
      [both('exportDate'), Number.isFinite(day.getTime()) ? day : v.date, Number.isFinite(day.getTime()) ? day : v.date],
      [both('exportCredit'), `${t('zh', 'credit')} · ${t('zh', 'license')}`, `${t('en', 'credit')} · ${t('en', 'license')}`],
      ...(url.zh || url.en ? [[both('exportLink'), url.zh, url.en] as const] : []),
      [both('exportColumns'), null, null],
    ],
  };
}

