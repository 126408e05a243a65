/**
 * Embed codes, citations and snippets are written at build time with site-relative URLs (the
 * host is not known then). Elements with data-abs="<base path>" get the page's origin put in front.
 */
export function absoluteUrls(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-abs]')) {
    const base = el.dataset.abs!;
    const esc = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(^|["'(\\s])${esc}`, 'g');
    const fix = (s: string) => s.replace(re, `$1${location.origin}${base}`);
    if (el instanceof HTMLTextAreaElement) el.value = fix(el.value);
    else el.textContent = fix(el.textContent ?? '');
    el.removeAttribute('data-abs');
  }
}
