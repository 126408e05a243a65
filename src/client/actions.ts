/** Chart actions that need the browser: PNG from a canvas (src/client/export.ts), copying the embed code. */

/** A standalone copy of a page SVG: explicit size, colours resolved, white background. */
export function standaloneSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const [, , w = 640, h = 400] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.style.color = '#1a1a1a';
  clone.style.background = '#ffffff';
  clone.style.setProperty('--plot-background', '#ffffff');
  clone.querySelectorAll('[data-tip]').forEach((el) => el.removeAttribute('data-tip'));
  return { markup: new XMLSerializer().serializeToString(clone), width: w, height: h };
}

/** Copies text to the clipboard; where the Clipboard API is missing or refused, through a hidden text area. */
export async function copyText(text: string): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard API');
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.append(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}

export function chartActions(root: ParentNode = document): void {
  root.addEventListener('click', (e) => {
    const button = (e.target as Element).closest?.('button[data-png], button[data-copy]') as HTMLButtonElement | null;
    if (!button) return;
    if (button.dataset.png) {
      // With its title, legend, source and credit (src/client/export.ts, loaded on the first export).
      const { png: id, filename = 'chart.png' } = button.dataset;
      void import('./export.ts').then((m) => m.savePng(id, filename));
    } else if (button.dataset.copy) {
      // Several ids (an embed code's latest and pinned variants): the one on screen.
      const areas = button.dataset.copy.split(/\s+/).map((id) => document.getElementById(id)).filter((el): el is HTMLTextAreaElement => el instanceof HTMLTextAreaElement);
      const ta = areas.find((el) => el.getClientRects().length > 0) ?? areas[0];
      if (!ta) return;
      void copyText(ta.value).then(() => {
        const label = button.textContent;
        button.textContent = button.dataset.done ?? '✓';
        setTimeout(() => (button.textContent = label), 1500);
      });
    }
  });
}
