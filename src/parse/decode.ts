import type { Warning } from './types.ts';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | null;
  /** Set when the bytes are not text we can read. */
  problem: Warning | null;
  notes: Warning[];
}

const fail = (code: string, message: string): Decoded =>
  ({ text: '', encoding: null, problem: { severity: 'error', code, message, line: null }, notes: [] });

/**
 * Bytes to text. Report texts arrive as UTF-8, UTF-16 (with or without BOM) or GB18030/GBK;
 * anything else (a PDF, an image) is reported, never guessed at.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return fail('empty_file', '文件为空 The file is empty.');
  const note = (encoding: Decoded['encoding'], message: string): Warning[] =>
    [{ severity: 'note', code: 'encoding', message: `${message} (${encoding})`, line: null }];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8', []);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le', note('utf-16le', '按 UTF-16 读取 Read as UTF-16'));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be', note('utf-16be', '按 UTF-16 读取 Read as UTF-16'));
  // UTF-16 without a BOM: CJK and ASCII text puts a zero in every other byte of the ASCII part.
  const head = bytes.subarray(0, 4096);
  let evenZeros = 0, oddZeros = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) (i % 2 ? oddZeros++ : evenZeros++);
  const half = head.length / 2;
  if (oddZeros > half * 0.2 && evenZeros < half * 0.02) return decodeAs(bytes, 'utf-16le', note('utf-16le', '按无 BOM 的 UTF-16 读取 Read as UTF-16 without BOM'));
  if (evenZeros > half * 0.2 && oddZeros < half * 0.02) return decodeAs(bytes, 'utf-16be', note('utf-16be', '按无 BOM 的 UTF-16 读取 Read as UTF-16 without BOM'));
  if (evenZeros + oddZeros > 0) return fail('binary_file', '这是二进制文件，不是文本（如 PDF、图片）：请先提取文字。 This is a binary file, not text (a PDF or an image?): extract its text first.');
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return fail('binary_file', '这是 PDF 文件，请先提取文字。 This is a PDF file: extract its text first.');
  try {
    return decodeAs(bytes, 'utf-8', [], true);
  } catch {
    return decodeAs(bytes, 'gb18030', note('gb18030', '不是 UTF-8，按 GB18030 读取 Not UTF-8; read as GB18030'));
  }
}

function decodeAs(bytes: Uint8Array, encoding: NonNullable<Decoded['encoding']>, notes: Warning[], fatal = false): Decoded {
  const text = new TextDecoder(encoding, { fatal }).decode(bytes);
  // Control characters other than tab, CR, LF and form feed mean this is not a text file.
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (controls > Math.max(8, text.length * 0.01)) {
    return fail('binary_file', `文件含大量控制字符或无法解码的字节，不像文本。 The file has ${controls} control or undecodable characters: it does not look like text.`);
  }
  return { text, encoding, problem: null, notes };
}
