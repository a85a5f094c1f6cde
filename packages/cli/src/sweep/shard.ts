import { usageError } from '../cli/cliError.js';
import type { Shard } from './grid.js';

/** The job-array variables `--shard auto` reads, in the order it tries them. */
export const SHARD_ENV = {
  slurm: [
    'SLURM_ARRAY_TASK_ID',
    'SLURM_ARRAY_TASK_COUNT',
    'SLURM_ARRAY_TASK_MIN',
    'SLURM_ARRAY_TASK_STEP',
  ],
  kubernetes: ['JOB_COMPLETION_INDEX'],
  awsBatch: ['AWS_BATCH_JOB_ARRAY_INDEX'],
} as const;

function safeInt(text: string | undefined, what: string, min: number): number {
  const n = Number(text);
  if (text === undefined || !/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min)
    throw usageError(`${what}: expected an integer ≥ ${min}, got ${JSON.stringify(text ?? '')}`);
  return n;
}

function checked(shard: Shard, what: string): Shard {
  if (shard.i < 1 || shard.i > shard.n)
    throw usageError(`${what}: shard ${shard.i} of ${shard.n} is out of range (1 ≤ i ≤ n)`);
  return shard;
}

/**
 * Reads `--shard i/n` (1-based i), or `--shard auto`: the index and count of a job array from
 * Slurm (SLURM_ARRAY_TASK_ID, _COUNT, _MIN, _STEP), a Kubernetes Indexed Job
 * (JOB_COMPLETION_INDEX, count from --shards N) or AWS Batch (AWS_BATCH_JOB_ARRAY_INDEX, count
 * from --shards N). Unsafe integers and a missing index are usage errors (exit 2).
 *
 * @example
 * parseShard('auto', { env: { JOB_COMPLETION_INDEX: '3' }, shards: '8' }) // { i: 4, n: 8 }
 */
export function parseShard(
  text: string | undefined,
  { env, shards }: { env: NodeJS.ProcessEnv; shards?: string },
): Shard | null {
  if (text === undefined) {
    if (shards !== undefined) throw usageError('--shards: only with --shard auto');
    return null;
  }
  if (text.trim() !== 'auto') {
    if (shards !== undefined)
      throw usageError('--shards: only with --shard auto (--shard i/n already gives n)');
    const m = /^\s*(\d+)\/(\d+)\s*$/.exec(text);
    if (!m)
      throw usageError(
        `--shard: expected i/n with 1 ≤ i ≤ n (e.g. 2/4) or auto, got ${JSON.stringify(text)}`,
      );
    return checked(
      { i: safeInt(m[1], '--shard i', 1), n: safeInt(m[2], '--shard n', 1) },
      '--shard',
    );
  }
  const count = shards === undefined ? undefined : safeInt(shards, '--shards', 1);
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = safeInt(env.SLURM_ARRAY_TASK_ID, 'SLURM_ARRAY_TASK_ID', 0);
    const min =
      env.SLURM_ARRAY_TASK_MIN === undefined
        ? 0
        : safeInt(env.SLURM_ARRAY_TASK_MIN, 'SLURM_ARRAY_TASK_MIN', 0);
    const step =
      env.SLURM_ARRAY_TASK_STEP === undefined
        ? 1
        : safeInt(env.SLURM_ARRAY_TASK_STEP, 'SLURM_ARRAY_TASK_STEP', 1);
    const n = count ?? safeInt(env.SLURM_ARRAY_TASK_COUNT, 'SLURM_ARRAY_TASK_COUNT', 1);
    if (id < min || (id - min) % step !== 0)
      throw usageError(
        `--shard auto: SLURM_ARRAY_TASK_ID=${id} is not in the array (min ${min}, step ${step})`,
      );
    return checked({ i: (id - min) / step + 1, n }, '--shard auto (Slurm)');
  }
  for (const [variable, runner] of [
    ['JOB_COMPLETION_INDEX', 'Kubernetes'],
    ['AWS_BATCH_JOB_ARRAY_INDEX', 'AWS Batch'],
  ] as const) {
    const value = env[variable];
    if (value === undefined) continue;
    const index = safeInt(value, variable, 0);
    if (count === undefined)
      throw usageError(
        `--shard auto: ${runner} gives ${variable}=${index} but not the count; add --shards N (the job's completions / array size)`,
      );
    return checked({ i: index + 1, n: count }, `--shard auto (${runner})`);
  }
  throw usageError(
    '--shard auto: no job-array index in the environment (expected SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX); outside a job array give --shard i/n',
  );
}
