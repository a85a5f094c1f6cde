import { parentPort, workerData } from 'node:worker_threads';
import { type Job, runJob } from './job.js';

const stop = new Int32Array(workerData.stop as SharedArrayBuffer);

/** A sweep worker: runs each job it is sent and posts the result back; stops when the flag is set. */
parentPort?.on('message', (job: Job) => {
  parentPort?.postMessage(runJob(job, { stopped: () => Atomics.load(stop, 0) !== 0 }));
});
