/**
 * Axes of the notebook's chart cells, decided from the data: which columns are years (charted as
 * whole numbers or categories, never "2,019.5" or a colour ramp), and how category labels fit
 * their axis (rotated, thinned or cut with "…", the full text kept for a tooltip). Pure, so unit
 * tests and the browser share it.
 */

/** The charts' tick font size in px (src/shared/plot-svg.ts sets 12 on the SVG). */
export const TICK_FONT = 12;

const YEAR_NAME = /(^|_)year$|^年(份|度)?$|年份$|年度$/i;

/**
 * A column of years: named `year` or `…_year` (年, 年份, 年度) with whole numbers, or whole numbers
 * all within 1900–2100 taking few distinct values (at most 30). Blanks are ignored; a column with
 * no numbers is not a year.
 */
export function isYearColumn(name: string, values: readonly unknown[]): boolean {
  const nums = values.filter((v) => v !== null && v !== undefined);
  if (!nums.length || !nums.every((v): v is number => typeof v === 'number' && Number.isInteger(v))) return false;
  if (YEAR_NAME.test(name)) return true;
  if (!nums.every((v) => v >= 1900 && v <= 2100)) return false;
  return new Set(nums).size <= 30;
}

/** Whole-number ticks for years lo…hi: every year when there are few, else a round step (2, 5, 10…). */
export function yearTicks(years: readonly number[], most = 12): number[] {
  if (!years.length) return [];
  const lo = Math.min(...years), hi = Math.max(...years);
  const steps = [1, 2, 5, 10, 20, 25, 50, 100];
  const step = steps.find((s) => Math.floor(hi / s) - Math.ceil(lo / s) + 1 <= most) ?? 100;
  const out: number[] = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) out.push(y);
  return out;
}

/** Wide characters: CJK, kana, Hangul, full-width forms and CJK punctuation take a full em. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** A label's width in px at `font` px: a wide character 1 em, others about 0.6 em. */
export function textWidth(s: string, font = TICK_FONT): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 1 : 0.6;
  return w * font;
}

/** The label cut to at most `px` wide, ending in "…" when cut. */
export function truncate(s: string, px: number, font = TICK_FONT): string {
  if (textWidth(s, font) <= px) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch + '…', font) > px) break;
    out += ch;
  }
  return out + '…';
}

export interface BandLayout {
  /** Tick label rotation in degrees. */
  rotate: 0 | -45 | -90;
  /** Show every nth label (1: all), so labels never sit on each other. */
  every: number;
  /** Longest label in px after cutting (labels wider than this are cut with "…"). */
  maxPx: number;
  /** Room the labels need away from the axis line, in px (ticks and padding included). */
  margin: number;
}

/** Longest tick label kept whole, in px: about 10 characters of Chinese along x, 13 along y. */
export const MAX_LABEL_X = 10 * TICK_FONT;
export const MAX_LABEL_Y = 13 * TICK_FONT;

/**
 * How `labels` (one per band, in order) fit along a horizontal axis `length` px long: upright when
 * each fits its band, else turned 45° (bands of 16 px or more) or 90°, cut to MAX_LABEL_X, and
 * thinned to every nth when the bands are narrower than a line of text.
 */
export function bandLabelsX(labels: readonly string[], length: number, font = TICK_FONT): BandLayout {
  const band = length / Math.max(1, labels.length);
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, font)));
  if (widest <= band - 6) return { rotate: 0, every: 1, maxPx: widest, margin: font + 12 };
  const maxPx = Math.min(widest, MAX_LABEL_X);
  const line = font * 1.25;
  if (band >= 16) return { rotate: -45, every: Math.max(1, Math.ceil(line * 1.42 / band)), maxPx, margin: Math.ceil(maxPx * 0.71 + font * 0.71 + 12) };
  return { rotate: -90, every: Math.max(1, Math.ceil(line / band)), maxPx, margin: Math.ceil(maxPx + 12) };
}

/** How `labels` fit along a vertical axis `length` px long: cut to MAX_LABEL_Y, thinned when bands are thinner than a line. */
export function bandLabelsY(labels: readonly string[], length: number, font = TICK_FONT): BandLayout {
  const band = length / Math.max(1, labels.length);
  const maxPx = Math.min(MAX_LABEL_Y, Math.max(0, ...labels.map((l) => textWidth(l, font))));
  return { rotate: 0, every: Math.max(1, Math.ceil(font * 1.25 / band)), maxPx, margin: Math.ceil(maxPx + 12) };
}
