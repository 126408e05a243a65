/** Shows the engine's progress in every [data-engine-status] box of the page. */
import { onProgress, type Progress } from './engine.ts';
import { pageLang, q } from '../../query/strings.ts';
import { bytesLabel } from '../../site/i18n.ts';

function text(p: Progress): string {
  const lang = pageLang();
  switch (p.phase) {
    case 'download':
      return p.total ? q(lang, 'engineDownload', { done: bytesLabel(p.done), total: bytesLabel(p.total) }) : q(lang, 'engineDownloadUnknown');
    case 'start': return q(lang, 'engineStart');
    case 'tables': return q(lang, 'engineTables', { done: p.done, total: p.total });
    case 'ready': return q(lang, 'engineReady', { version: p.detail ?? '', tables: p.total });
    case 'restart': return q(lang, 'engineRestart');
    case 'failed': return q(lang, 'engineFailed', { message: p.detail ?? '' });
  }
}

/** 0…1 over the whole start: the download is most of it. */
function fraction(p: Progress): number | null {
  switch (p.phase) {
    case 'download':
    case 'restart':
      return p.total ? 0.8 * (p.done / p.total) : null;
    case 'start': return 0.82;
    case 'tables': return 0.85 + 0.15 * (p.total ? p.done / p.total : 0);
    case 'ready': return 1;
    case 'failed': return 0;
  }
}

export function showEngineStatus(root: ParentNode = document): void {
  const boxes = [...root.querySelectorAll<HTMLElement>('[data-engine-status]')];
  onProgress((p) => {
    for (const box of boxes) {
      box.dataset.phase = p.phase;
      const bar = box.querySelector('progress');
      const f = fraction(p);
      if (bar) {
        if (f === null) bar.removeAttribute('value');
        else bar.value = f;
      }
      const label = box.querySelector('.engine-text');
      const s = text(p);
      if (label && label.textContent !== s) label.textContent = s;
      // Download ticks are many: screen readers hear each phase once.
      const announce = box.querySelector<HTMLElement>('.engine-announce');
      if (announce && announce.dataset.phase !== p.phase) {
        announce.dataset.phase = p.phase;
        announce.textContent = s;
      }
    }
  });
}
