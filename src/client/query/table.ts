/**
 * A query result as a paged table: the row count and time, a note when the result is larger than
 * what is kept, pages of rows, and a CSV download of the whole result. Values go in as text.
 */
import { h as el } from '../dom.ts';
import { CsvTooLarge, QueryError, type Result } from './engine.ts';
import { pageLang, q } from '../../query/strings.ts';
import { display, msLabel, saveBlob } from './values.ts';

export const PAGE_SIZE = 25;

export interface ResultView {
  /** The status line: "N rows · T ms". */
  status: HTMLElement;
  element: HTMLElement;
}

/** Renders `result` into `out`; `label` names the table for screen readers, `filename` the CSV. */
export function renderResult(out: HTMLElement, result: Result, label: string, filename: string): ResultView {
  const lang = pageLang();
  const n = result.rowCount;
  const status = el('p', { className: 'result-status' },
    n === 1 ? q(lang, 'oneRowTime', { ms: msLabel(result.ms) }) : q(lang, 'rowsTime', { rows: n.toLocaleString('en-US'), ms: msLabel(result.ms) }));
  const csv = el('button', { type: 'button', className: 'csv' }, q(lang, 'downloadCsv'));
  const stop = el('button', { type: 'button', className: 'csv-cancel', hidden: true }, q(lang, 'csvCancel'));
  // Progress, a stop, and why nothing came: a large result is written batch by batch, up to a cap.
  const csvNote = el('p', { className: 'csv-note', hidden: true });
  csvNote.setAttribute('aria-live', 'polite');
  let abort: AbortController | null = null;
  stop.addEventListener('click', () => abort?.abort());
  csv.addEventListener('click', async () => {
    const text = csv.textContent;
    const rows = n.toLocaleString('en-US');
    abort = new AbortController();
    csv.disabled = true;
    csv.textContent = q(lang, 'preparing');
    stop.hidden = !result.truncated;
    csvNote.hidden = true;
    csvNote.className = 'csv-note';
    const progress = (done: number) => {
      csvNote.hidden = false;
      csvNote.textContent = q(lang, 'csvProgress', { done: done.toLocaleString('en-US'), rows });
    };
    try {
      saveBlob(await result.csv({ onProgress: progress, signal: abort.signal }), filename);
      csvNote.hidden = true;
    } catch (e) {
      csvNote.hidden = false;
      if (e instanceof CsvTooLarge) {
        csvNote.className = 'csv-note result-error';
        csvNote.textContent = q(lang, 'csvTooLarge', { rows, mb: Math.round(e.maxBytes / 2 ** 20) });
      } else if (e instanceof QueryError && e.cancelled) {
        csvNote.textContent = q(lang, 'csvCancelled');
      } else {
        csvNote.className = 'csv-note result-error';
        csvNote.textContent = `${q(lang, 'error')}: ${e instanceof Error ? e.message : String(e)}`;
      }
    } finally {
      abort = null;
      stop.hidden = true;
      csv.disabled = false;
      csv.textContent = text;
    }
  });
  const head = el('div', { className: 'result-head' }, status, csv, stop);
  const parts: Node[] = [head, csvNote];
  if (result.truncated) {
    parts.push(el('p', { className: 'result-note' }, q(lang, 'truncated', { rows: n.toLocaleString('en-US'), kept: result.kept.toLocaleString('en-US') })));
  }
  if (result.columns.length && n === 0) parts.push(el('p', { className: 'muted' }, q(lang, 'noRows')));
  if (result.columns.length && n > 0) {
    const table = el('table', { className: 'data result' });
    table.append(el('caption', { className: 'sr-only' }, label));
    const tr = el('tr');
    for (const c of result.columns) {
      const th = el('th', { scope: 'col', title: c.type, className: c.kind === 'number' ? 'num' : '' }, c.name);
      tr.append(th);
    }
    table.append(el('thead', {}, tr));
    const body = el('tbody');
    table.append(body);
    const scroll = el('div', { className: 'scroll', tabIndex: 0 }, table);
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', label);
    parts.push(scroll);

    let page = 0;
    const pages = Math.ceil(result.kept / PAGE_SIZE);
    const where = el('span', { className: 'pager-where' });
    where.setAttribute('aria-live', 'polite');
    const prev = el('button', { type: 'button' }, q(lang, 'prev'));
    const next = el('button', { type: 'button' }, q(lang, 'next'));
    const show = () => {
      const start = page * PAGE_SIZE;
      const rows = result.rows(start, start + PAGE_SIZE);
      body.replaceChildren(...rows.map((r) => {
        const row = el('tr');
        r.forEach((v, i) => {
          const kind = result.columns[i]?.kind;
          row.append(el('td', { className: (kind === 'number' ? 'num' : '') + (v === null ? ' null' : '') }, display(v, kind)));
        });
        return row;
      }));
      where.textContent = q(lang, 'pageOf', {
        from: (start + 1).toLocaleString('en-US'), to: (start + rows.length).toLocaleString('en-US'), rows: result.kept.toLocaleString('en-US'),
      });
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    };
    prev.addEventListener('click', () => { page = Math.max(0, page - 1); show(); });
    next.addEventListener('click', () => { page = Math.min(pages - 1, page + 1); show(); });
    show();
    if (pages > 1) parts.push(el('div', { className: 'pager' }, prev, where, next));
  }
  out.replaceChildren(...parts);
  return { status, element: out };
}
