/**
 * The data notebook: SQL cells with paged results, chart cells that draw the result of the SQL
 * cell above them, a table browser beside them, and a permalink (#nb=…) holding the whole notebook.
 * Everything a reader or a link supplies is shown as text.
 */
import { copyText } from '../actions.ts';
import { notebookDownloads } from './notebook-export.ts';
import { h } from '../dom.ts';
import { MARKS, notebookChart, place, legend, setPalette, type ChartSpec, type Mark } from './chart.ts';
import { QueryError, startEngine, type Result } from './engine.ts';
import { encodeNotebook, MAX_CELLS, notebookCodeOf, readNotebookLink, type Cell, type Notebook } from '../../query/permalink.ts';
import { showEngineStatus } from './status.ts';
import { pageLang, q, type QKey } from '../../query/strings.ts';
import { renderResult } from './table.ts';
import { t } from '../../site/i18n.ts';

const lang = pageLang();

const button = (label: string, cls: string, title?: string) => h('button', { type: 'button', className: cls, ...(title ? { title } : {}) }, label);

let uid = 0;

abstract class CellView {
  readonly id = ++uid;
  readonly el: HTMLLIElement;
  readonly head: HTMLElement;
  readonly label: HTMLElement;
  constructor(readonly nb: NotebookView, kind: string) {
    this.el = h('li', { className: `cell ${kind}`, id: `cell-${this.id}` });
    this.label = h('h3', { className: 'cell-label' });
    const up = button('↑', 'icon', q(lang, 'moveUp'));
    const down = button('↓', 'icon', q(lang, 'moveDown'));
    const del = button('✕', 'icon', q(lang, 'remove'));
    up.setAttribute('aria-label', q(lang, 'moveUp'));
    down.setAttribute('aria-label', q(lang, 'moveDown'));
    del.setAttribute('aria-label', q(lang, 'remove'));
    up.addEventListener('click', () => nb.move(this, -1));
    down.addEventListener('click', () => nb.move(this, 1));
    del.addEventListener('click', () => nb.remove(this));
    this.head = h('div', { className: 'cell-head' }, this.label, h('span', { className: 'cell-tools' }, up, down, del));
    this.el.append(this.head);
  }
  abstract toCell(): Cell;
  abstract number(n: number): void;
}

class SqlView extends CellView {
  readonly editor: HTMLTextAreaElement;
  readonly error: HTMLElement;
  readonly out: HTMLElement;
  readonly runButton: HTMLButtonElement;
  readonly cancelButton: HTMLButtonElement;
  readonly state: HTMLElement;
  result: Result | null = null;
  n = 0;
  private runs = 0;

