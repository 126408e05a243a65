import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/parse/decode.ts';

const text = '长治市中小企业局\n2019 年政府信息公开年度报告\n一、总体情况 49 条';

describe('decode', () => {
  it('reads UTF-8, with or without BOM', () => {
    const bytes = new TextEncoder().encode(text);
    expect(decode(bytes)).toMatchObject({ text, encoding: 'utf-8', problem: null });
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toMatchObject({ text, encoding: 'utf-8' });
  });
  it('reads GB18030 and says so', () => {
    const d = decode(new Uint8Array(iconv.encode(text, 'gb18030')));
    expect(d).toMatchObject({ text, encoding: 'gb18030', problem: null });
    expect(d.notes[0]?.message).toMatch(/GB18030/);
  });
  it('reads UTF-16 LE and BE, with and without BOM', () => {
    expect(decode(new Uint8Array(iconv.encode(text, 'utf16le', { addBOM: true })))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decode(new Uint8Array(iconv.encode(text, 'utf16le')))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decode(new Uint8Array(iconv.encode(text, 'utf16be')))).toMatchObject({ text, encoding: 'utf-16be' });
  });
  it('refuses empty and binary files with a reason a person understands', () => {
    expect(decode(new Uint8Array()).problem).toMatchObject({ severity: 'error', code: 'empty_file' });
    expect(decode(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ')).problem).toMatchObject({ code: 'binary_file' });
    expect(decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 0])).problem?.message).toMatch(/binary/);
  });
});
