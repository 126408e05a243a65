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
  // Text decoded by the caller has been judged plausible already.
  if (decoded === undefined && plausible(text) < 0.9) return fail('binary_file', BINARY);
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
  const n = Math.min(text.length, 20000);
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x2190 && c <= 0x27bf) || (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2460 && c <= 0x24ff) || (c >= 0x2e80 && c <= 0x2fdf) ||
      (c >= 0x31c0 && c <= 0x31ef)) ok++;
  }
  return ok / n;
}
