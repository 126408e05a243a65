/** Embed codes (src/shared/embed.ts): valid markup, a listener that only reads and checks, a fallback height that fits. */
import { Script } from 'node:vm';
import { parseDocument } from 'htmlparser2';
import { type Element, isTag } from 'domhandler';
import { describe, expect, test } from 'vitest';
import {
  EMBED_ASK, EMBED_HEIGHT, embedSnippet, fallbackHeight, isAskMessage, isHeightMessage, LISTENER, scaledChartHeight,
} from '../../src/shared/embed.ts';

const tags = (html: string) => parseDocument(html).children.filter(isTag) as Element[];
const textOf = (el: Element) => el.children.map((c) => ('data' in c ? c.data : '')).join('');

describe('embed codes', () => {
  const opts = { src: 'https://example.org/atlas/embed/applications-by-year/', title: '每年收到的申请 "quoted" <b>', height: 512.3, maxWidth: 660 };

  test('a frame with the fallback height and the listener, nothing else; the title escaped', () => {
    const html = embedSnippet(opts);
    const els = tags(html);
    expect(els.map((e) => e.name)).toEqual(['iframe', 'script']);
    const [frame, script] = els as [Element, Element];
    expect(frame.attribs.src).toBe(opts.src);
    expect(frame.attribs.title).toBe(opts.title);
    expect(frame.attribs.height).toBe('513');
    expect(frame.attribs.width).toBe('100%');
    expect(frame.attribs.style).toContain('max-width:660px');
    expect(frame.attribs).toHaveProperty('data-atlas-embed');
    expect(frame.attribs).not.toHaveProperty('data-atlas-version');
    expect(frame.attribs.loading).toBe('lazy');
    // The script is valid JavaScript (compiled, not run) and is the listener.
    expect(textOf(script)).toBe(LISTENER);
    expect(() => new Script(textOf(script))).not.toThrow();
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  test('the pinned code names its version, in the frame and its URL', () => {
    const version = '2026-01-01.1a2b3c4';
    const html = embedSnippet({ ...opts, src: `https://example.org/atlas/embed/v/${version}/applications-by-year/`, version });
    const [frame] = tags(html) as [Element];
    expect(frame.attribs['data-atlas-version']).toBe(version);
    expect(frame.attribs.src).toContain(`/embed/v/${version}/`);
  });

  test('the listener runs nothing it is sent and writes no markup; it checks source, origin and shape', () => {
    for (const bad of ['eval', 'Function(', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'setTimeout', 'location']) expect(LISTENER).not.toContain(bad);
    expect(LISTENER).toContain('contentWindow!==e.source');
    expect(LISTENER).toContain('o===e.origin');
    expect(LISTENER).toContain(`m.type!=="${EMBED_HEIGHT}"`);
    expect(LISTENER).toContain('typeof m.height!=="number"');
    // Nothing the site's absolute-URL fixer would rewrite when the base path is "/".
    expect(LISTENER).not.toMatch(/["'(\s]\//);
  });

  test('messages are checked for their shape', () => {
    expect(isHeightMessage({ type: EMBED_HEIGHT, height: 480 })).toBe(true);
    for (const bad of [null, undefined, 'disclosure-atlas:embed-height', 480, { type: EMBED_HEIGHT }, { type: EMBED_HEIGHT, height: '480' },
      { type: EMBED_HEIGHT, height: NaN }, { type: EMBED_HEIGHT, height: Infinity }, { type: EMBED_HEIGHT, height: -1 }, { type: EMBED_HEIGHT, height: 0 },
      { type: EMBED_HEIGHT, height: 1e6 }, { type: 'other', height: 480 }]) expect(isHeightMessage(bad), JSON.stringify(bad)).toBe(false);
    expect(isAskMessage({ type: EMBED_ASK })).toBe(true);
    expect(isAskMessage({ type: EMBED_HEIGHT })).toBe(false);
    expect(isAskMessage('x')).toBe(false);
  });
});

describe('fallback height', () => {
  const layout = { title: '每年收到的政府信息公开申请', legend: [], caption: '说明。'.repeat(20), maxWidth: 660, chartHeight: scaledChartHeight(640, 260, 360), extra: 32 };

  test('covers the phone version at its tallest (a frame just under 640 px) and the wide one, with the text', () => {
    const h = fallbackHeight(layout);
    expect(h).toBeGreaterThanOrEqual(260 * (639 - 20) / 360 + 32);
    expect(h).toBeGreaterThanOrEqual(260 + 32);
    expect(h % 10).toBe(0);
  });

  test('grows with longer text and a legend that wraps', () => {
    const base = fallbackHeight(layout);
    expect(fallbackHeight({ ...layout, caption: layout.caption.repeat(4) })).toBeGreaterThan(base);
    expect(fallbackHeight({ ...layout, legend: Array.from({ length: 12 }, (_, i) => `平潭综合实验区第${i}个机关`) })).toBeGreaterThan(base);
  });

  test('the chart scales with the frame: phone version up to 640 px, the wide one above', () => {
    const at = scaledChartHeight(640, 260, 360);
    expect(at(380)).toBeCloseTo(260, 5);
    expect(at(640)).toBeCloseTo(260 * 620 / 360, 5);
    expect(at(660)).toBeCloseTo(260, 5);
  });
});