  constructor(nb: NotebookView, sql: string) {
    super(nb, 'sql');
    this.editor = h('textarea', { className: 'sql-editor', spellcheck: false, value: sql, rows: Math.min(16, Math.max(3, sql.split('\n').length + 1)), id: `sql-${this.id}` });
    this.editor.setAttribute('autocapitalize', 'off');
    this.editor.setAttribute('autocomplete', 'off');
    this.editor.setAttribute('aria-keyshortcuts', 'Control+Enter');
    const editorLabel = h('label', { className: 'sr-only', htmlFor: this.editor.id });
    this.error = h('div', { className: 'cell-error', hidden: true });
    this.error.setAttribute('role', 'alert');
    this.runButton = button(q(lang, 'run'), 'run');
    this.runButton.title = q(lang, 'runHint');
    this.cancelButton = button(q(lang, 'cancel'), 'cancel');
    this.cancelButton.hidden = true;
    this.state = h('span', { className: 'cell-state' });
    this.state.setAttribute('aria-live', 'polite');
    this.out = h('div', { className: 'cell-out' });
    this.runButton.addEventListener('click', () => void this.run());
    this.cancelButton.addEventListener('click', () => void nb.cancel());
    this.editor.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.run();
      }
    });
    this.editor.addEventListener('input', () => {
      this.editor.rows = Math.min(24, Math.max(3, this.editor.value.split('\n').length + 1));
      nb.changed();
    });
    this.editor.addEventListener('focus', () => (nb.lastEditor = this));
    this.head.insertBefore(h('span', { className: 'cell-run' }, this.runButton, this.cancelButton, this.state), this.head.lastChild);
    this.el.append(h('div', { className: 'cell-body' }, h('div', { className: 'cell-editor' }, editorLabel, this.editor), this.error), this.out);
    this.el.dataset.cell = 'sql';
  }

  number(n: number): void {
    this.n = n;
    this.label.textContent = q(lang, 'cellSql', { n });
    const lab = this.el.querySelector('label.sr-only');
    if (lab) lab.textContent = q(lang, 'sqlOf', { n });
  }

  toCell(): Cell {
    return { type: 'sql', sql: this.editor.value };
  }

  /** Runs the SQL; resolves false if it failed or was cancelled. */
  async run(): Promise<boolean> {
    const run = ++this.runs;
    this.nb.busy(this, true);
    this.error.hidden = true;
    this.error.replaceChildren();
    this.el.classList.remove('failed');
    this.el.setAttribute('aria-busy', 'true');
    this.state.textContent = q(lang, 'waiting');
    try {
      const engine = await startEngine();
      if (run !== this.runs) return false;
      this.state.textContent = q(lang, 'running');
      const result = await engine.query(this.editor.value);
      if (run !== this.runs) return false;
      this.result = result;
      this.state.textContent = '';
      renderResult(this.out, result, q(lang, 'resultOf', { n: this.n }), `notebook-cell-${this.n}.csv`);
      this.el.dataset.rows = String(result.rowCount);
      this.nb.resultChanged(this);
      if (!performance.getEntriesByName('atlas:first-result').length) requestAnimationFrame(() => performance.mark('atlas:first-result'));
      return true;
    } catch (e) {
      if (run !== this.runs) return false;
      // The result on screen was of the SQL before, and its download too: they go, so neither can
      // be taken for this SQL's (a cancel as much as an error).
      this.result = null;
      this.out.replaceChildren();
      delete this.el.dataset.rows;
      this.nb.resultChanged(this);
      if (e instanceof QueryError && e.cancelled) {
        this.state.textContent = q(lang, 'cancelled');
      } else {
        this.state.textContent = '';
        this.el.classList.add('failed');
        this.error.append(h('strong', {}, `${q(lang, 'error')}: `), h('span', { className: 'message' }, e instanceof Error ? e.message : String(e)));
        this.error.hidden = false;
      }
      return false;
    } finally {
      if (run === this.runs) {
        this.el.removeAttribute('aria-busy');
        this.nb.busy(this, false);
      }
    }
  }
}

const MARK_LABEL: Record<Mark, QKey> = { bar: 'markBar', line: 'markLine', dot: 'markDot', cell: 'markCell' };
type Channel = 'x' | 'y' | 'color' | 'facet';
const CHANNELS: Channel[] = ['x', 'y', 'color', 'facet'];

class ChartView extends CellView {
  spec: ChartSpec;
  /**
   * The SQL cell this chart draws: the nearest one above when the chart is made or opened (unless
   * the link names another), then kept when cells move; the reader can pick another.
   */
  source: SqlView | null = null;
  readonly sourceSelect: HTMLSelectElement;
  readonly selects: Record<'mark' | Channel, HTMLSelectElement>;
  readonly note: HTMLElement;
  readonly legendEl: HTMLUListElement;
  readonly ramp: HTMLElement;
  readonly plot: HTMLElement;
  readonly svgLink: HTMLAnchorElement;
  readonly pngButton: HTMLButtonElement;
  readonly actions: HTMLElement;
  /** The chart with its legend and actions: what its exports are made from. */
  readonly box: HTMLElement;
  n = 0;

