/** The notebook chart cells' axes (years, long labels) and the chart-to-SQL binding in permalinks. */
import { describe, expect, test } from 'vitest';
import { bandLabelsX, bandLabelsY, isYearColumn, MAX_LABEL_X, textWidth, truncate, yearTicks } from '../../src/query/chart-axes.ts';
import { decodeNotebook, encodeNotebook, readNotebookLink, type Notebook } from '../../src/query/permalink.ts';
import { deflateSync, strToU8 } from 'fflate';

describe('years', () => {
  test('a column named year or *_year with whole numbers is a year, whatever its values', () => {
    expect(isYearColumn('year', [2019, 2020, 2021])).toBe(true);
    expect(isYearColumn('report_year', [2023])).toBe(true);
    expect(isYearColumn('年份', [2023, null, 2024])).toBe(true);
    expect(isYearColumn('year', [2019.5, 2020])).toBe(false);
    expect(isYearColumn('year', ['2019'])).toBe(false);
    expect(isYearColumn('year', [null, null])).toBe(false);
  });

  test('whole numbers in 1900–2100 with few distinct values are years; counts and other ranges are not', () => {
    expect(isYearColumn('y', [2019, 2019, 2020, 2021])).toBe(true);
    expect(isYearColumn('n', [12, 2019, 2020])).toBe(false);
    expect(isYearColumn('n', [1950.5, 2000])).toBe(false);
    expect(isYearColumn('n', Array.from({ length: 40 }, (_, i) => 1950 + i))).toBe(false);
    expect(isYearColumn('yearly_total', [2019, 2020])).toBe(true);
    expect(isYearColumn('yearly_total', [5, 7])).toBe(false);
  });

  test('year ticks are whole years: every year when few, a round step when many', () => {
    expect(yearTicks([2019, 2021, 2020, 2025])).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(yearTicks([2023])).toEqual([2023]);
    const many = yearTicks([1950, 2024]);
    expect(many.every(Number.isInteger)).toBe(true);
    expect(many.length).toBeLessThanOrEqual(12);
    expect(many[0]! % 10).toBe(0);
  });
});

describe('labels', () => {
  test('a Chinese character is a full em, Latin about 0.6', () => {
    expect(textWidth('平潭', 12)).toBe(24);
    expect(textWidth('ab', 10)).toBeCloseTo(12);
  });

  test('truncate cuts with an ellipsis to the width given, and leaves short labels alone', () => {
    expect(truncate('公安局', 100)).toBe('公安局');
    const cut = truncate('平潭综合实验区国有资产管理局', 96, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(96);
  });

  test('labels that fit their band stay upright; long Chinese ones turn, thin and are cut', () => {
    expect(bandLabelsX(['2019', '2020', '2021'], 600).rotate).toBe(0);
    const names = Array.from({ length: 20 }, (_, i) => `平潭综合实验区第${i}个很长的机关名称`);
    const wide = bandLabelsX(names, 600);
    expect(wide.rotate).toBe(-45);
    expect(wide.maxPx).toBe(MAX_LABEL_X);
    expect(wide.margin).toBeGreaterThan(MAX_LABEL_X * 0.7);
    // 30 px bands hold a 45° label of 15 px line height.
    expect(wide.every).toBe(1);
    const crowded = bandLabelsX(Array.from({ length: 120 }, (_, i) => `机关${i}号很长的名称`), 600);
    expect(crowded.rotate).toBe(-90);
    expect(crowded.every).toBeGreaterThan(1);
    // Along y: thinned when rows are thinner than a line of text.
    expect(bandLabelsY(names, 400).every).toBe(1);
    expect(bandLabelsY(names, 100).every).toBeGreaterThan(1);
  });
});

describe('a chart cell keeps its SQL cell in the permalink', () => {
  const nb: Notebook = {
    cells: [
      { type: 'sql', sql: 'SELECT 1 AS a' },
      { type: 'sql', sql: 'SELECT 2 AS b' },
      { type: 'chart', mark: 'bar', x: 'a', y: 'a', source: 0 },
      { type: 'chart', mark: 'dot', x: 'b', y: 'b' },
    ],
  };

  test('round-trips the source cell, and leaves it out when none was named', () => {
    const back = decodeNotebook(encodeNotebook(nb));
    expect(back).toEqual(nb);
    expect('source' in back.cells[3]!).toBe(false);
  });

  test('a link naming a cell that is not a SQL cell is reported, not guessed', () => {
    const bad = (s: unknown) => {
      const packed = { v: 1, c: ['SELECT 1', { m: 'bar', x: 'a', y: 'a', s }] };
      return readNotebookLink('#nb=' + Buffer.from(deflateSync(strToU8(JSON.stringify(packed)))).toString('base64url'));
    };
    expect(bad(0).kind).toBe('notebook');
    expect(bad(1)).toEqual({ kind: 'unreadable', reason: 'unknown cell' });
    expect(bad(7)).toEqual({ kind: 'unreadable', reason: 'unknown cell' });
    expect(bad('0')).toEqual({ kind: 'unreadable', reason: 'unknown cell' });
    expect(bad(-1)).toEqual({ kind: 'unreadable', reason: 'unknown cell' });
  });
});
