import { describe, expect, it } from 'vitest';
import {
  comboAt,
  comboName,
  combos,
  gridSize,
  parseAxis,
  parseGrid,
  shardCount,
  shardIndices,
} from './grid.js';
import { parseShard } from './shard.js';

describe('grid', () => {
  const axes = [parseAxis('a=1,2,3'), parseAxis('b=x;[1,2];{"k":1}')];

  it('reads values as JSON, separated by ; when any is given so', () => {
    expect(axes[0]?.values).toEqual([1, 2, 3]);
    expect(axes[1]?.values).toEqual(['x', [1, 2], { k: 1 }]);
    expect(parseAxis('m=[8,8];').values).toEqual([[8, 8]]);
  });

  it('comboAt matches the eager enumeration, the last axis fastest', () => {
    const all = [...combos(axes)];
    expect(all).toHaveLength(gridSize(axes));
    for (const [i, c] of all.entries()) expect(comboAt(axes, i)).toEqual(c);
    expect(all[1]?.values).toEqual([1, [1, 2]]);
  });

  it('shards partition the grid, lazily, for any n', () => {
    const total = 1e9;
    for (const n of [1, 3, 7, 1_000_000]) {
      const first = shardIndices(total, { i: 1, n });
      expect(first.next().value).toBe(0);
      expect(first.next().value).toBe(n === 1 ? 1 : n);
      let sum = 0;
      for (let i = 1; i <= n; i++) sum += shardCount(total, { i, n });
      expect(sum).toBe(total);
    }
    const seen = new Set<number>();
    for (let i = 1; i <= 4; i++) for (const k of shardIndices(10, { i, n: 4 })) seen.add(k);
    expect([...seen].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
  });

  it('a path given twice (in any spelling) is an error', () => {
    expect(() => parseGrid(['a.b[0]=1', 'a.b.0=2'])).toThrow(/given twice/);
    expect(() => parseGrid(['__proto__.x=1'])).toThrow(/not a spec field/);
  });

  it('names are file-safe and short, and distinct for long values', () => {
    const long = [parseAxis(`name=${'x'.repeat(300)}a,${'x'.repeat(300)}b`)];
    const a = comboName(long, comboAt(long, 0), 2);
    const b = comboName(long, comboAt(long, 1), 2);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThan(60);
    expect(comboName(axes, comboAt(axes, 4), 9)).toBe('5-a=2,b=_1,2_');
  });
});

describe('--shard', () => {
  const none = {};
  it('reads i/n and refuses unsafe or out-of-range values', () => {
    expect(parseShard('2/4', { env: none })).toEqual({ i: 2, n: 4 });
    expect(parseShard(undefined, { env: none })).toBeNull();
    for (const bad of ['0/4', '5/4', '1/9007199254740993', 'a/b', '1/0', '-1/2', '1.5/2'])
      expect(() => parseShard(bad, { env: none }), bad).toThrow(/--shard/);
  });

  it('auto: Slurm (with MIN and STEP), Kubernetes and AWS Batch (with --shards)', () => {
    expect(
      parseShard('auto', {
        env: {
          SLURM_ARRAY_TASK_ID: '5',
          SLURM_ARRAY_TASK_COUNT: '3',
          SLURM_ARRAY_TASK_MIN: '1',
          SLURM_ARRAY_TASK_STEP: '2',
        },
      }),
    ).toEqual({ i: 3, n: 3 });
    expect(parseShard('auto', { env: { JOB_COMPLETION_INDEX: '0' }, shards: '8' })).toEqual({
      i: 1,
      n: 8,
    });
    expect(parseShard('auto', { env: { AWS_BATCH_JOB_ARRAY_INDEX: '7' }, shards: '8' })).toEqual({
      i: 8,
      n: 8,
    });
    expect(() => parseShard('auto', { env: { JOB_COMPLETION_INDEX: '0' } })).toThrow(
      /add --shards N/,
    );
    expect(() => parseShard('auto', { env: none })).toThrow(/no job-array index/);
    expect(() => parseShard('2/4', { env: none, shards: '4' })).toThrow(/only with --shard auto/);
  });
});
