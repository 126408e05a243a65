/**
 * An embed code in somebody else's page (test/e2e/embeds.test.ts, agency-charts.test.ts): the
 * host page, the same without script, the frame once loaded, and where the chart and the credit
 * line lie in the frame's own viewport.
 */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A page of somebody else's: some text, the embed code, more text. */
export const hostPage = (snippet: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A newspaper</title>
<style>body { margin: 0; font: 16px/1.5 serif; } p { margin: 1em 8px; }</style></head>
<body><p>An article that embeds a chart.</p>
${snippet}
<p>The article goes on.</p></body></html>
`;

/** The snippet's frame alone: a host page that allows no script. */
export const frameOnly = (snippet: string) => snippet.replace(/<script>[\s\S]*?<\/script>/g, '');

export interface Fit {
  frameHeight: number;
  styleHeight: string;
  content: number;
  inner: { w: number; h: number };
  hostWidth: number;
  frameRight: number;
  svg: { left: number; top: number; right: number; bottom: number; width: number } | null;
  credit: { left: number; top: number; right: number; bottom: number; height: number } | null;
  version: string;
}

export async function frameOf(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[data-atlas-embed]', { state: 'attached' });
  await handle.scrollIntoViewIfNeeded();
  for (let i = 0; i < 100; i++) {
    const f = await handle.contentFrame();
    if (f && f.url().startsWith('http')) return f;
    await page.waitForTimeout(100);
  }
  throw new Error('the embed frame did not load');
}

/** Where the chart and the credit are, in the frame's own viewport; the frame's size in the host. */
export async function measure(page: Page, frame: Frame): Promise<Fit> {
  const host = await page.evaluate(() => {
    const f = document.querySelector<HTMLIFrameElement>('iframe[data-atlas-embed]')!;
    return { frameHeight: f.getBoundingClientRect().height, styleHeight: f.style.height, hostWidth: document.documentElement.clientWidth, frameRight: f.getBoundingClientRect().right };
  });
  const inside = await frame.evaluate(() => {
    const box = (el: Element | null | undefined) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    };
    const svg = [...document.querySelectorAll('.plot svg')].find((s) => s.getBoundingClientRect().width > 0);
    return {
      content: Math.ceil(document.body.getBoundingClientRect().height),
      inner: { w: document.documentElement.clientWidth, h: window.innerHeight },
      svg: box(svg), credit: box(document.querySelector('.credit')),
      version: document.querySelector('.embed-version')?.textContent ?? '',
    };
  });
  return { ...host, ...inside };
}

/** The chart and the credit line lie wholly inside the frame's box, and the frame inside the host's width. */
export function expectVisible(fit: Fit, what: string): void {
  expect(fit.svg, `${what}: a chart`).not.toBeNull();
  expect(fit.credit, `${what}: a credit line`).not.toBeNull();
  expect(fit.svg!.width, `${what}: chart width`).toBeGreaterThan(200);
  expect(fit.credit!.height, `${what}: credit height`).toBeGreaterThan(5);
  for (const [name, r] of [['chart', fit.svg!], ['credit', fit.credit!]] as const) {
    expect(r.left, `${what}: ${name} left`).toBeGreaterThanOrEqual(0);
    expect(r.top, `${what}: ${name} top`).toBeGreaterThanOrEqual(0);
    expect(r.right, `${what}: ${name} right`).toBeLessThanOrEqual(fit.inner.w + 0.5);
    expect(r.bottom, `${what}: ${name} bottom`).toBeLessThanOrEqual(fit.inner.h + 0.5);
  }
  expect(fit.frameRight, `${what}: frame inside the host page's width`).toBeLessThanOrEqual(fit.hostWidth + 0.5);
}
