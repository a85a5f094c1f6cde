import { logTicks } from '@decaylab/charts/data';
import { DecayWidget } from '../_shared/DecayWidget';
import { formatValue } from '../_shared/format';
import { type SweepJob, SweepQueue } from './SweepQueue';
import {
  BAND_SEEDS,
  type BandPoint,
  bandOf,
  type FinalLosses,
  isU,
  lambdaGrid,
  SWEEP_AXES,
  type SweepOptimizer,
  type SweepPoint,
  sweepSpec,
  sweetSpot,
} from './sweep';

const OPTIMIZERS: readonly SweepOptimizer[] = ['sgd', 'adamw'];
const key = (o: SweepOptimizer, n: number, seed: number, lambda: number) =>
  `${o}:${n}:${seed}:${lambda}`;
const exp = (v: number) => formatValue(v, 'exp');
const f3 = (v: number) => formatValue(v, 'sig');

/**
 * Chapter 7: a λ sweep per optimizer (SGD + momentum with coupled weight_decay, and AdamW),
 * each on its own λ axis, every point a full `train()` run in a Web Worker. Each chart shows the
 * reader's seed as one curve next to the mean and the 10th–90th percentile band over the seeds
 * in BAND_SEEDS, and shades the sweet spot computed from that mean. Seeds and training-set sizes
 * the reader visits stay as faint ghosts.
 *
 * Play/Pause, Step and Reset act on the sweep (one run per Step).
 */
export class SweepWidget extends DecayWidget {
  private sweep: SweepQueue | null = null;
  private points = new Map<string, SweepPoint>();
  private pending = new Map<string, Omit<SweepPoint, 'val' | 'train'>>();
  private visitedSeeds = new Set<number>();
  private visitedN = new Set<number>();
  private total = 0;
  private divergedNote = false;
  private readonly onControl = (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const action = button?.dataset.action;
    if (!action || !['play', 'step', 'reset'].includes(action) || !this.sweep) return;
    event.stopImmediatePropagation();
    if (action === 'reset') {
      this.sweep.dispose();
      this.sweep = null;
      this.points.clear();
      this.start();
      // start() made a new queue (TypeScript still narrows this.sweep to null here).
      (this.sweep as SweepQueue | null)?.pause();
    } else if (action === 'step') this.sweep.step();
    else if (this.sweep.state === 'playing') this.sweep.pause();
    else this.sweep.play();
    this.sync();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', this.onControl, { capture: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.onControl, { capture: true });
    this.sweep?.dispose();
    this.sweep = null;
  }

  protected start(): void {
    this.sweep ??= new SweepQueue({
      onResult: (k, losses) => this.result(k, losses),
      onChange: (error) => {
        if (error) this.status(error);
        this.sync();
      },
      t: this.t,
    });
    const n = this.value('n');
    const seed = this.seed;
    this.visitedSeeds.add(seed);
    this.visitedN.add(n);
    this.pending.clear();
    const jobs: SweepJob[] = [];
    // The reader's seed first (one curve per optimizer), then the band's seeds.
    for (const s of [seed, ...BAND_SEEDS.filter((b) => b !== seed)]) {
      for (const optimizer of OPTIMIZERS) {
        for (const lambda of lambdaGrid(SWEEP_AXES[optimizer])) {
          const k = key(optimizer, n, s, lambda);
          this.pending.set(k, { optimizer, n, seed: s, lambda });
          jobs.push({ key: k, spec: sweepSpec({ optimizer, lambda, n, seed: s }) });
        }
      }
    }
    this.total = jobs.length;
    this.sweep.set(jobs);
    this.sync();
    this.invalidate();
  }

  protected onEvent(): void {}

  private result(k: string, losses: FinalLosses): void {
    const p = this.pending.get(k);
    if (!p) return;
    this.points.set(k, { ...p, val: losses.val, train: losses.train, diverged: losses.diverged });
    this.invalidate();
  }

  private sync(): void {
    const state = this.sweep?.state ?? 'done';
    this.dataset.state = state;
    const play = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (play) {
      play.textContent = state === 'playing' ? 'Pause' : state === 'paused' ? 'Play' : 'Replay';
      play.setAttribute('aria-pressed', String(state === 'playing'));
    }
  }

  /** The current points of one optimizer, n and seed, in λ order. */
  private curve(optimizer: SweepOptimizer, n: number, seed: number): SweepPoint[] {
    return lambdaGrid(SWEEP_AXES[optimizer])
      .map((lambda) => this.points.get(key(optimizer, n, seed, lambda)))
      .filter((p): p is SweepPoint => !!p && !p.diverged);
  }

  private band(optimizer: SweepOptimizer, n: number): BandPoint[] {
    return bandOf(BAND_SEEDS.flatMap((s) => this.curve(optimizer, n, s)));
  }

  protected draw(): void {
    const n = this.value('n');
    const seed = this.seed;
    const shown = [...this.points.values()].flatMap((p) => [p.val, p.train]);
    const finite = shown.filter((v) => v > 0 && Number.isFinite(v));
    const lo = finite.length ? Math.min(...finite) * 0.8 : 0.05;
    const hi = finite.length ? Math.min(1e3, Math.max(...finite) * 1.25) : 2;
    let done = 0;
    for (const optimizer of OPTIMIZERS) {
      this.drawOne(optimizer, n, seed, [lo, hi]);
      done += BAND_SEEDS.concat(BAND_SEEDS.includes(seed) ? [] : [seed]).reduce(
        (s, b) => s + this.curve(optimizer, n, b).length,
        0,
      );
    }
    const diverged = [...this.points.values()].filter((p) => p.diverged && p.n === n);
    this.readout(
      'progress',
      this.t('sweep.runs', {
        done: Math.min(done + diverged.length, this.total),
        total: this.total,
      }),
    );
    if (diverged.length) {
      const d = diverged[0] as SweepPoint;
      this.status(
        this.t('sweep.diverged', {
          count: diverged.length,
          optimizer: d.optimizer === 'sgd' ? 'SGD' : 'AdamW',
          lambda: exp(d.lambda),
          seed: d.seed,
        }),
      );
      this.divergedNote = true;
    } else if (this.divergedNote) {
      this.status('');
      this.divergedNote = false;
    }
  }