  constructor(nb: NotebookView, spec: ChartSpec) {
    super(nb, 'chart');
    this.spec = { ...spec };
    const sel = (key: 'mark' | Channel, labelKey: QKey) => {
      const s = h('select', { id: `${key}-${this.id}` });
      s.addEventListener('change', () => {
        if (key === 'mark') this.spec.mark = s.value as Mark;
        else if (s.value) this.spec[key] = s.value;
        else delete this.spec[key];
        this.draw();
        nb.changed();
      });
      return { s, label: h('label', { htmlFor: s.id }, q(lang, labelKey)) };
    };
    const mark = sel('mark', 'mark');
    mark.s.append(...MARKS.map((m) => h('option', { value: m, selected: m === this.spec.mark }, q(lang, MARK_LABEL[m]))));
    const ch = { x: sel('x', 'x'), y: sel('y', 'y'), color: sel('color', 'color'), facet: sel('facet', 'facet') };
    this.selects = { mark: mark.s, x: ch.x.s, y: ch.y.s, color: ch.color.s, facet: ch.facet.s };
    this.sourceSelect = h('select', { id: `source-${this.id}`, className: 'chart-source' });
    this.sourceSelect.addEventListener('change', () => {
      this.source = nb.views.find((v): v is SqlView => v instanceof SqlView && String(v.id) === this.sourceSelect.value) ?? null;
      this.draw();
      nb.changed();
    });
    const from = { s: this.sourceSelect, label: h('label', { htmlFor: this.sourceSelect.id }, q(lang, 'chartFrom')) };
    const controls = h('div', { className: 'chart-controls' },
      // The source last: the mark and channels keep their places.
      ...[mark, ch.x, ch.y, ch.color, ch.facet, from].map((c) => h('span', { className: 'control' }, c.label, c.s)));
    this.note = h('p', { className: 'chart-note muted' });
    this.legendEl = h('ul', { className: 'legend', hidden: true });
    this.legendEl.setAttribute('aria-hidden', 'true');
    this.ramp = h('div', { className: 'ramp' });
    this.plot = h('div', { className: 'plot', dataset: { chart: `nb-chart-${this.id}` } });
    this.svgLink = h('a', { href: '#', download: 'chart.svg', dataset: { download: 'svg' } }, t(lang, 'downloadSvg'));
    this.pngButton = h('button', { type: 'button', dataset: { png: `nb-chart-${this.id}`, filename: 'chart.png' } }, t(lang, 'downloadPng'));
    // The chart's data: made when clicked (src/client/chart-downloads.ts).
    const dataLink = (kind: string, label: string) => h('li', {}, h('a', { href: '#', dataset: { download: kind } }, label));
    this.actions = h('ul', { className: 'chart-actions', hidden: true }, h('li', {}, this.svgLink), h('li', {}, this.pngButton),
      dataLink('csv', t(lang, 'downloadCsv')), dataLink('csv-excel', t(lang, 'downloadCsvExcel')), dataLink('xlsx', t(lang, 'downloadXlsx')));
    this.box = h('div', { className: 'chart nb-chart' }, this.legendEl, this.ramp, this.plot, this.actions);
    this.el.append(controls, this.note, this.box);
    this.el.dataset.cell = 'chart';
    this.options();
  }

  number(n: number): void {
    this.n = n;
    this.label.textContent = q(lang, 'cellChart', { n });
    this.svgLink.download = `notebook-chart-${n}.svg`;
    this.pngButton.dataset.filename = `notebook-chart-${n}.png`;
  }

  toCell(): Cell {
    return { type: 'chart', ...this.spec };
  }

  /** Column choices from the source result (keeping the chosen ones even before it has run). */
  options(): void {
    const source = this.nb.sourceOf(this);
    const sqls = this.nb.views.filter((v): v is SqlView => v instanceof SqlView);
    this.sourceSelect.replaceChildren(
      ...(source ? [] : [h('option', { value: '', selected: true }, q(lang, 'none'))]),
      ...sqls.map((v) => h('option', { value: String(v.id), selected: v === source }, q(lang, 'cellSql', { n: v.n }))));
    const names = source?.result?.columns.map((c) => c.name) ?? [];
    for (const key of CHANNELS) {
      const s = this.selects[key];
      const chosen = this.spec[key];
      const all = [...new Set([...names, ...(chosen ? [chosen] : [])])];
      s.replaceChildren(h('option', { value: '' }, q(lang, 'none')), ...all.map((n) => h('option', { value: n, selected: n === chosen }, n)));
    }
  }

