/**
 * Citations again in the browser: the reader's own today as the access date, and this page's
 * origin before every site path (the build knows the host only with ATLAS_SITE).
 */
import { cite, localDay, type Citation, type CiteInput } from '../shared/cite.ts';

export function citations(root: ParentNode = document): void {
  const accessed = localDay(new Date());
  for (const el of root.querySelectorAll<HTMLElement>('[data-cite]')) {
    const input = JSON.parse(el.querySelector('script[data-cite-input]')?.textContent ?? 'null') as CiteInput | null;
    if (!input) continue;
    const c = cite(input, { lang: el.dataset.lang === 'en' ? 'en' : 'zh', accessed, origin: location.origin });
    for (const ta of el.querySelectorAll<HTMLTextAreaElement>('textarea[data-cite-format]')) {
      ta.value = c[ta.dataset.citeFormat as keyof Citation];
      copyButton(el, ta);
    }
    const note = el.querySelector<HTMLElement>('[data-cite-accessed]');
    if (note?.dataset.today) note.textContent = note.dataset.today.replace('{date}', accessed);
  }
}

/** A citation's copy button beside its label (actions.ts copies on click), in the section's words. */
function copyButton(section: HTMLElement, ta: HTMLTextAreaElement): void {
  const head = section.querySelector<HTMLElement>(`label[for="${ta.id}"]`)?.parentElement;
  if (!head || head.querySelector('button[data-copy]')) return;
  const text = section.dataset.copyText ?? '';
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.copy = ta.id;
  button.dataset.done = section.dataset.copyDone ?? '✓';
  button.setAttribute('aria-label', `${text}: ${head.querySelector('label')?.textContent ?? ''}`);
  button.textContent = text;
  head.append(' ', button);
}
