import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One PyTorch reference case from test/fixtures (copied from shared/fixtures/pytorch). */
export interface Fixture {
  name: string;
  file: string;
  spec: Record<string, unknown>;
  expected?: {
    step: number;
    loss: { data: number; penalty: number; total: number };
    grad: Record<string, number[]>;
    params: Record<string, number[]>;
    val?: { loss: number };
  }[];
  expectedFinal?: Record<string, number[]>;
  tolerance: number;
}

export const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function loadFixtures(): Fixture[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      ...JSON.parse(readFileSync(join(fixtureDir, f), 'utf8')),
      file: join(fixtureDir, f),
    }));
}

/** |a − b| ≤ tol·max(1, |b|), the parity criterion. */
export function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/** The first mismatch between two flat arrays, or null. */
export function mismatch(
  actual: readonly number[] | undefined,
  expected: readonly number[],
  tol: number,
): string | null {
  if (!actual || actual.length !== expected.length)
    return `length ${actual?.length} vs ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    if (!close(actual[i] as number, expected[i] as number, tol))
      return `[${i}] ${actual[i]} vs ${expected[i]}`;
  }
  return null;
}
