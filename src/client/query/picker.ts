/**
 * The compare tool's agency picker: a search box (an ARIA combobox) over the catalog file
 * (data/v/<version>/catalog.json, src/query/catalog.ts searches it), its matches in a listbox, and
 * the chosen lineages and agencies as chips, each a hidden form field (`lineage`, `agency`) the
 * form reads. The catalog is fetched once: after the first chart, or when the search is first
 * focused, whichever comes first.
 *
 * Keys: typing lists matches with the first one active; ↓/↑ move (↓ on an empty box browses the
 * catalog); Enter chooses the active match, or removes it if it is already chosen; Escape closes
 * the list, then clears the box. The list stays open after a choice, so several agencies of one
 * search can be chosen in a row. Each chip has a remove button.
 */
import { pick, pickerIndex, readCatalog, type CatalogFile, type PickerIndex } from '../../query/catalog.ts';
import type { CatalogLineage } from '../../query/compare-model.ts';
import { q } from '../../query/strings.ts';
import type { Lang } from '../../site/url.ts';
import { h } from '../dom.ts';

let file: Promise<CatalogFile> | undefined;
/** The catalog file, fetched and checked once per page (again after a failure). */
export function loadCatalog(url: string): Promise<CatalogFile> {
  file ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json() as Promise<unknown>;
  }).then((json) => {
    const c = readCatalog(json);
    if (!c) throw new Error('not a catalog file');
    return c;
  });
  file.catch(() => (file = undefined));
  return file;
}

export type Kind = 'lineage' | 'agency';
/** What a chip or option shows: the name as printed, its English where known, whether a lineage joins several agencies. */
export interface Label { zh: string; en?: string; several?: boolean }

interface Options {
  lang: Lang;
  catalogUrl: string;
  /** Called when the catalog has arrived (the chips and the chart may now use its names). */
  onCatalog: (c: CatalogFile) => void;
  /** A name known without the catalog (from the data the chart drew), else null. */
  fallback: (kind: Kind, id: string) => Label | null;
  /** The chosen set changed. */
  onChange: () => void;
}

export interface Picker {
  /** Shows these as chosen (the form's state, after a link or a change). */
  set(lineages: readonly string[], agencies: readonly string[]): void;
  /** Fetches the catalog now (it is fetched on first focus anyway). */
  load(): Promise<void>;
  /** Re-labels the chips (names arrived). */
  relabel(): void;
}