  draw(): void {
    const source = this.nb.sourceOf(this);
    const result = source?.result;
    this.options();
    const clear = (message: string) => {
      this.plot.replaceChildren();
      this.legendEl.hidden = true;
      this.ramp.replaceChildren();
      this.actions.hidden = true;
      this.note.textContent = message;
    };
    if (!source || !result) return clear(q(lang, 'noSource'));
    const width = Math.max(320, Math.min(900, this.el.clientWidth - 24 || 640));
    const title = `${q(lang, 'cellChart', { n: this.n })}: ${this.spec.mark} ${this.spec.x ?? ''} × ${this.spec.y ?? ''}`;
    let chart: ReturnType<typeof notebookChart>;
    try {
      chart = notebookChart(result.objects(), result.columns, this.spec, title, width);
    } catch (e) {
      return clear(`${q(lang, 'error')}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!chart) return clear(q(lang, 'chartNeeds'));
    this.note.textContent = `${q(lang, 'chartOf')} ${q(lang, 'chartSource', { n: source.n })}.${result.truncated ? ' ' + q(lang, 'chartFirstRows', { kept: result.kept.toLocaleString('en-US') }) : ''}`;
    place(this.plot, chart.svg);
    legend(this.legendEl, chart.legend);
    this.ramp.replaceChildren(...(chart.ramp ? [chart.ramp] : []));
    this.actions.hidden = false;
    // Exports with the notebook's title, the legend, source line and credit; the data it draws.
    notebookDownloads(this.box, this.plot, { n: this.n, sourceN: source.n, spec: this.spec, notebookTitle: this.nb.titleInput.value.trim(), result });
  }
}

class NotebookView {
  views: CellView[] = [];
  lastEditor: SqlView | null = null;
  private running = new Set<SqlView>();
  private runAllToken = 0;
  private urlTimer = 0;

  constructor(
    readonly list: HTMLOListElement,
    readonly titleInput: HTMLInputElement,
    readonly permalink: HTMLInputElement,
  ) {
    titleInput.addEventListener('input', () => this.changed());
  }

  load(nb: Notebook): void {
    this.runAllToken++;
    this.views = [];
    this.titleInput.value = nb.title ?? '';
    const cells = nb.cells.slice(0, MAX_CELLS);
    for (const c of cells) this.views.push(c.type === 'sql' ? new SqlView(this, c.sql) : new ChartView(this, c));
    cells.forEach((c, i) => {
      const v = this.views[i], src = c.type === 'chart' && c.source !== undefined ? this.views[c.source] : undefined;
      if (v instanceof ChartView && src instanceof SqlView) v.source = src;
    });
    this.render();
    this.writeUrl();
  }

  toNotebook(): Notebook {
    const title = this.titleInput.value.trim();
    return {
      ...(title ? { title } : {}),
      cells: this.views.map((v) => {
        const cell = v.toCell();
        // A chart bound to another SQL cell than the nearest above names it (by position) in the link.
        if (v instanceof ChartView && cell.type === 'chart') {
          const bound = this.sourceOf(v);
          if (bound && bound !== this.nearestAbove(v)) cell.source = this.views.indexOf(bound);
        }
        return cell;
      }),
    };
  }

  private render(): void {
    this.list.replaceChildren(...this.views.map((v) => v.el));
    this.views.forEach((v, i) => v.number(i + 1));
    for (const v of this.views) if (v instanceof ChartView) v.draw();
  }

  /**
   * The SQL cell a chart draws: the one it is bound to, wherever either has moved. Binding by
   * position alone (the nearest SQL cell above) lost it: moving a chart past or above a SQL cell
   * switched its data or left it with none. Unbound (new, or its cell removed), it takes the
   * nearest above and keeps it.
   */
  sourceOf(chart: ChartView): SqlView | undefined {
    if (!chart.source || !this.views.includes(chart.source)) chart.source = this.nearestAbove(chart) ?? null;
    return chart.source ?? undefined;
  }

  nearestAbove(cell: CellView): SqlView | undefined {
    for (let j = this.views.indexOf(cell) - 1; j >= 0; j--) {
      const v = this.views[j];
      if (v instanceof SqlView) return v;
    }
    return undefined;
  }

  resultChanged(sql: SqlView): void {
    for (const v of this.views) if (v instanceof ChartView && this.sourceOf(v) === sql) v.draw();
  }

  add(cell: Cell, after?: CellView): CellView | undefined {
    if (this.views.length >= MAX_CELLS) return undefined;
    const v = cell.type === 'sql' ? new SqlView(this, cell.sql) : new ChartView(this, cell);
    const at = after ? this.views.indexOf(after) + 1 : this.views.length;
    this.views.splice(at, 0, v);
    this.render();
    this.changed();
    return v;
  }

  move(v: CellView, by: number): void {
    const i = this.views.indexOf(v);
    const j = i + by;
    if (j < 0 || j >= this.views.length) return;
    [this.views[i], this.views[j]] = [this.views[j]!, this.views[i]!];
    this.render();
    this.changed();
    (v.el.querySelector(by < 0 ? 'button[aria-label]' : 'button[aria-label]:nth-of-type(2)') as HTMLElement | null)?.focus();
  }

  remove(v: CellView): void {
    const i = this.views.indexOf(v);
    if (i < 0) return;
    this.views.splice(i, 1);
    if (this.lastEditor === v) this.lastEditor = null;
    this.render();
    this.changed();
    const next = this.views[Math.min(i, this.views.length - 1)];
    (next?.el.querySelector('textarea, select') as HTMLElement | null)?.focus();
  }

  busy(v: SqlView, on: boolean): void {
    if (on) this.running.add(v);
    else this.running.delete(v);
    v.runButton.hidden = on;
    v.cancelButton.hidden = !on;
  }

  async cancel(): Promise<void> {
    this.runAllToken++;
    const engine = await startEngine();
    await engine.cancel();
  }

  async runAll(): Promise<void> {
    const token = ++this.runAllToken;
    for (const v of [...this.views]) {
      if (token !== this.runAllToken) return;
      if (v instanceof SqlView) {
        const ok = await v.run();
        if (!ok && token === this.runAllToken) {
          // Later cells may depend on this one: stop at the first error.
          return;
        }
      }
    }
  }

  /** Something changed: the URL becomes the notebook's permalink (soon, not on every key). */
  changed(): void {
    clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => this.writeUrl(), 250);
  }

  writeUrl(): void {
    const url = new URL(location.href);
    url.hash = `nb=${encodeNotebook(this.toNotebook())}`;
    history.replaceState(null, '', url);
    this.permalink.value = url.href;
    // The language switch keeps the notebook.
    const sw = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (sw) {
      const target = new URL(sw.href);
      target.hash = url.hash;
      sw.href = target.href;
    }
  }
}

function defaultNotebook(): Notebook {
  return {
    cells: [{ type: 'sql', sql: 'SELECT year, agency_name, proactive_total, applications_new, handled_total, status\nFROM summary\nORDER BY year, agency_name;' }],
  };
}

export function notebook(root: HTMLElement): void {
  const palette = root.dataset.palette;
  if (palette) setPalette(JSON.parse(palette) as string[]);
  showEngineStatus();
  const list = root.querySelector<HTMLOListElement>('ol.cells')!;
  const title = root.querySelector<HTMLInputElement>('#nb-title')!;
  const permalink = root.querySelector<HTMLInputElement>('#nb-permalink')!;
  const problem = root.querySelector<HTMLElement>('.nb-problem')!;
  const view = new NotebookView(list, title, permalink);

  const open = (run: boolean) => {
    const link = readNotebookLink(location.hash);
    problem.hidden = link.kind !== 'unreadable';
    // The default notebook takes its place, and the message says the link was not read.
    if (link.kind === 'unreadable') problem.textContent = q(lang, 'badLink', { message: link.reason });
    view.load(link.kind === 'notebook' ? link.notebook : defaultNotebook());
    if (run) void view.runAll();
  };
  open(true);
  window.addEventListener('hashchange', () => {
    // Examples and pasted permalinks: a different notebook than the one on screen.
    const code = notebookCodeOf(location.hash);
    if (code !== null && code !== encodeNotebook(view.toNotebook())) {
      open(true);
      root.querySelector('#nb-cells-h')?.scrollIntoView({ block: 'start' });
    }
  });

  root.addEventListener('click', (e) => {
    const t = (e.target as Element).closest?.('button[data-action], button[data-insert], button[data-query-table]') as HTMLButtonElement | null;
    if (!t) return;
    const action = t.dataset.action;
    if (action === 'run-all') void view.runAll();
    else if (action === 'add-sql') (view.add({ type: 'sql', sql: '' }) as SqlView | undefined)?.editor.focus();
    else if (action === 'add-chart') view.add({ type: 'chart', mark: 'bar' })?.el.querySelector('select')?.focus();
    else if (action === 'new') {
      history.replaceState(null, '', location.pathname + location.search);
      view.load({ cells: [{ type: 'sql', sql: '' }] });
      (view.views[0] as SqlView | undefined)?.editor.focus();
    } else if (action === 'copy-permalink') {
      view.writeUrl();
      const done = () => {
        const label = t.textContent;
        t.textContent = q(lang, 'copied');
        setTimeout(() => (t.textContent = label), 1500);
      };
      void copyText(permalink.value).then(done);
    } else if (t.dataset.insert) {
      const target = view.lastEditor ?? (view.views.find((v) => v instanceof SqlView) as SqlView | undefined);
      if (!target) return;
      const ed = target.editor;
      const s = ed.selectionStart ?? ed.value.length, en = ed.selectionEnd ?? s;
      ed.setRangeText(t.dataset.insert, s, en, 'end');
      ed.focus();
      ed.dispatchEvent(new Event('input'));
    } else if (t.dataset.queryTable) {
      const name = t.dataset.queryTable;
      if (!/^[a-z0-9_]+$/.test(name)) return;
      const v = view.add({ type: 'sql', sql: `SELECT *\nFROM ${name}\nLIMIT 100;` }) as SqlView | undefined;
      if (v) {
        v.el.scrollIntoView({ block: 'start' });
        void v.run();
      }
    }
  });
}
