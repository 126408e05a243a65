// The pool's worker entry, in JavaScript: a worker thread on Node 20 does not take tsx from
// --import, so it registers tsx itself, then loads the TypeScript worker (worker.ts).
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./worker.ts');
export default run;
