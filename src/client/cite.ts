/**
 * Citations again in the browser: the reader's own today as the access date, and this page's
 * origin before every site path (the build knows the host only with ATLAS_SITE).
 */
import { cite, localDay, type Citation, type CiteInput } from '../shared/cite.ts';

export function citations(root: ParentNode = document): void {
  const accessed = localDay(new Date());
  for (const el of root.querySelectorAll<HTMLElement>('[data-cite]')) {
    const input = JSON.parse(el.dataset.cite!) as CiteInput;
    const c = cite(input, { lang: el.dataset.lang === 'en' ? 'en' : 'zh', accessed, origin: location.origin });
    for (const ta of el.querySelectorAll<HTMLTextAreaElement>('textarea[data-cite-format]')) ta.value = c[ta.dataset.citeFormat as keyof Citation];
    const note = el.querySelector<HTMLElement>('[data-cite-accessed]');
    if (note?.dataset.today) note.textContent = note.dataset.today.replace('{date}', accessed);
  }
}
