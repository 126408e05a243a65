/**
 * A report page's source text, loaded on demand from the report's source page (one page for both
 * languages): when the reader asks for it, follows a number to its line, or arrives at #L22.
 * Without JavaScript the same links open the source page at the line.
 */
const ANCHOR = /^#(?:L\d+|C[\w-]+)$/;

export function inlineSource(): void {
  const slot = document.querySelector<HTMLElement>('[data-source-src]');
  if (!slot) return;
  const src = new URL(slot.dataset.sourceSrc!, location.href);
  let loading: Promise<boolean> | undefined;
  const load = () => (loading ??= (async () => {
    slot.setAttribute('aria-busy', 'true');
    const status = document.createElement('p');
    status.className = 'muted';
    status.textContent = slot.dataset.loading ?? '';
    slot.prepend(status);
    try {
      const res = await fetch(src);
      if (!res.ok) throw new Error(String(res.status));
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const parts = [...doc.querySelectorAll('.source, [data-source-missing], [data-source-omitted]')];
      if (parts.length === 0) throw new Error('no source in the page');
      slot.replaceChildren(...parts.map((p) => document.adoptNode(p)));
      return true;
    } catch {
      status.textContent = slot.dataset.failed ?? '';
      return false;
    } finally {
      slot.removeAttribute('aria-busy');
    }
  })());
  // Navigate to the anchor again once it exists, so :target highlights it and it scrolls into view.
  const go = async (hash: string) => {
    if (!(await load())) {
      location.href = src.href + hash;
      return;
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    location.hash = hash;
  };
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a[href]');
    if (!(a instanceof HTMLAnchorElement)) return;
    const url = new URL(a.href, location.href);
    if (url.pathname !== src.pathname) return;
    e.preventDefault();
    if (ANCHOR.test(url.hash)) void go(url.hash);
    else void load().then((ok) => ok && slot.scrollIntoView());
  });
  if (ANCHOR.test(location.hash)) void go(location.hash);
  // A number's tooltip says where it was read ("source line 10"): added on first hover or focus,
  // so the page does not carry the same words on each of its ~200 links (src/site/cell.ts).
  const tip = (e: Event) => {
    const a = (e.target as Element | null)?.closest?.('.form td a[href]');
    if (!(a instanceof HTMLAnchorElement) || a.dataset.tip) return;
    const url = new URL(a.href, location.href);
    if (url.pathname !== src.pathname) return;
    // The text as printed, when the link has it, comes first.
    a.title = [a.title, where(url.hash, a.dataset.page, slot.dataset)].filter(Boolean).join(' · ');
    a.dataset.tip = '';
  };
  document.addEventListener('pointerover', tip);
  document.addEventListener('focusin', tip);
}

/** "page 3 of the original PDF, source table cell 1-2-3" from a link's anchor and page, in the page's words. */
export function where(hash: string, page: string | undefined, words: DOMStringMap): string {
  const fill = (s: string | undefined, k: string, v: string) => (s ?? '').replace(`{${k}}`, v);
  const at = hash.startsWith('#L') ? fill(words.tipLine, 'n', hash.slice(2)) : fill(words.tipCell, 'cell', hash.slice(2));
  return [page ? fill(words.tipPage, 'n', page) : '', at].filter(Boolean).join(', ');
}
