import { encodeEvent, type RunEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { readRecording } from './readRecording.js';
import { splitLines } from './splitLines.js';

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function recording(): string {
  const lines: string[] = [];
  train({
    data: { kind: 'line', n: 20 },
    model: { kind: 'polynomial', degree: 3 },
    optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.01 },
    steps: 30,
  }).subscribe((e: RunEvent) => lines.push(encodeEvent(e)));
  return `${lines.join('\n')}\n`;
}

describe('splitLines', () => {
  it('rebuilds lines across arbitrary chunk boundaries, with \\r\\n and no final newline', async () => {
    const out: string[] = [];
    for await (const line of splitLines(chunks('a\r\nbb\n\nccc', 2))) out.push(line);
    expect(out).toEqual(['a', 'bb', '', 'ccc']);
  });
});

describe('readRecording', () => {
  it('reads a recording made with train() + encodeEvent, chunked like a file', async () => {
    const rec = await readRecording(splitLines(chunks(recording(), 97)), { source: 'run.ndjson' });
    expect(rec.errors).toEqual([]);
    expect(rec.run?.spec.optimizer.kind).toBe('sgd');
    expect(rec.steps).toHaveLength(30);
    expect(rec.end?.reason).toBe('completed');
    expect(rec.summary?.final?.step).toBe(30);
    expect(rec.summary?.best?.metric).toBe('val');
  });

  it('skips bad lines and reports each as line N: reason', async () => {
    const lines = recording().split('\n');
    lines.splice(3, 0, '{"type":"step"'); // line 4: not JSON
    lines.splice(6, 1, '{"type":"nope"}'); // line 7: unknown type
    const rec = await readRecording(splitLines(chunks(lines.join('\n'), 50)), {
      source: 'bad.ndjson',
    });
    expect(rec.errors.map((e) => e.line)).toEqual([4, 7]);
    expect(rec.errors[0]?.reason).toMatch(/json/i);
    expect(rec.steps).toHaveLength(29);
  });

  it('reports a file that is not a recording at all', async () => {
    const rec = await readRecording(splitLines(chunks('hello\nworld\n', 4)), {
      source: 'notes.txt',
    });
    expect(rec.run).toBeNull();
    expect(rec.summary).toBeNull();
    expect(rec.errors.map((e) => e.line)).toEqual([1, 2]);
  });
});
