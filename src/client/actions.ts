/** Chart actions that need the browser: PNG from a canvas, copying the embed code. */
import { saveBlob } from './save.ts';

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

async function png(svg: SVGSVGElement, filename: string): Promise<void> {
  const { markup, width, height } = standaloneSvg(svg);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('SVG did not load'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) saveBlob(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
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
      // The version on screen (wide or phone).
      const svgs = [...document.querySelectorAll<SVGSVGElement>(`.plot[data-chart="${button.dataset.png}"] svg`)];
      const svg = svgs.find((s) => s.getBoundingClientRect().width > 0) ?? svgs[0];
      if (svg) void png(svg, button.dataset.filename ?? 'chart.png');
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
