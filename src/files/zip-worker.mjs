// The zip of every table's files, written in a worker thread while the main thread writes the
// workbook (downloads.ts writeDownloads). JavaScript, as scripts/build/worker.mjs: a worker thread
// registers tsx itself.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { writeZipTask } = await import('./zip-task.ts');
parentPort.postMessage(writeZipTask(workerData));
