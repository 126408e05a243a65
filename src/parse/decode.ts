import { bi, type Said, type Warning } from './types.ts';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding | null;
  /** Set when the bytes are not text we can read. */
  problem: Warning | null;
  notes: Warning[];
}

const fail = (code: string, said: Said): Decoded =>
  ({ text: '', encoding: null, problem: { severity: 'error', code, ...said, line: null }, notes: [] });

const BINARY = bi('这是二进制文件，不是文本（如 PDF、图片）：请先提取文字。', 'This is a binary file, not text (a PDF or an image?): extract its text first.');

/**
 * Bytes to text. Report texts arrive as UTF-8, UTF-16 (with or without BOM) or GB18030/GBK;
 * anything else (a PDF, an image) is reported, never guessed at.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return fail('empty_file', bi('文件为空', 'The file is empty.'));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return accept(bytes.subarray(3), 'utf-8', false);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return accept(bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return accept(bytes.subarray(2), 'utf-16be', true);
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return fail('binary_file', bi('这是 PDF 文件，请先提取文字。', 'This is a PDF file: extract its text first.'));
  const hasNul = bytes.includes(0);
  if (!hasNul) {
    const utf8 = tryDecode(bytes, 'utf-8');
    if (utf8 !== null && plausible(utf8) > 0.97) return accept(bytes, 'utf-8', false, utf8);
  }
  // No BOM and not UTF-8: the candidate whose text looks most like a report wins, if any does.
  const candidates: Encoding[] = bytes.length % 2 === 0 ? ['utf-16le', 'utf-16be', 'gb18030'] : ['gb18030'];
  let best: { encoding: Encoding; text: string; score: number } | undefined;
  for (const encoding of candidates) {
    if (encoding === 'gb18030' && hasNul) continue;
    const text = tryDecode(bytes, encoding);
    if (text === null) continue;
    const score = plausible(text);
    if (!best || score > best.score) best = { encoding, text, score };
  }
  if (!best || best.score < 0.9) return fail('binary_file', BINARY);
  return accept(bytes, best.encoding, true, best.text);
}

function accept(bytes: Uint8Array, encoding: Encoding, note: boolean, decoded?: string): Decoded {
  const text = decoded ?? new TextDecoder(encoding).decode(bytes);
  if (plausible(text) < 0.9) return fail('binary_file', BINARY);
  const notes: Warning[] = note
    ? [{ severity: 'note', code: 'encoding', ...bi(`不是 UTF-8，按 ${encoding.toUpperCase()} 读取`, `Not UTF-8; read as ${encoding.toUpperCase()}`), line: null }]
    : [];
  return { text, encoding, problem: null, notes };
}

function tryDecode(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters a report's text is made of: CJK, ASCII, punctuation, white space. */
function plausible(text: string): number {
  if (text.length === 0) return 0;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const ok = sample.match(/[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2190-\u27bf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2460-\u24ff\u2e80-\u2fdf\u31c0-\u31ef]/g)?.length ?? 0;
  return ok / sample.length;
}
