/**
 * Tooltips for the build-time SVG charts: Plot wrote each mark's <title>; move it to data-tip
 * (so the browser's own tooltip does not double it) and show it in a positioned box on hover.
 */
export function tooltips(root: ParentNode = document): void {
  for (const plot of root.querySelectorAll<HTMLElement>('.plot')) {
    const svg = plot.querySelector('svg');
    if (!svg || plot.dataset.tips) continue;
    plot.dataset.tips = '1';
    for (const title of svg.querySelectorAll('title')) {
      const mark = title.parentElement;
      if (!mark || mark === (svg as Element)) continue;
      mark.setAttribute('data-tip', title.textContent ?? '');
      title.remove();
    }
    const tip = document.createElement('div');
    tip.className = 'tip';
    tip.hidden = true;
    tip.setAttribute('aria-hidden', 'true');
    plot.append(tip);
    const show = (e: PointerEvent) => {
      const mark = (e.target as Element).closest?.('[data-tip]');
      if (!mark) return void (tip.hidden = true);
      const box = plot.getBoundingClientRect();
      tip.textContent = mark.getAttribute('data-tip');
      tip.style.left = `${e.clientX - box.left}px`;
      tip.style.top = `${e.clientY - box.top}px`;
      tip.hidden = false;
    };
    svg.addEventListener('pointermove', show);
    svg.addEventListener('pointerleave', () => (tip.hidden = true));
  }
}
