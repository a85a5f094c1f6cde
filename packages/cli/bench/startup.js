// CLI start-up against `node -e 0`, measured in the same run: the wall time of a fresh process
// and its CPU time (user + system, reported at exit by cpuAtExit.cjs, preloaded into every
// launch alike; other processes' load inflates it far less than wall time), best of
// BENCH_STARTUP_ROUNDS (default 10) after 2 warm-up launches each, launches interleaved.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'decaylab.js');
const preload = ['--require', join(here, 'cpuAtExit.cjs')];
const rounds = Math.max(5, Number(process.env.BENCH_STARTUP_ROUNDS ?? 10));

const CASES = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'decaylab --version', args: [bin, '--version'], target: 1.8 },
  {
    label: 'decaylab run line --steps 1 --format summary',
    args: [bin, 'run', 'line', '--steps', '1', '--format', 'summary'],
  },
];

/** Wall and CPU milliseconds of one launch. */
function launch(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...preload, ...args], { encoding: 'utf8' });
  const wall = performance.now() - t0;
  const cpu = /@@cpu (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !cpu) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return { wall, cpu: Number(cpu[1]) / 1000 };
}

/** Prints the start-up table. */
export function startup() {
  const wall = CASES.map(() => Infinity);
  const cpu = CASES.map(() => Infinity);
  for (let w = 0; w < 2; w++) for (const c of CASES) launch(c.args);
  for (let r = 0; r < rounds; r++)
    CASES.forEach((c, i) => {
      const t = launch(c.args);
      wall[i] = Math.min(wall[i], t.wall);
      cpu[i] = Math.min(cpu[i], t.cpu);
    });
  console.log(
    `start-up, best of ${rounds} (load ${loadavg()[0].toFixed(2)}): wall time and CPU time`,
  );
  const verdict = (r, t) => (r <= t ? 'met' : 'NOT met');
  CASES.forEach((c, i) => {
    const rw = wall[i] / wall[0];
    const rc = cpu[i] / cpu[0];
    const target = c.target
      ? ` (target ≤ ${c.target}×: wall ${verdict(rw, c.target)}, CPU ${verdict(rc, c.target)})`
      : '';
    console.log(
      `  ${c.label.padEnd(46)} wall ${wall[i].toFixed(0).padStart(4)} ms ${rw.toFixed(2)}×  CPU ${cpu[i].toFixed(0).padStart(4)} ms ${rc.toFixed(2)}×${target}`,
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) startup();
