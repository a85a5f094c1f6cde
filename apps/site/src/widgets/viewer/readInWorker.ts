import { type Recording, readRecording } from './readRecording';
import type { WorkerReply, WorkerRequest } from './recordingWorker';
import recordingWorkerUrl from './recordingWorker?module-worker';
import { chunksOf, splitLines } from './splitLines';

/**
 * Reads a recording in a Web Worker (`recordingWorker.ts`), so a large file never freezes the
 * page; `onProgress(fraction)` follows the bytes read. Where workers are unavailable it reads on
 * the main thread, the same way.
 *
 * @example
 * const rec = await readInWorker(file, { source: file.name, onProgress: (f) => bar(f) });
 */
export function readInWorker(
  blob: Blob,
  { source, onProgress }: { source: string; onProgress?: (fraction: number) => void },
): Promise<Recording> {
  const onMainThread = () =>
    readRecording(
      splitLines(chunksOf(blob, { onRead: (b) => onProgress?.(b / (blob.size || 1)) })),
      { source },
    );
  if (typeof Worker === 'undefined') return onMainThread();
  let worker: Worker;
  try {
    worker = new Worker(recordingWorkerUrl, { type: 'module', name: 'decaylab-recording' });
  } catch {
    return onMainThread();
  }
  return new Promise<Recording>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress?.(reply.bytes / (reply.total || 1));
      else {
        worker.terminate();
        if (reply.type === 'done') resolve(reply.recording);
        else reject(new Error(reply.message));
      }
    });
    worker.addEventListener('error', (event) => {
      // A worker that could not start (a blocked script): read here instead.
      event.preventDefault();
      worker.terminate();
      onMainThread().then(resolve, reject);
    });
    worker.postMessage({ blob, source } satisfies WorkerRequest);
  });
}