export function agencyPicker(form: HTMLFormElement, o: Options): Picker {
  const { lang } = o;
  const input = form.querySelector<HTMLInputElement>('#compare-search')!;
  const list = form.querySelector<HTMLUListElement>('#compare-options')!;
  const chips = form.querySelector<HTMLUListElement>('ul.chips')!;
  const status = form.querySelector<HTMLElement>('.picker-status')!;
  const count = form.querySelector<HTMLElement>('.picker-count')!;
  let cat: CatalogFile | null = null;
  let index: PickerIndex | null = null;
  let byLineage = new Map<string, CatalogLineage>();
  let byAgency = new Map<string, { lineage: CatalogLineage; agency: CatalogLineage['agencies'][number] }>();
  let active = -1;
  let loading: Promise<void> | null = null;

  const label = (kind: Kind, id: string): Label | null => {
    if (kind === 'lineage') {
      const l = byLineage.get(id);
      if (l) return { zh: l.name, en: l.en, several: l.agencies.length > 1 };
    } else {
      const a = byAgency.get(id);
      if (a) return { zh: a.agency.name, en: a.agency.en };
    }
    return o.fallback(kind, id);
  };
  /** The name in the page's language, as text. */
  const plainName = (kind: Kind, id: string) => {
    const l = label(kind, id);
    return l ? (lang === 'en' && l.en ? l.en : l.zh) : id;
  };
  /** The name as nodes: English pages print the English with the Chinese beside it. */
  const nameNodes = (l: Label): (Node | string)[] => {
    if (lang === 'en' && l.en && l.en !== l.zh) return [h('span', {}, l.en), ' ', h('span', { lang: 'zh-CN', className: 'zh-alt' }, l.zh)];
    return [h('span', { lang: 'zh-CN' }, l.zh)];
  };

  const chosen = () => [...chips.querySelectorAll<HTMLInputElement>('input[type="hidden"]')].map((i) => ({ kind: i.name as Kind, id: i.value }));
  const isChosen = (kind: Kind, id: string) => chips.querySelector(`input[name="${kind}"][value="${CSS.escape(id)}"]`) !== null;

  const chip = (kind: Kind, id: string): HTMLLIElement => {
    const l = label(kind, id);
    const li = h('li', { className: l ? 'chip' : 'chip pending' });
    li.dataset.kind = kind;
    const name = h('span', { className: 'chip-name' }, ...(l ? nameNodes(l) : [id]));
    li.append(name);
    if (kind === 'lineage' && l?.several) li.append(' ', h('span', { className: 'kind' }, q(lang, 'lineage')));
    if (kind === 'agency') li.append(' ', h('span', { className: 'kind' }, q(lang, 'agencyKind')));
    const remove = h('button', { type: 'button', className: 'chip-remove', textContent: '×' });
    remove.setAttribute('aria-label', q(lang, 'removeChosen', { name: plainName(kind, id) }));
    remove.addEventListener('click', () => {
      const buttons = [...chips.querySelectorAll<HTMLButtonElement>('button.chip-remove')];
      const i = buttons.indexOf(remove);
      li.remove();
      status.textContent = q(lang, 'pickerRemoved', { name: plainName(kind, id) });
      const rest = [...chips.querySelectorAll<HTMLButtonElement>('button.chip-remove')];
      (rest[i] ?? rest[i - 1] ?? input).focus();
      changed();
    });
    li.append(' ', remove, h('input', { type: 'hidden', name: kind, value: id }));
    return li;
  };

  const counted = () => {
    const n = chosen().length;
    count.textContent = n ? q(lang, 'selectedCount', { n }) : q(lang, 'noneSelected');
  };

  /** Rebuilds the chips, keeping the focus on the same chip's button (or the next) when it was there. */
  const rebuild = (items: { kind: Kind; id: string }[]) => {
    const buttons = [...chips.querySelectorAll<HTMLButtonElement>('button.chip-remove')];
    const focused = buttons.indexOf(document.activeElement as HTMLButtonElement);
    chips.replaceChildren(...items.map((c) => chip(c.kind, c.id)));
    if (focused >= 0) {
      const now = [...chips.querySelectorAll<HTMLButtonElement>('button.chip-remove')];
      (now[focused] ?? now.at(-1) ?? input).focus();
    }
  };

  const set = (lineages: readonly string[], agencies: readonly string[]) => {
    const want = [...lineages.map((id) => ({ kind: 'lineage' as const, id })), ...agencies.map((id) => ({ kind: 'agency' as const, id }))];
    const have = chosen();
    if (want.length !== have.length || want.some((c, i) => c.kind !== have[i]!.kind || c.id !== have[i]!.id)) rebuild(want);
    counted();
    if (!list.hidden) renderOptions(true);
  };
  /** Names the chips anew (the data or the catalog arrived). */
  const relabel = () => rebuild(chosen());

  const changed = () => {
    counted();
    if (!list.hidden) renderOptions(true);
    o.onChange();
  };

  const toggle = (kind: Kind, id: string) => {
    const had = chips.querySelector<HTMLInputElement>(`input[name="${kind}"][value="${CSS.escape(id)}"]`);
    if (had) {
      had.closest('li')!.remove();
      status.textContent = q(lang, 'pickerRemoved', { name: plainName(kind, id) });
    } else {
      // Lineages first, then agencies: the chart's series keep that order.
      const li = chip(kind, id);
      const firstAgency = chips.querySelector('li[data-kind="agency"]');
      if (kind === 'lineage' && firstAgency) chips.insertBefore(li, firstAgency);
      else chips.append(li);
      status.textContent = q(lang, 'pickerAdded', { name: plainName(kind, id) });
    }
    changed();
  };

  // The listbox.
  const options = () => [...list.querySelectorAll<HTMLLIElement>('li[role="option"]')];
  const setActive = (i: number) => {
    const all = options();
    active = all.length ? Math.max(0, Math.min(i, all.length - 1)) : -1;
    all.forEach((el, j) => el.classList.toggle('active', j === active));
    const el = all[active];
    if (el) {
      input.setAttribute('aria-activedescendant', el.id);
      el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = () => {
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const option = (kind: Kind, id: string, l: Label, meta: string, n: number): HTMLLIElement => {
    const li = h('li', { id: `compare-opt-${n}`, className: kind === 'agency' ? 'opt-agency' : 'opt-lineage' });
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', String(isChosen(kind, id)));
    li.dataset.kind = kind;
    li.dataset.id = id;
    li.append(h('span', { className: 'opt-check', ariaHidden: 'true' }, isChosen(kind, id) ? '✓' : ''), ...nameNodes(l));
    if (kind === 'lineage' && l.several) li.append(' ', h('span', { className: 'kind' }, q(lang, 'lineage')));
    if (meta) li.append(h('span', { className: 'meta' }, meta));
    return li;
  };
  const placeOf = (l: CatalogLineage) => {
    if (!l.region.length) return '—';
    return lang === 'en' ? [...l.region].reverse().map((p) => cat?.places[p] ?? p).join(', ') : l.region.join(' ');
  };

  const renderOptions = (keepActive = false) => {
    if (!cat) return;
    // Made on the first search, not when the file arrives: nothing on the way to DuckDB's first answer.
    index ??= pickerIndex(cat);
    const text = input.value;
    const { hits, total } = pick(index, text, 20);
    let n = 0;
    const items: HTMLLIElement[] = [];
    for (const l of hits) {
      const years = l.years.length ? (l.years.length > 1 ? `${l.years[0]}–${l.years.at(-1)}` : String(l.years[0])) : '—';
      items.push(option('lineage', l.id, { zh: l.name, en: l.en, several: l.agencies.length > 1 }, `${placeOf(l)} · ${years}`, n++));
      if (l.agencies.length > 1) for (const a of l.agencies) items.push(option('agency', a.id, { zh: a.name, en: a.en }, '', n++));
    }
    const was = active;
    list.replaceChildren(...items);
    if (!items.length) list.append(h('li', { className: 'picker-none muted' }, q(lang, 'noMatch')));
    status.textContent = !hits.length ? q(lang, 'noMatch')
      : !text.trim() ? q(lang, 'pickerHint', { n: index.entries.length })
        : `${total === 1 ? q(lang, 'pickerHit') : q(lang, 'pickerHits', { n: total })}${total > hits.length ? ` ${q(lang, 'pickerMore', { n: total - hits.length })}` : ''}`;
    open();
    setActive(keepActive ? was : text.trim() ? 0 : -1);
  };

  const load = (): Promise<void> => {
    loading ??= loadCatalog(o.catalogUrl).then((c) => {
      cat = c;
      byLineage = new Map(c.lineages.map((l) => [l.id, l]));
      byAgency = new Map(c.lineages.flatMap((l) => l.agencies.map((a) => [a.id, { lineage: l, agency: a }] as const)));
      relabel();
      o.onCatalog(c);
      if (document.activeElement === input && (input.value.trim() || !list.hidden)) renderOptions();
      else if (document.activeElement === input) status.textContent = q(lang, 'pickerHint', { n: c.lineages.length });
    }, (e: unknown) => {
      loading = null;
      status.textContent = q(lang, 'pickerFailed', { message: e instanceof Error ? e.message : String(e) });
      throw e;
    });
    return loading;
  };

  input.addEventListener('focus', () => {
    if (!cat) {
      status.textContent = q(lang, 'pickerLoading');
      void load().catch(() => {});
    }
  });
  input.addEventListener('input', () => {
    if (!cat) {
      status.textContent = q(lang, 'pickerLoading');
      void load().catch(() => {});
      return;
    }
    if (!input.value.trim()) return close();
    renderOptions();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!cat) return void load().catch(() => {});
      if (list.hidden) return renderOptions();
      setActive(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      // Never submits the form: the tool answers as the choices change.
      e.preventDefault();
      const el = options()[active];
      if (!list.hidden && el) {
        toggle(el.dataset.kind as Kind, el.dataset.id!);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) close();
      else input.value = '';
    }
  });
  // A pointer keeps the focus in the box: the list stays open for another choice.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const el = (e.target as Element).closest<HTMLLIElement>('li[role="option"]');
    if (!el) return;
    setActive(options().indexOf(el));
    toggle(el.dataset.kind as Kind, el.dataset.id!);
    input.focus();
  });
  input.addEventListener('blur', () => close());
  form.querySelector<HTMLButtonElement>('button[data-clear]')?.addEventListener('click', () => {
    chips.replaceChildren();
    input.value = '';
    close();
    status.textContent = '';
    changed();
  });
  counted();
  return { set, load, relabel };
}
