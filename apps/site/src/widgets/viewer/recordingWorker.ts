// The run viewer's reader, off the main thread: a dropped file of hundreds of MB is read,
// validated and thinned here while the page stays responsive. Messages: in, `{ blob, source }`;
// out, `{ type: 'progress', bytes, total }` (at most every 100 ms), then `{ type: 'done',
// recording }` or `{ type: 'error', message }`.
import { readRecording } from './readRecording';
import { chunksOf, splitLines } from './splitLines';

export type WorkerRequest = { readonly blob: Blob; readonly source: string };
export type WorkerReply =
  | { readonly type: 'progress'; readonly bytes: number; readonly total: number }
  | { readonly type: 'done'; readonly recording: import('./readRecording').Recording }
  | { readonly type: 'error'; readonly message: string };

const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const { blob, source } = event.data;
  let last = 0;
  const onRead = (bytes: number) => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    post({ type: 'progress', bytes, total: blob.size });
  };
  try {
    const recording = await readRecording(splitLines(chunksOf(blob, { onRead })), { source });
    post({ type: 'done', recording });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
