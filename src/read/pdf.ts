/**
 * A PDF's text layer and ruling lines, page by page, through pdfjs-dist (the legacy build runs on
 * Node 20). Only what the geometry layout needs: each text item with its position and size, and
 * each thin stroked or filled line (table borders), all in page space (points, y up).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfPage, Rule, TextItem } from '../layout/geometry.ts';

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Why a PDF gives no pages: the reason a report built from it fails. */
export class PdfProblem extends Error {
  constructor(readonly code: 'pdf_encrypted' | 'pdf_unreadable', message: string) { super(message); }
}

let lib: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;
const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await (lib ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of the buffer it is given.
    data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false,
    // Chinese PDFs often name a predefined CMap (UniGB-UCS2-H) instead of embedding one.
    cMapUrl: join(root, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(root, 'standard_fonts') + '/',
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException') throw new PdfProblem('pdf_encrypted', 'the PDF is encrypted with a password');
    throw new PdfProblem('pdf_unreadable', `not a readable PDF (${err.message})`);
  }
  try {
    const pages: PdfPage[] = [];
    const OPS = pdfjs.OPS;
    const stroke = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
    const fill = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const t = it.transform as Matrix;
        items.push({ str: it.str, x: t[4], y: t[5], w: it.width, h: Math.hypot(t[2], t[3]) || it.height });
      }
      const rules: Rule[] = [];
      const ops = await page.getOperatorList();
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const stack: Matrix[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i]!, args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = mul(args as Matrix, ctm);
        else if (fn === OPS.constructPath) {
          const paint = args[0] as number;
          if (!stroke.has(paint) && !fill.has(paint)) continue;
          for (const data of (args[1] as ArrayLike<number>[] | null) ?? []) pathRules(data, ctm, stroke.has(paint), rules);
        }
      }
      pages.push({ n, width: x1 - x0, height: y1 - y0, items, rules });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * Axis-aligned lines of a path: each straight segment of a stroked path, and each thin subpath
 * (a one-point-wide rectangle, as Chromium draws borders) of a filled one.
 */
function pathRules(data: ArrayLike<number>, ctm: Matrix, stroked: boolean, out: Rule[]): void {
  let start: [number, number] | null = null, at: [number, number] | null = null;
  let box: number[] | null = null;
  const extend = (p: [number, number]) => {
    box = box ? [Math.min(box[0]!, p[0]), Math.min(box[1]!, p[1]), Math.max(box[2]!, p[0]), Math.max(box[3]!, p[1])] : [p[0], p[1], p[0], p[1]];
  };
  const segment = (a: [number, number], b: [number, number]) => {
    if (stroked && (Math.abs(a[0] - b[0]) < 0.5 || Math.abs(a[1] - b[1]) < 0.5)) {
      out.push({ x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]) });
    }
  };
  const closeFill = () => {
    if (!stroked && box) {
      const [bx0, by0, bx1, by1] = box as number[];
      const w = bx1! - bx0!, h = by1! - by0!;
      if (Math.min(w, h) <= 2.5 && Math.max(w, h) > 2) out.push({ x0: bx0!, y0: by0!, x1: bx1!, y1: by1! });
    }
    box = null;
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++]!;
    if (op === 0) {
      closeFill();
      at = start = apply(ctm, data[i]!, data[i + 1]!);
      extend(at);
      i += 2;
    } else if (op === 1) {
      const p = apply(ctm, data[i]!, data[i + 1]!);
      if (at) segment(at, p);
      at = p;
      extend(p);
      i += 2;
    } else if (op === 2 || op === 3) {
      const k = op === 2 ? 6 : 4;
      at = apply(ctm, data[i + k - 2]!, data[i + k - 1]!);
      extend(at);
      i += k;
    } else if (op === 4) {
      if (at && start) segment(at, start);
      at = start;
    } else break;
  }
  closeFill();
}
