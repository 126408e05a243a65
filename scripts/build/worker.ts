/** The pool's worker (tinypool, loaded through worker.mjs): pass 1 for one file. */
import { draftFile, type DraftTask } from './draft-file.ts';

// The draft's bytes come back by structured clone: a copy of some tens of KB, next to parsing nothing.
export default (task: DraftTask) => draftFile(task);
