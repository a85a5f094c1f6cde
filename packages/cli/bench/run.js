// `npm run bench` in packages/cli: replay speed and memory against a plain readline + JSON.parse
// baseline measured in the same run, long lines (one ~50 MB line against a many-line file of the
// same size), and sweep speedup with worker threads against one worker.
// BENCH_BIG=1 adds a real ~1 GB recording (in the temp dir) for the peak-RSS target.
// First: start-up against `node -e 0` (bench/startup.js).
// BENCH_ONLY=startup,replay,lines,sweep runs only those parts; BENCH_LINE_MB sets the long line (50) and
// BENCH_STEPS the replay recording (200,000 steps).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startup } from './startup.js';

process.env.TURBO_TELEMETRY_DISABLED = '1';
const here = dirname(fileURLToPath(import.meta.url));
const measure = join(here, 'measure.js');
const bin = join(here, '..', 'bin', 'decaylab.js');
const big = process.env.BENCH_BIG === '1';
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const only = process.env.BENCH_ONLY?.split(',');
const want = (part) => !only || only.includes(part);
const lineMb = Number(process.env.BENCH_LINE_MB ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'decaylab-bench-'));
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Runs a measured task in a fresh node process; returns its wall time (ms) and peak RSS (KB). */
function run(task, args) {
  const r = spawnSync(process.execPath, [measure, task, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const m = /@@bench (.*)/.exec(r.stderr);
  if (!m) throw new Error(`bench task failed: ${task} ${args.join(' ')}\n${r.stderr}`);
  return { ...JSON.parse(m[1]), stdout: r.stdout, code: r.status };
}

function cli(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`decaylab ${args.join(' ')} failed: ${r.stderr}`);
  return { ms: performance.now() - t0, stdout: r.stdout };
}

const min = (xs) => Math.min(...xs);
const lines = [];
const report = (line) => {
  lines.push(line);
  console.log(line);
};

function replayVsBaseline(file, rounds) {
  const base = [];
  const replay = [];
  const baseCpu = [];
  const replayCpu = [];
  let rss = 0;
  let baseRss = 0;
  for (let i = 0; i < rounds; i++) {
    const b = run('baseline', [file]);
    const r = run('cli', ['replay', file, '--speed', 'max', '--format', 'summary']);
    if (r.code !== 0) throw new Error('replay failed');
    base.push(b.ms);
    replay.push(r.ms);
    baseCpu.push(b.cpuMs);
    replayCpu.push(r.cpuMs);
    rss = Math.max(rss, r.maxRssKb);
    baseRss = Math.max(baseRss, b.maxRssKb);
  }
  // CPU time too: on a loaded machine it is steadier than wall time.
  const cpuRatio = min(replayCpu) / min(baseCpu);
  return { base: min(base), replay: min(replay), rss, baseRss, cpuRatio };
}

console.log(
  `decaylab cli bench · node ${process.version} · ${availableParallelism()} cores · load ${loadavg()[0].toFixed(2)} · ${dir}`,
);
try {
  // 0. Start-up vs `node -e 0`.
  if (want('startup')) startup();
  if (want('replay')) {
    // 1. A recording of 200,000 steps.
    const steps = Number(process.env.BENCH_STEPS ?? 200_000);
    const rec = join(dir, 'r200k.ndjson');
    const gen = cli([
      'run',
      'overfitting',
      '--steps',
      String(steps),
      '--out',
      rec,
      '--format',
      'summary',
    ]);
    console.log(
      `generated ${steps.toLocaleString('en-US')} steps (${mb(statSync(rec).size)}) in ${(gen.ms / 1000).toFixed(1)}s`,
    );

    // 2. Replay vs a plain readline + JSON.parse loop, same file, same run (best of 3 each).
    const a = replayVsBaseline(rec, rounds);
    const ratio = a.replay / a.base;
    report(
      `replay --speed max --format summary: ${(a.replay / 1000).toFixed(2)}s · baseline readline+JSON.parse: ${(a.base / 1000).toFixed(2)}s · ratio ${ratio.toFixed(2)} (target ≤ 2; CPU time ${a.cpuRatio.toFixed(2)})`,
    );
    report(
      `peak RSS replaying ${mb(statSync(rec).size)}: ${(a.rss / 1024).toFixed(0)} MB (baseline ${(a.baseRss / 1024).toFixed(0)} MB)`,
    );

    // 3. Memory stays flat: a recording twice as long.
    const rec2 = join(dir, 'r400k.ndjson');
    cli(['run', 'overfitting', '--steps', String(2 * steps), '--out', rec2, '--format', 'summary']);
    const b = replayVsBaseline(rec2, 1);
    rmSync(rec2);
    report(
      `peak RSS replaying ${mb(statSync(join(dir, 'r200k.ndjson')).size * 2)}: ${(b.rss / 1024).toFixed(0)} MB (flat: ${(b.rss / a.rss).toFixed(2)}× the RSS for 2× the file) · ratio ${(b.replay / b.base).toFixed(2)}`,
    );

    // 4. The 1 GB recording (BENCH_BIG=1).
    if (big) {
      const huge = join(dir, 'r1g.ndjson');
      cli(['run', 'overfitting', '--steps', '1450000', '--out', huge, '--format', 'summary']);
      const c = replayVsBaseline(huge, 1);
      report(
        `peak RSS replaying a real ${mb(statSync(huge).size)} recording: ${(c.rss / 1024).toFixed(0)} MB (target ≤ 200 MB) · ratio ${(c.replay / c.base).toFixed(2)} (${(c.replay / 1000).toFixed(1)}s vs ${(c.base / 1000).toFixed(1)}s)`,
      );
      rmSync(huge);
    } else {
      console.log(
        '(set BENCH_BIG=1 to replay a real 1 GB recording; without it the 1 GB figure is not measured)',
      );
    }
  }

  // 5. Long lines in linear time: a recording whose step event is one ~50 MB line (an MLP with
  // hidden [w, w]: grad, decayGrad and params of w² values, ~60 bytes each) against a many-line
  // recording of the same size, each also against readline + JSON.parse on the same file.
  if (want('lines')) {
    const w = Math.round(Math.sqrt((lineMb * 2 ** 20) / 60));
    const spec = join(dir, 'wide.json');
    writeFileSync(
      spec,
      JSON.stringify({
        name: 'wide',
        data: { kind: 'line', n: 8, nVal: 4 },
        model: { kind: 'mlp', hidden: [w, w], activation: 'tanh' },
        optimizer: { kind: 'sgd', lr: 0.01, weightDecay: 0.01 },
        steps: 1,
      }),
    );
    const wide = join(dir, 'wide.ndjson');
    cli(['run', spec, '--out', wide, '--format', 'summary']);
    const longest = Math.max(
      ...readFileSync(wide, 'utf8')
        .split('\n')
        .map((l) => l.length),
    );
    const size = statSync(wide).size;
    const probe = join(dir, 'probe.ndjson');
    cli(['run', 'overfitting', '--steps', '2000', '--out', probe, '--format', 'summary']);
    const perStep = statSync(probe).size / 2000;
    const many = join(dir, 'many.ndjson');
    cli([
      'run',
      'overfitting',
      '--steps',
      String(Math.round(size / perStep)),
      '--out',
      many,
      '--format',
      'summary',
    ]);
    const a = replayVsBaseline(wide, rounds);
    const b = replayVsBaseline(many, rounds);
    report(
      `long lines: ${mb(size)} with one ${mb(longest)} line replays in ${(a.replay / 1000).toFixed(2)}s · ${mb(statSync(many).size)} in ${(statSync(many).size / perStep).toFixed(0)} lines in ${(b.replay / 1000).toFixed(2)}s · ratio ${(a.replay / b.replay).toFixed(2)} (linear: ≈ 1)`,
    );
    report(
      `long lines vs readline+JSON.parse on the same file: one long line ${(a.replay / a.base).toFixed(2)}× (${(a.base / 1000).toFixed(2)}s; CPU ${a.cpuRatio.toFixed(2)}×) · many lines ${(b.replay / b.base).toFixed(2)}× (${(b.base / 1000).toFixed(2)}s; CPU ${b.cpuRatio.toFixed(2)}×) (target ≤ 2) · peak RSS ${(a.rss / 1024).toFixed(0)} MB vs ${(b.rss / 1024).toFixed(0)} MB`,
    );
    for (const f of [wide, many, probe]) rmSync(f);
  }

  // 6. A sweep of 8 values: worker threads (one per core) vs one worker, best of BENCH_ROUNDS (3) each.
  if (want('sweep')) {
    const grid = [
      '--grid',
      'optimizer.weightDecay=0,1e-5,1e-4,3e-4,1e-3,3e-3,1e-2,1e-1',
      '--steps',
      '100000',
    ];
    const seq = [];
    const par = [];
    for (let i = 0; i < rounds; i++) {
      seq.push(run('cli', ['sweep', 'overfitting', ...grid, '--workers', '1']));
      par.push(run('cli', ['sweep', 'overfitting', ...grid]));
    }
    const best = (xs) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const s1 = best(seq);
    const s2 = best(par);
    report(
      `sweep of 8 values: ${availableParallelism()} workers ${(s2.ms / 1000).toFixed(2)}s vs 1 worker ${(s1.ms / 1000).toFixed(2)}s · ` +
        `speedup ${(s1.ms / s2.ms).toFixed(2)}× (target ≥ 1.6× on 2 cores) · CPU busy ${(s2.cpuMs / s2.ms).toFixed(2)} vs ${(s1.cpuMs / s1.ms).toFixed(2)} cores`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `load average at the end: ${loadavg()[0].toFixed(2)} (other processes on this machine skew timings)`,
);
