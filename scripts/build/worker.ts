/** The pool's worker (tinypool, loaded through worker.mjs): pass 1 for a batch of files, in order. */
import { draftFile, type DraftTask, type Drafted } from './draft-file.ts';

// The drafts' bytes come back by structured clone: a copy of some tens of KB each, next to parsing nothing.
export default async (tasks: DraftTask[]): Promise<Drafted[]> => {
  const out: Drafted[] = [];
  for (const t of tasks) out.push(await draftFile(t));
  return out;
};
