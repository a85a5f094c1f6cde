import { encodeEvent, fromNdjson, summarize, train } from '@decaylab/core';
import { from, lastValueFrom } from 'rxjs';

// Record a run as NDJSON (what `decaylab run --out` writes), corrupt one line, read it back.
const lines = [];
train({
  data: { kind: 'line', n: 20 },
  model: { kind: 'linear' },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.1 },
  steps: 50,
}).subscribe((e) => lines.push(encodeEvent(e)));
lines.splice(10, 0, '{"type":"step","step":"ten"}');

const summary = await lastValueFrom(
  fromNdjson(from(lines), {
    source: 'run.ndjson',
    skipInvalid: true,
    onSkip: (error) => console.log('skipped', error.message),
  }).pipe(summarize()),
);
console.log(
  `${lines.length} lines, ${summary.steps} steps, ${summary.reason}, final loss ${summary.final.loss.total.toFixed(4)}`,
);
