/**
 * The read stage for originals: a PDF or DOCX as the agency published it, to HTML that keeps its
 * structure (paragraphs; tables with merged cells; for a PDF, each cell's page and box). The
 * layout stage reads that like any web page. Text files need no reading: they go to the parser
 * as bytes. Reading a PDF is asynchronous (pdfjs); everything after it is pure.
 */
import { geometryHtml } from '../layout/geometry.ts';
import type { LayoutNote } from '../layout/lines.ts';
import { docxHtml, DocxProblem } from './docx.ts';
import { PdfProblem, readPdf } from './pdf.ts';

export type Original = 'pdf' | 'docx';

/** Originals larger than this are not read (50 MB: a report is rarely over 5 MB). */
export const ORIGINAL_LIMIT = 50 * 1024 * 1024;

/** A PDF or DOCX by its name or, whatever its name, by its first bytes. */
export function originalOf(file: string, bytes: Uint8Array): Original | null {
  const ext = /\.([^.]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) return 'pdf';
  if (ext === 'docx') return 'docx';
  return null;
}

/** What the read stage gives the parser: the original's structure as HTML, or why there is none. */
export interface Extracted {
  original: Original;
  html: string;
  /** Why the original cannot be read: the report fails with this reason. */
  problem: LayoutNote | null;
  notes: LayoutNote[];
  /** A PDF's page count. */
  pages?: number;
}

const error = (original: Original, code: string, zh: string, en: string): Extracted =>
  ({ original, html: '', problem: { code, zh, en, line: null }, notes: [] });

export async function extract(bytes: Uint8Array, original: Original): Promise<Extracted> {
  if (bytes.length > ORIGINAL_LIMIT) {
    return error(original, 'file_too_large', `文件过大（${(bytes.length / 1048576).toFixed(0)} MB，上限 ${ORIGINAL_LIMIT / 1048576} MB），未读取`, `The file is too large (${(bytes.length / 1048576).toFixed(0)} MB; the limit is ${ORIGINAL_LIMIT / 1048576} MB); not read.`);
  }
  if (original === 'docx') {
    try {
      return { original, html: docxHtml(bytes), problem: null, notes: [] };
    } catch (e) {
      // Whatever breaks inside a damaged file fails that report, never the build.
      return error(original, 'docx_unreadable', `无法读取此 DOCX 文件（不是有效的 Word 文档）`, `Cannot read this DOCX file: ${e instanceof DocxProblem ? e.message : `the reader failed (${(e as Error).message})`}.`);
    }
  }
  try {
    const pages = await readPdf(bytes);
    const chars = pages.reduce((n, p) => n + p.items.reduce((k, i) => k + i.str.replace(/\s/g, '').length, 0), 0);
    // A scan is pictures of pages: no text to read, and no OCR here.
    if (chars < 50) {
      return error(original, 'pdf_no_text', `PDF 没有文字层（可能是扫描件），无法读取；本工具不做文字识别`, `The PDF has no text layer (a scan?): nothing to read, and no OCR is done.`);
    }
    const notes: LayoutNote[] = [{ code: 'read_pdf', zh: `从 PDF 原件读取（${pages.length} 页），表格按版面线划分单元格`, en: `Read from the original PDF (${pages.length} pages); table cells from the ruling lines.`, line: null }];
    return { original, html: geometryHtml(pages), problem: null, notes, pages: pages.length };
  } catch (e) {
    if (e instanceof PdfProblem) {
      return e.code === 'pdf_encrypted'
        ? error(original, e.code, 'PDF 已加密，需要密码，无法读取', 'The PDF is encrypted with a password: cannot read it.')
        : error(original, e.code, 'PDF 文件损坏或不是 PDF，无法读取', `Cannot read this PDF: ${e.message}.`);
    }
    return error(original, 'pdf_unreadable', 'PDF 文件损坏，无法读取', `Cannot read this PDF: the reader failed (${(e as Error).message}).`);
  }
}
