// CLI start-up against `node -e 0`, measured in the same run: wall time of a fresh process,
// best of BENCH_STARTUP_ROUNDS (default 10) after 2 warm-up launches each, launches interleaved
// so that load from other processes hits every command alike.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'decaylab.js');
const rounds = Math.max(5, Number(process.env.BENCH_STARTUP_ROUNDS ?? 10));

const CASES = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'decaylab --version', args: [bin, '--version'], target: 1.8 },
  {
    label: 'decaylab run line --steps 1 --format summary',
    args: [bin, 'run', 'line', '--steps', '1', '--format', 'summary'],
  },
];

function launch(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/** Prints the start-up table; returns the ratios to `node -e 0`. */
export function startup() {
  const best = CASES.map(() => Infinity);
  for (let w = 0; w < 2; w++) for (const c of CASES) launch(c.args);
  for (let r = 0; r < rounds; r++)
    CASES.forEach((c, i) => {
      best[i] = Math.min(best[i], launch(c.args));
    });
  const base = best[0];
  console.log(`start-up, best of ${rounds} (load ${loadavg()[0].toFixed(2)})`);
  CASES.forEach((c, i) => {
    const ratio = best[i] / base;
    const target = c.target
      ? ` (target ≤ ${c.target}×: ${ratio <= c.target ? 'met' : 'NOT met'})`
      : '';
    console.log(
      `  ${c.label.padEnd(46)} ${best[i].toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}×${target}`,
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) startup();
