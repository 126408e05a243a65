/**
 * In an embed page: tells the page around the frame how tall the content is, on load and whenever
 * it changes (fonts, the phone version swapping in, the data table opened, the compare chart
 * redrawn), so the embed code's listener can fit the frame. The height goes to the parent window
 * only, with a namespaced message; a height is no secret, so any origin may read it.
 */
import { EMBED_HEIGHT, isAskMessage } from '../shared/embed.ts';

export function postHeight(): void {
  if (window.parent === window) return;
  let last = 0;
  const post = (force = false) => {
    // The body's own height, not the document's: that would never shrink below the frame.
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (!height || (height === last && !force)) return;
    last = height;
    window.parent.postMessage({ type: EMBED_HEIGHT, height }, '*');
  };
  new ResizeObserver(() => post()).observe(document.body);
  window.addEventListener('load', () => post(true));
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && isAskMessage(e.data)) post(true);
  });
  post();
}
