import { layoutHtml } from './html.ts';
import { toLines, type LayoutNote, type Line } from './lines.ts';
import { layoutPipes } from './markdown.ts';
import { unflatten } from './flat.ts';
import { columnMajor } from './columns.ts';
import { cellPerLine } from './paragraphs.ts';

export type { Cell, CellAt, LayoutNote, Line } from './lines.ts';
export { cellName } from './lines.ts';
export { fold, toLines } from './lines.ts';

/** What a file is, from its name; `text` means sniff the content. */
export type Kind = 'html' | 'markdown' | 'text';

export function kindOf(file: string): Kind {
  const ext = /\.([^.]+)$/.exec(file)?.[1]?.toLowerCase();
  return ext === 'html' || ext === 'htm' || ext === 'xhtml' ? 'html' : ext === 'md' || ext === 'markdown' ? 'markdown' : 'text';
}

/** Text that is HTML markup (maybe escaped inside a JavaScript string), not text about HTML. */
export function looksLikeHtml(text: string): boolean {
  const sample = text.length > 50000 ? text.slice(0, 50000) : text;
  const tags = sample.match(/<\/?(?:html|body|div|p|table|tr|td|th|span|br|h[1-6]|section|article)\b[^<>]*>/gi)?.length ?? 0;
  return tags >= 5;
}

/**
 * The layout stage: any source text to the one document model (prose lines and table rows of
 * cells, each with its origin). HTML is parsed as HTML; everything else goes through the
 * Markdown/pipe reader and the flat-text breaker, which leave other shapes as they are.
 */
export function layout(text: string, kind: Kind = 'text'): { lines: Line[]; shape: 'html' | 'text'; notes: LayoutNote[] } {
  const notes: LayoutNote[] = [];
  if (kind === 'html' || (kind === 'text' && looksLikeHtml(text))) return { lines: unflatten(layoutHtml(text)), shape: 'html', notes };
  return { lines: cellPerLine(columnMajor(unflatten(layoutPipes(toLines(text))), notes)), shape: 'text', notes };
}
