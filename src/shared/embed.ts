/**
 * Embed codes that fit their content at any width: the embed page posts its height to the page
 * around it, and the code's small listener sets the matching frame's height. Pure: the chart
 * component builds codes at build time, the compare tool in the browser, the tests in Node.
 */
import { escapeAttr } from './html.ts';

/** The embed page → host message: `{type: EMBED_HEIGHT, height}` (CSS pixels of the page's content). */
export const EMBED_HEIGHT = 'disclosure-atlas:embed-height';
/** Host → embed page: "say your height again" (a listener that starts after the frame loaded). */
export const EMBED_ASK = 'disclosure-atlas:embed-ask';
/** Marks the frames the listener may resize. */
export const EMBED_ATTR = 'data-atlas-embed';

/** Heights outside this are not a chart's: ignored. */
export const MAX_EMBED_HEIGHT = 20_000;

/** Whether a message is a height from an embed page, with a plausible height. */
export function isHeightMessage(data: unknown): data is { type: typeof EMBED_HEIGHT; height: number } {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as { type?: unknown; height?: unknown };
  return d.type === EMBED_HEIGHT && typeof d.height === 'number' && Number.isFinite(d.height) && d.height > 0 && d.height <= MAX_EMBED_HEIGHT;
}

export function isAskMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === EMBED_ASK;
}

/**
 * The listener the embed code carries (ES5, no dependencies, once per host page however many
 * frames): it only reads a message's two fields, checks them, and sets the height of the frame
 * whose window sent it, and only if that frame carries EMBED_ATTR and the message came from the
 * frame's own origin. Nothing from a message is ever run or put into markup. No "/" after a quote
 * or a space: the site's absolute-URL fixer rewrites those when the base path is "/".
 */
export const LISTENER = `(function(w,d){if(w.atlasEmbeds)return;w.atlasEmbeds=1;`
  + `function frames(){return d.querySelectorAll("iframe[${EMBED_ATTR}]")}`
  + `w.addEventListener("message",function(e){var m=e.data,f=frames(),i,o;`
  + `if(!m||typeof m!=="object"||m.type!=="${EMBED_HEIGHT}"||typeof m.height!=="number"||!(m.height>0&&m.height<=${MAX_EMBED_HEIGHT}))return;`
  + `for(i=0;i<f.length;i++){if(f[i].contentWindow!==e.source)continue;`
  + `try{o=new URL(f[i].src,d.baseURI).origin}catch(x){o=""}`
  + `if(o===e.origin)f[i].style.height=Math.ceil(m.height)+"px"}});`
  + `var f=frames(),i;for(i=0;i<f.length;i++)try{f[i].contentWindow.postMessage({type:"${EMBED_ASK}"},"*")}catch(x){}`
  + `})(window,document);`;

export interface SnippetOptions {
  /** The embed page's URL (absolute, or relative to be made absolute by the page). */
  src: string;
  title: string;
  /** The frame's height where the host page runs no script. */
  height: number;
  /** The frame is as wide as its column, up to this. */
  maxWidth: number;
  /** Set for a pinned embed: the data version its URL names. */
  version?: string;
}

/** The embed code: the frame (a fixed fallback height) and the listener that fits it to its content. */
export function embedSnippet(o: SnippetOptions): string {
  const version = o.version ? ` data-atlas-version="${escapeAttr(o.version)}"` : '';
  const frame = `<iframe src="${escapeAttr(o.src)}" title="${escapeAttr(o.title)}" ${EMBED_ATTR}${version} width="100%" height="${Math.ceil(o.height)}"`
    + ` style="display:block;width:100%;max-width:${Math.ceil(o.maxWidth)}px;border:0" loading="lazy"></iframe>`;
  return `${frame}\n<script>${LISTENER}</script>`;
}

/** The embed page's padding on each side and at the top and bottom (px; the pages' CSS says the same). */
export const EMBED_PAD = 10;
/** The width below which the phone version of a chart shows (as on the site's pages: 40rem). */
export const NARROW_BELOW = 640;

/** Width of text in em, roughly: CJK and full-width characters 1em, anything else 0.6em. */
export function textEm(s: string): number {
  let em = 0;
  for (const ch of s) em += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em;
}

/** Lines a text takes at a font size (px) in a width (px), with one line of slack for breaks between words. */
function lines(s: string, fontPx: number, widthPx: number): number {
  if (!s.trim()) return 0;
  const exact = (textEm(s) * fontPx) / widthPx;
  return Math.ceil(exact) + (exact > 1 ? 1 : 0);
}

/** Rows a legend's items wrap into (0.9rem text, a swatch and a gap each; a row is 1.6 lines and a 0.25em gap). */
function legendRows(items: readonly string[], widthPx: number): number {
  if (!items.length) return 0;
  let rows = 1, x = 0;
  for (const item of items) {
    const w = (textEm(item) + 2.4) * 14.4;
    if (x > 0 && x + w > widthPx) { rows++; x = 0; }
    x += w;
  }
  return rows;
}

export interface EmbedLayout {
  title: string;
  legend: readonly string[];
  /** The caption, source, version and credit: the text under the chart. */
  caption: string;
  /** The frame's max width. */
  maxWidth: number;
  /** The chart's height (px) in a frame `frameWidth` wide. */
  chartHeight: (frameWidth: number) => number;
  /** Other rows under the caption (the data table's toggle): px. */
  extra?: number;
}

/**
 * The frame height that shows everything where no script resizes it: the tallest the embed page
 * gets at any frame width from 320 px to its max width (the phone version just below 640 px is
 * its tallest chart, the narrowest frame its most lines of text), estimated from the chart's size
 * and the length of its texts, with some room to spare. Whole tens of pixels.
 */
export function fallbackHeight(l: EmbedLayout): number {
  const widths = [320, 400, 480, 560, NARROW_BELOW - 1, NARROW_BELOW, l.maxWidth].filter((w) => w <= l.maxWidth);
  let most = 0;
  for (const frame of widths) {
    const inner = frame - 2 * EMBED_PAD;
    const h = 2 * EMBED_PAD
      + lines(l.title, 16.8, inner) * 16.8 * 1.3 + 5
      + legendRows(l.legend, inner) * 14.4 * 1.85 + (l.legend.length ? 10 : 0)
      + l.chartHeight(frame)
      + lines(l.caption, 12.8, inner) * 12.8 * 1.6 + 6
      + (l.extra ?? 0);
    most = Math.max(most, h);
  }
  return Math.ceil((most + 16) / 10) * 10;
}

/** The height of a chart drawn `width`×`height` and `narrowWidth` wide for phones, scaled to the frame's width. */
export function scaledChartHeight(width: number, height: number, narrowWidth: number, narrowHeight = height): (frame: number) => number {
  return (frame) => {
    const inner = frame - 2 * EMBED_PAD;
    return frame <= NARROW_BELOW ? (narrowHeight * inner) / narrowWidth : (height * Math.min(inner, width)) / width;
  };
}
