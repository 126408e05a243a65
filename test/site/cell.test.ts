/** A report table's number as markup: its link to the source, a blank as a blank, nothing repeated per link. */
import { describe, expect, test } from 'vitest';
import { cellHtml } from '../../src/site/cell.ts';
import { where } from '../../src/client/source.ts';

describe('cellHtml', () => {
  const src = '/atlas/source/r-2023/';
  test('a number links to its line, or to its table cell where the source had tables', () => {
    expect(cellHtml('zh', src, { value: 1234, line: 10 })).toBe('<td class="num"><a href="/atlas/source/r-2023/#L10">1,234</a></td>');
    expect(cellHtml('en', src, { value: 0, line: 12, cell: '2-3-4', page: 5 })).toBe('<td class="num"><a href="/atlas/source/r-2023/#C2-3-4" data-page="5">0</a></td>');
  });
  test('a blank is a dash read out as blank, never 0; without a line it is not a link', () => {
    expect(cellHtml('zh', src, { value: null, line: 7 })).toBe('<td class="num blank"><a href="/atlas/source/r-2023/#L7">—<span class="sr-only"> 空白</span></a></td>');
    expect(cellHtml('en', src, { value: undefined, line: null })).toBe('<td class="num blank">—<span class="sr-only"> blank</span></td>');
    expect(cellHtml('en', src, { value: 3, line: undefined })).toBe('<td class="num">3</td>');
  });
  test('the text as printed is a title only where it differs from the number shown; units and text are escaped', () => {
    expect(cellHtml('zh', src, { value: 2.5, line: 3, unit: '万元', raw: '2.50' })).toBe('<td class="num"><a href="/atlas/source/r-2023/#L3" title="2.50">2.5 万元</a></td>');
    expect(cellHtml('zh', src, { value: 2.5, line: 3, unit: '万元', raw: '2.5 万元' })).not.toContain('title=');
    expect(cellHtml('zh', src, { value: 1, line: 3, unit: '<b>', raw: '"x"' })).toBe('<td class="num"><a href="/atlas/source/r-2023/#L3" title="&quot;x&quot;">1 &lt;b&gt;</a></td>');
  });
});

describe('where (the tooltip the browser adds)', () => {
  const zh = { tipLine: '原文第 {n} 行', tipCell: '原文表格 {cell}（表-行-列）', tipPage: 'PDF 原件第 {n} 页' };
  test('a line, a table cell, a page of a PDF', () => {
    expect(where('#L10', undefined, zh)).toBe('原文第 10 行');
    expect(where('#C1-2-3', '4', zh)).toBe('PDF 原件第 4 页, 原文表格 1-2-3（表-行-列）');
  });
});
