/**
 * Gives SharedStrings 400 short strings, each sliced from a string of its own of a megabyte (as
 * CSV fields are cut from the chunk read), under a heap cap far below the 400 MB (800 MB as
 * UTF-16) they were cut from: run by test/shared/xlsx.test.ts.
 * Usage: node --max-old-space-size=MB --import tsx test/shared/xlsx-held.ts
 */
import { SharedStrings } from '../../src/shared/xlsx.ts';

const shared = new SharedStrings();
for (let i = 0; i < 400; i++) {
  // A fresh megabyte each time (not one string repeated), with a field in it.
  // (V8 copies a slice under 13 characters; a longer one, as a report id, points into the chunk.)
  const chunk = `${String(i).padStart(20, '0')},${'x'.repeat(1 << 20)}`;
  shared.get(chunk.slice(0, 20));
}
if (shared.size !== 400) throw new Error(`${shared.size} strings held, not 400`);
