import { parentPort } from 'node:worker_threads';
import { type Job, runJob } from './job.js';

/** A sweep worker: runs each job it is sent and posts the result back. */
parentPort?.on('message', (job: Job) => {
  parentPort?.postMessage(runJob(job));
});
