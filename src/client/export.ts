/**
 * Chart exports in the browser: the chart on screen composed with its title, legend, source line
 * and credit (src/shared/export.ts), as SVG or as PNG at twice its size for print. The words come
 * from the page: the chart's heading and legend, and the source line and credit the build wrote
 * on the chart's container (data-export-source, data-export-credit; data-export-href is where the
 * chart lives, made absolute here). Loaded only when a reader exports.
 */
import { composeSvg, svgFile, type ComposedSvg, type ExportText, type LegendEntry } from '../shared/export.ts';
import { saveBlob } from './save.ts';

/** A chart's SVG as markup, without what the page added to it (tooltip attributes). */
export function plotMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('[data-tip]').forEach((el) => el.removeAttribute('data-tip'));
  clone.removeAttribute('style');
  const [, , w = 640, h = 400] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  return new XMLSerializer().serializeToString(clone);
}

/** The legend of a chart as the page shows it: each item's text and swatch colour. */
export function legendFrom(ul: Element | null): LegendEntry[] {
  if (!ul || (ul as HTMLElement).hidden) return [];
  return [...ul.querySelectorAll('li')].map((li) => {
    const sw = li.querySelector<HTMLElement>('.sw');
    return { label: (li.textContent ?? '').trim(), color: sw?.style.backgroundColor || sw?.style.background || 'currentColor' };
  }).filter((l) => l.label);
}

/** The source line and credit written at build time on the chart's container, the credit with the chart's absolute link. */
export function sourceOf(el: Element): Pick<ExportText, 'source' | 'credit'> {
  const holder = el.closest<HTMLElement>('[data-export-source]');
  const href = el.closest<HTMLElement>('[data-export-href]')?.dataset.exportHref;
  const credit = holder?.dataset.exportCredit ?? '';
  return {
    source: holder?.dataset.exportSource ?? '',
    credit: href ? `${credit} · ${new URL(href, location.href).href}` : credit,
  };
}

/** The chart on screen in a `.plot` box with everything it carries, ready to save. */
export function composePlot(plot: HTMLElement): ComposedSvg | null {
  // The version on screen (wide or phone).
  const svgs = [...plot.querySelectorAll<SVGSVGElement>(':scope svg')].filter((s) => !s.closest('.ramp'));
  const svg = svgs.find((s) => s.getBoundingClientRect().width > 0) ?? svgs[0];
  if (!svg) return null;
  const box = plot.closest<HTMLElement>('[data-export-title], figure') ?? plot.parentElement!;
  const title = box.dataset.exportTitle ?? box.querySelector('h1, h2, h3')?.textContent?.trim() ?? '';
  const ramp = box.querySelector<SVGSVGElement>('.ramp svg');
  // At the size it is shown (CSS px), so that the PNG at 2× is twice what the reader sees.
  const shown = svg.getBoundingClientRect().width;
  return composeSvg(plotMarkup(svg), {
    title, subtitle: box.dataset.exportSubtitle || undefined, legend: legendFrom(box.querySelector('ul.legend')), ...sourceOf(box),
  }, ramp ? plotMarkup(ramp) : undefined, { plotWidth: shown > 0 ? shown : undefined });
}

export const svgBlob = (c: ComposedSvg): Blob => new Blob([svgFile(c)], { type: 'image/svg+xml;charset=utf-8' });

/** The composed SVG drawn on a canvas at `scale` times its size (2: for print), as a PNG. */
export async function pngBlob(c: ComposedSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob(c));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('SVG did not load'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(c.width * scale);
    canvas.height = Math.round(c.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the canvas made no PNG');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The PNG button of any chart: the `.plot[data-chart=id]` composed and saved at 2×. */
export async function savePng(chartId: string, filename: string): Promise<void> {
  const plot = document.querySelector<HTMLElement>(`.plot[data-chart="${CSS.escape(chartId)}"]`);
  const composed = plot && composePlot(plot);
  if (composed) saveBlob(await pngBlob(composed), filename);
}

/** Points a download link at a new Blob (releasing the old one). */
export function setBlobLink(a: HTMLAnchorElement | null, blob: Blob, filename?: string): void {
  if (!a) return;
  if (a.href.startsWith('blob:')) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(blob);
  if (filename) a.download = filename;
}
