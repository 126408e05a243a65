/**
 * The search box in the header. main.ts imports this module (and so MiniSearch) only when the
 * reader focuses the box or types in it; the index (search-index.json, built at build time by
 * src/site/search.ts) is fetched then, once. Results are plain links: Tab reaches them, ↓/↑ move
 * between the box and the links, Enter in the box follows the first, Escape closes the list.
 */
import MiniSearch from 'minisearch';
import { runSearch, SEARCH_OPTIONS, type Hit } from '../shared/search.ts';
import { t, type Lang } from '../site/i18n.ts';
import { h } from './dom.ts';

/** The box's words in its language (src/site/i18n.ts; not written into every page's header). */
const stringsOf = (l: Lang) => ({
  loading: t(l, 'searchLoading'), failed: t(l, 'searchFailed'), none: t(l, 'searchNone'), count: t(l, 'searchCount'),
  more: t(l, 'searchMore'), agency: t(l, 'searchAgency'), region: t(l, 'searchRegion'), report: t(l, 'searchReport'),
});

const LIMIT = 10;
const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

let index: Promise<MiniSearch> | undefined;
/** The index, fetched and read once per page. */
export function loadIndex(url: string): Promise<MiniSearch> {
  index ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.text();
  }).then((json) => MiniSearch.loadJSON(json, SEARCH_OPTIONS));
  return index;
}

/** Wires one search box (an <input data-search> inside [data-search-root]). */
export function searchBox(input: HTMLInputElement): void {
  if (input.dataset.ready) return;
  input.dataset.ready = '1';
  const root = input.closest<HTMLElement>('[data-search-root]')!;
  const list = root.querySelector<HTMLUListElement>('.search-results')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const lang: Lang = root.dataset.lang === 'en' ? 'en' : 'zh';
  const strings = stringsOf(lang);
  const base = root.dataset.base ?? '/';
  const href = (slug: string) => base + (lang === 'en' ? 'en/' : '') + slug;
  let ms: MiniSearch | undefined;

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const close = () => void (list.hidden = true);
  const open = () => void (list.hidden = false);

  const item = (hit: Hit): HTMLLIElement => {
    const title = lang === 'en' ? hit.en : hit.zh;
    const sub = lang === 'en' ? hit.sub_en : hit.sub_zh;
    const a = h('a', { href: href(hit.href) },
      h('span', { className: `search-kind ${hit.kind}` }, strings[hit.kind]),
      ' ',
      h('span', { className: 'search-title' }, title));
    a.lang = lang === 'en' ? 'en' : 'zh-CN';
    if (lang === 'en' && title !== hit.zh) a.append(' ', h('span', { className: 'zh-alt', lang: 'zh-CN' }, hit.zh));
    if (sub) a.append(h('span', { className: 'search-sub' }, sub));
    return h('li', {}, a);
  };

  const render = () => {
    const q = input.value.trim();
    if (!q) {
      list.replaceChildren();
      status.textContent = '';
      return close();
    }
    if (!ms) {
      status.textContent = strings.loading;
      return;
    }
    const { hits, total } = runSearch(ms, q, LIMIT);
    list.replaceChildren(...hits.map(item));
    if (!hits.length) list.append(h('li', { className: 'search-none' }, strings.none));
    else if (total > hits.length) list.append(h('li', { className: 'search-more' }, fill(strings.more, { n: total - hits.length })));
    status.textContent = hits.length ? fill(strings.count, { n: total }) : strings.none;
    open();
  };

  const url = root.dataset.index!;
  loadIndex(url).then((m) => {
    ms = m;
    render();
  }, () => {
    status.textContent = strings.failed;
  });

  input.addEventListener('input', render);
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.children.length) open();
  });
  const move = (from: number, by: number) => {
    const all = links();
    const to = from + by;
    if (to < 0) return input.focus();
    all[Math.min(to, all.length - 1)]?.focus();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && links().length) {
      e.preventDefault();
      open();
      move(-1, 1);
    } else if (e.key === 'Enter') {
      const first = links()[0];
      if (first) {
        e.preventDefault();
        first.click();
      }
    } else if (e.key === 'Escape') {
      if (list.hidden) input.value = '';
      close();
    }
  });
  list.addEventListener('keydown', (e) => {
    const i = links().indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(i, e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Escape') {
      close();
      input.focus();
    }
  });
  // Leaving the search (a click or Tab elsewhere) closes the list.
  root.addEventListener('focusout', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) close();
  });
  render();
}
