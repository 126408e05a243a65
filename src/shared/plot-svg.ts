/**
 * The finishing every Plot chart gets, at build time (linkedom) and in the browser alike: the
 * site's font stack, one image with one label (its numbers are in the table beside it), and the
 * xmlns that a standalone SVG file needs.
 */
export const FONT = "system-ui,-apple-system,'Segoe UI','PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif";

export function finishSvg<T extends Element>(svg: T, ariaLabel: string): T {
  svg.setAttribute('font-size', '12');
  svg.setAttribute('font-family', FONT);
  // Plot puts aria-label on <g> without a role (axe: aria-prohibited-attr).
  for (const g of svg.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', ariaLabel);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return svg;
}

/** Geometry attributes to one decimal (a tenth of a pixel): a third of the bytes of a chart with many marks, no visible change. */
export function roundCoordinates(svg: string): string {
  return svg.replace(/ (x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|transform|points)="([^"]*)"/g, (_, name: string, value: string) =>
    ` ${name}="${value.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`);
}
