/** A report table's number as markup: its link to the source, a blank as a blank, nothing repeated per link. */
import { describe, expect, test } from 'vitest';
import { cellHtml } from '../../src/site/cell.ts';
import { where } from '../../src/client/source.ts';
import { DomUtils, parseDocument } from 'htmlparser2';

describe('cellHtml', () => {
  test('a number links to its line, or to its table cell where the source had tables: the anchor alone (the page’s base is its source page)', () => {
    expect(cellHtml('zh', { value: 1234, line: 10 })).toBe('<td><a href=#L10>1,234</a>');
    expect(cellHtml('en', { value: 0, line: 12, cell: '2-3-4', page: 5 })).toBe('<td><a href=#C2-3-4 data-page=5>0</a>');
  });
  test('a blank is a dash read out as blank, never 0; without a line it is not a link', () => {
    expect(cellHtml('zh', { value: null, line: 7 })).toBe('<td class=blank><a href=#L7>—<span class="sr-only"> 空白</span></a>');
    expect(cellHtml('en', { value: undefined, line: null })).toBe('<td class=blank>—<span class="sr-only"> blank</span>');
    expect(cellHtml('en', { value: 3, line: undefined })).toBe('<td>3');
  });
  test('as an HTML parser reads it: a row of unclosed cells is its cells, each link with its anchor', () => {
    // No </td> and unquoted anchors: the parser closes each cell at the next one, as the page relies on.
    const row = `<table><tr>${[{ value: 1, line: 2 }, { value: null, line: 3 }, { value: 4, line: 5, cell: '1-2-3', page: 6 }].map((v) => cellHtml('en', v)).join('')}</tr></table>`;
    const doc = parseDocument(row);
    const cells = DomUtils.getElementsByTagName('td', doc);
    expect(cells.map((td) => DomUtils.textContent(td))).toEqual(['1', '— blank', '4']);
    expect(cells.map((td) => DomUtils.getElementsByTagName('a', td).map((a) => a.attribs.href))).toEqual([['#L2'], ['#L3'], ['#C1-2-3']]);
    expect(DomUtils.getElementsByTagName('a', cells[2]!)[0]!.attribs['data-page']).toBe('6');
  });
  test('an anchor that is not a plain line or cell is quoted and escaped', () => {
    expect(cellHtml('zh', { value: 1, line: 3, cell: 'a b"c' })).toBe('<td><a href="#Ca b&quot;c">1</a>');
  });
  test('the text as printed is a title only where it differs from the number shown; units and text are escaped', () => {
    expect(cellHtml('zh', { value: 2.5, line: 3, unit: '万元', raw: '2.50' })).toBe('<td><a href=#L3 title="2.50">2.5 万元</a>');
    expect(cellHtml('zh', { value: 2.5, line: 3, unit: '万元', raw: '2.5 万元' })).not.toContain('title=');
    expect(cellHtml('zh', { value: 1, line: 3, unit: '<b>', raw: '"x"' })).toBe('<td><a href=#L3 title="&quot;x&quot;">1 &lt;b&gt;</a>');
  });
});

describe('where (the tooltip the browser adds)', () => {
  const zh = { tipLine: '原文第 {n} 行', tipCell: '原文表格 {cell}（表-行-列）', tipPage: 'PDF 原件第 {n} 页' };
  test('a line, a table cell, a page of a PDF', () => {
    expect(where('#L10', undefined, zh)).toBe('原文第 10 行');
    expect(where('#C1-2-3', '4', zh)).toBe('PDF 原件第 4 页, 原文表格 1-2-3（表-行-列）');
  });
});
