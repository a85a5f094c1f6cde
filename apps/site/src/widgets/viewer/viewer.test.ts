import { encodeEvent, type RunEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { readRecording } from './readRecording.js';
import { chunksOf, splitLines } from './splitLines.js';

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function recording(steps = 30): string {
  const lines: string[] = [];
  train({
    data: { kind: 'line', n: 20 },
    model: { kind: 'polynomial', degree: 3 },
    optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.01 },
    steps,
  }).subscribe((e: RunEvent) => lines.push(encodeEvent(e)));
  return `${lines.join('\n')}\n`;
}

describe('splitLines', () => {
  it('joins a line spread over many chunks once (linear), and decodes UTF-8 split across chunks', async () => {
    const long = `{"x":"${'é'.repeat(300_000)}"}`;
    const out: string[] = [];
    for await (const line of splitLines(chunks(`${long}\nnext`, 1000))) out.push(line);
    expect(out).toEqual([long, 'next']);
    const bytes = new TextEncoder().encode('αβγ\nδ');
    const parts = [bytes.slice(0, 1), bytes.slice(1, 3), bytes.slice(3)];
    const blob = new Blob(parts);
    const decoded: string[] = [];
    for await (const line of splitLines(chunksOf(blob))) decoded.push(line);
    expect(decoded).toEqual(['αβγ', 'δ']);
  });

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
    expect(rec.stepCount).toBe(30);
    expect(rec.series.train).toHaveLength(30);
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
    expect(rec.stepCount).toBe(29);
    expect(rec.errorCount).toBe(2);
  });

  it('reports a file that is not a recording at all', async () => {
    const rec = await readRecording(splitLines(chunks('hello\nworld\n', 4)), {
      source: 'notes.txt',
    });
    expect(rec.run).toBeNull();
    expect(rec.summary).toBeNull();
    expect(rec.errors.map((e) => e.line)).toEqual([1, 2]);
    expect(rec.notRecording).toBe('not a decaylab recording (no readable "run" header)');
  });

  it('says an empty, blank or binary file is not a recording', async () => {
    for (const [text, why] of [
      ['', 'the input is empty'],
      ['\n \n\n', 'only blank lines'],
      ['\u0000\u0001PNG\n', 'no readable "run" header'],
    ] as const) {
      const rec = await readRecording(splitLines(chunks(text, 3)), { source: 'x' });
      expect(rec.notRecording, JSON.stringify(text)).toBe(`not a decaylab recording (${why})`);
      expect(rec.run).toBeNull();
    }
  });

  it('thins a long run while reading: 20,000 steps, at most 1,000 points per curve', async () => {
    const rec = await readRecording(splitLines(chunks(recording(20_000), 65_536)), {
      source: 'long.ndjson',
    });
    expect(rec.stepCount).toBe(20_000);
    expect(rec.series.train.length).toBeLessThanOrEqual(1000);
    expect(rec.series.train.at(-1)?.step).toBe(20_000);
    expect(rec.summary?.final?.step).toBe(20_000);
  });

  it('skips a line with a __proto__ or constructor parameter; the curves keep the real ones', async () => {
    const lines = recording().split('\n');
    lines[3] = (lines[3] as string).replace('"norms":{', '"norms":{"__proto__":1,');
    lines[5] = (lines[5] as string).replace('"grad":{', '"grad":{"constructor":[1],');
    const rec = await readRecording(splitLines(chunks(lines.join('\n'), 64)), { source: 'p' });
    expect(rec.errors.map((e) => e.line)).toEqual([4, 6]);
    expect(rec.errors[0]?.reason).toMatch(/^norms\.__proto__: not a parameter of this run/);
    expect(Object.keys(rec.series.norms)).toEqual(['weight', 'bias']);
    expect(rec.stepCount).toBe(28);
  });
});
