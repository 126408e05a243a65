/**
 * The reports folder as build:data sees it: every entry, and for each either its bytes or why it
 * was not read. Every entry becomes a row of `reports`, so "every input appears" holds literally.
 *
 * - regular files (and symbolic links to them) are read;
 * - hidden files (`.name`), subfolders, FIFOs, sockets and devices are not read: each is a
 *   `failed` report with the reason (a subfolder is not recursed into: a corpus often keeps the
 *   same reports as txt/ and html/ side by side, and the site names sources by file name alone);
 * - a file that cannot be read (a dangling symbolic link, a link loop, no permission) is a
 *   `failed` report with the system's reason (ENOENT, ELOOP, EACCES).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bi, type Warning } from '../src/parse/types.ts';

export interface FolderEntry {
  /** File name under the reports folder. */
  file: string;
  /** The file's bytes, when it was read. */
  bytes?: Uint8Array;
  /** Why it was not read (an error: the report is failed). */
  unread?: Warning;
}

const error = (code: string, zh: string, en: string): Warning => ({ severity: 'error', code, line: null, ...bi(zh, en) });

/** A system error while looking at or reading a file, said for a reader. */
export function unreadable(e: unknown): Warning {
  const code = (e as NodeJS.ErrnoException)?.code ?? 'ERROR';
  const why: Record<string, [string, string]> = {
    ENOENT: ['文件不存在（指向不存在目标的符号链接？）', 'it does not exist (a symbolic link to a missing target?)'],
    ELOOP: ['符号链接循环', 'a loop of symbolic links'],
    EACCES: ['没有读取权限', 'permission denied'],
    EPERM: ['不允许读取', 'operation not permitted'],
    EISDIR: ['这是文件夹', 'it is a folder'],
  };
  const [zh, en] = why[code] ?? ['读取出错', (e as Error)?.message ?? 'read error'];
  return error('unreadable_file', `无法读取文件（${code}）：${zh}`, `The file cannot be read (${code}): ${en}.`);
}

/** One entry of the folder: read it, or say why not. */
export function readEntry(dir: string, file: string): FolderEntry {
  const path = join(dir, file);
  if (file.startsWith('.')) {
    return { file, unread: error('hidden_file', '隐藏文件（文件名以“.”开头），未读取；如是报告，请改名', 'A hidden file (its name starts with "."): not read; rename it to have it read.') };
  }
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      return { file, unread: error('subfolder', '这是子文件夹，其中的文件未读取；如需读取，请以 --reports 指向该文件夹另行生成', 'A subfolder: the files in it are not read; build it on its own with --reports pointing at it.') };
    }
    if (!st.isFile()) {
      const kind = st.isFIFO() ? ['命名管道（FIFO）', 'a FIFO'] : st.isSocket() ? ['套接字', 'a socket'] : ['设备文件', 'a device'];
      return { file, unread: error('not_a_file', `这不是普通文件，而是${kind[0]}，未读取`, `Not a regular file but ${kind[1]}: not read.`) };
    }
    return { file, bytes: new Uint8Array(readFileSync(path)) };
  } catch (e) {
    return { file, unread: unreadable(e) };
  }
}

/** Every entry's name in the folder, sorted (so ids and warnings come out the same on every run). */
export const listFolder = (dir: string): string[] => readdirSync(dir).sort();

/** Whether the entry is a regular file (or a link to one) that exists: a manifest must be. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