  private drawOne(optimizer: SweepOptimizer, n: number, seed: number, y: [number, number]): void {
    const { Plot, theme: t } = this;
    const axis = SWEEP_AXES[optimizer];
    const band = this.band(optimizer, n);
    const complete = band.filter((b) => b.count === BAND_SEEDS.length);
    const spot = complete.length === axis.count ? sweetSpot(complete) : undefined;
    const mine = this.curve(optimizer, n, seed);
    const best =
      mine.length === axis.count ? mine.reduce((a, p) => (p.val < a.val ? p : a)) : undefined;
    const ghosts = [...this.visitedSeeds]
      .filter((s) => s !== seed)
      .flatMap((s) => this.curve(optimizer, n, s));
    const ghostMeans = [...this.visitedN]
      .filter((m) => m !== n)
      .flatMap((m) =>
        this.band(optimizer, m)
          .filter((b) => b.count === BAND_SEEDS.length)
          .map((b) => ({ ...b, n: `${m} examples` })),
      );
    this.legend(optimizer, [
      { label: this.t('sweep.seed', { seed }), color: t.c2 },
      {
        label: this.t('sweep.mean', { first: BAND_SEEDS[0] ?? 0, last: BAND_SEEDS.at(-1) ?? 0 }),
        color: t.c1,
      },
      { label: this.t('sweep.band'), color: t.c1, dot: true },
      { label: this.t('sweep.seedTrain', { seed }), color: t.muted, dashed: true },
      ...(spot ? [{ label: this.t('sweep.spot'), color: t.c3, dot: true }] : []),
      ...(ghosts.length || ghostMeans.length
        ? [{ label: this.t('sweep.ghosts'), color: t.muted, dot: true }]
        : []),
    ]);
    const [y0, y1] = y;
    this.render(
      optimizer,
      Plot.plot({
        ...this.frame(optimizer),
        marginLeft: 44,
        marginBottom: 40,
        marginRight: 12,
        x: {
          type: 'log',
          domain: [axis.from, axis.to],
          label: this.t('sweep.axisLambda', { optimizer: optimizer === 'sgd' ? 'SGD' : 'AdamW' }),
          ticks: logTicks(axis.from, axis.to, { count: 6 }),
          tickFormat: exp,
        },
        y: {
          type: 'log',
          domain: [y0, y1],
          label: this.t('sweep.axisLoss'),
          grid: true,
          ticks: logTicks(y0, y1),
          tickFormat: '~g',
        },
        marks: [
          spot
            ? Plot.areaY([{ x: spot.from }, { x: spot.to }], {
                x: 'x',
                y1: y0,
                y2: y1,
                fill: t.c3,
                fillOpacity: 0.14,
              })
            : Plot.areaY([], { x: 'x', y: 'y' }),
          Plot.areaY(band, {
            x: 'lambda',
            y1: (b: BandPoint) => Math.max(y0, b.p10),
            y2: (b: BandPoint) => Math.min(y1, b.p90),
            fill: t.c1,
            fillOpacity: 0.16,
          }),
          Plot.line(ghostMeans, {
            x: 'lambda',
            y: 'mean',
            z: 'n',
            stroke: t.muted,
            strokeOpacity: 0.6,
            strokeDasharray: '2 3',
          }),
          Plot.dot(ghosts, { x: 'lambda', y: 'val', fill: t.muted, fillOpacity: 0.45, r: 2 }),
          Plot.line(band, { x: 'lambda', y: 'mean', stroke: t.c1, strokeWidth: 2.5 }),
          Plot.line(mine, {
            x: 'lambda',
            y: 'train',
            stroke: t.muted,
            strokeDasharray: '3 3',
            clip: true,
          }),
          Plot.line(mine, { x: 'lambda', y: 'val', stroke: t.c2, strokeWidth: 1.5, clip: true }),
          Plot.dot(mine, { x: 'lambda', y: 'val', fill: t.c2, r: 2.5, clip: true }),
          Plot.dot(best ? [best] : [], {
            x: 'lambda',
            y: 'val',
            stroke: t.fg,
            r: 6,
            strokeWidth: 1.5,
          }),
        ],
      }),
    );
    const us = BAND_SEEDS.filter((s) => {
      const c = this.curve(optimizer, n, s);
      return c.length === axis.count && isU(c);
    }).length;
    const bestMean = spot && complete.find((b) => b.lambda === spot.best);
    this.readout(
      optimizer,
      spot && bestMean
        ? this.t('sweep.summary', {
            best: exp(spot.best),
            mean: f3(bestMean.mean),
            from: exp(spot.from),
            to: exp(spot.to),
            us,
            seeds: BAND_SEEDS.length,
          })
        : '…',
    );
    this.readout(
      `${optimizer}Seed`,
      best
        ? `λ = ${exp(best.lambda)}: ${f3(best.val)} (λ = ${exp(axis.from)}: ${f3(mine[0]?.val ?? Number.NaN)}, λ = ${exp(axis.to)}: ${f3(mine.at(-1)?.val ?? Number.NaN)})`
        : '…',
    );
  }
}

customElements.define('dl-sweep', SweepWidget);
