import { DecayWidget } from '../_shared/DecayWidget';
import { formatValue } from '../_shared/format';
import { contourLevels, ellipse, penaltyBall } from './contours';
import { exactOptimum, type PenaltyKind, penaltyAt } from './exactOptimum';
import { geometrySpec } from './geometrySpec';
import { lossAt, quadratic, type Vec2 } from './quadratic';
import { startPoint } from './startPoint';
import { PLANE_LIMIT, weightPlane } from './weightPlane';

type RunEvent = import('../_shared/engine').RunEvent;

/** The plane shown: w₁, w₂ ∈ [−LIMIT, LIMIT]. */
const LIMIT = PLANE_LIMIT;
const LEVELS = contourLevels({ first: 0.04, ratio: 2, count: 9 });
/** Three decimals, but an exact zero prints as `0` (L1's corner), and −0.000 as 0.000. */
const fmt = (v: number) => (v === 0 ? '0' : formatValue(v, 'fixed3').replace(/^-0\.000$/, '0.000'));
const pair = (w: Vec2) => `(${fmt(w[0])}, ${fmt(w[1])})`;

/**
 * Chapter 5: the two-weight problem. Draws the ellipses of L0, the L2 circle or L1 diamond
 * through the exact regularized optimum, and the engine's SGD trajectory streaming on top. The
 * unregularized optimum w* is a handle the reader drags (pointer) or moves (arrow keys).
 *
 * Controls: `lambda` (slider), `l1` (toggle), and hidden inputs `wx`, `wy` holding w* so that
 * the base class keeps it in the URL like any other control.
 */
export class GeometryWidget extends DecayWidget {
  protected override stepsPerFrame = 4;
  protected override stepSize = 5;
  private path: Vec2[] = [];
  private steps: { step: number; w1: number; w2: number }[] = [];
  private scales: {
    x: (v: number) => number;
    y: (v: number) => number;
    ix: (p: number) => number;
    iy: (p: number) => number;
  } | null = null;
  private dragging = false;
  /** Removes the handle's listeners when the element leaves the page. */
  private handleListeners: AbortController | null = null;
  private cached: { key: string; w: Vec2 } | null = null;

  override connectedCallback(): void {
    for (const [name, value] of [
      ['wx', '2'],
      ['wy', '0.6'],
    ] as const) {
      if (!this.querySelector(`input[data-name="${name}"]`)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.dataset.name = name;
        input.min = String(-LIMIT + 0.2);
        input.max = String(LIMIT - 0.2);
        input.value = value;
        this.append(input);
      }
    }
    super.connectedCallback();
    const slot = this.querySelector<HTMLElement>('[data-chart="plane"]');
    this.handleListeners?.abort();
    this.handleListeners = new AbortController();
    if (slot) this.wireHandle(slot, this.handleListeners.signal);
  }

  private get kind(): PenaltyKind {
    return this.flag('l1') ? 'l1' : 'l2';
  }

  private get wStar(): Vec2 {
    return [this.value('wx'), this.value('wy')];
  }

  protected start(): void {
    const problem = quadratic({ wStar: this.wStar });
    const begin = startPoint(this.seed);
    this.path = [begin];
    this.steps = [];
    this.run([
      geometrySpec({
        problem,
        penalty: this.kind,
        lambda: this.value('lambda'),
        start: begin,
        seed: this.seed,
      }),
    ]);
  }

  protected onEvent(event: RunEvent): void {
    if (event.type !== 'step') return;
    const w = event.params.weight as readonly number[];
    const p: Vec2 = [w[0] as number, w[1] as number];
    this.path.push(p);
    this.steps.push({ step: event.step, w1: p[0], w2: p[1] });
  }

  protected draw(): void {
    const Plot = this.Plot;
    const t = this.theme;
    const kind = this.kind;
    const lambda = this.value('lambda');
    const q = quadratic({ wStar: this.wStar });
    const opt = this.optimum(q, kind, lambda);
    const radius = kind === 'l2' ? Math.hypot(opt[0], opt[1]) : Math.abs(opt[0]) + Math.abs(opt[1]);
    const contours = LEVELS.flatMap((level) =>
      ellipse(q, level, { n: 72 }).map(([x, y]) => ({ x, y, level })),
    );
    const touching = ellipse(q, lossAt(q, opt), { n: 120 });
    const ball = penaltyBall(kind, radius, { n: 120 });
    const here = this.path.at(-1) ?? opt;
    const frame = this.frame('plane');
    const svg = Plot.plot({
      ...frame,
      ...weightPlane(frame),
      marks: [
        Plot.ruleX([0], { stroke: t.grid }),
        Plot.ruleY([0], { stroke: t.grid }),
        Plot.line(contours, {
          x: 'x',
          y: 'y',
          z: 'level',
          stroke: t.muted,
          strokeOpacity: 0.55,
          clip: true,
        }),
        Plot.line(ball, {
          x: (d: Vec2) => d[0],
          y: (d: Vec2) => d[1],
          stroke: t.c2,
          strokeWidth: 2,
          clip: true,
        }),
        Plot.line(touching, {
          x: (d: Vec2) => d[0],
          y: (d: Vec2) => d[1],
          stroke: t.c1,
          strokeWidth: 1.5,
          clip: true,
        }),
        Plot.line(this.path, {
          x: (d: Vec2) => d[0],
          y: (d: Vec2) => d[1],
          stroke: t.c3,
          strokeWidth: 1.5,
          clip: true,
        }),
        Plot.dot(this.path.slice(0, 1), {
          x: (d: Vec2) => d[0],
          y: (d: Vec2) => d[1],
          r: 3,
          fill: t.c3,
        }),
        Plot.dot([here], {
          x: (d: Vec2) => d[0],
          y: (d: Vec2) => d[1],
          r: 4,
          fill: t.c3,
          stroke: t.fg,
          strokeWidth: 0.5,
          clip: true,
        }),
        Plot.dot([opt], {
          x: (d: Vec2) => d[0],
          y: (d: Vec2) => d[1],
          r: 5,
          fill: t.c2,
          stroke: t.fg,
          strokeWidth: 1,
        }),
        Plot.text([opt], {
          x: (d: Vec2) => d[0],
          y: (d: Vec2) => d[1],
          text: () => `wλ ${pair(opt)}`,
          dy: 14,
          fill: t.fg,
          stroke: 'var(--sl-color-bg-nav)',
          strokeWidth: 3,
          paintOrder: 'stroke',
        }),
      ],
    });
    const hadFocus = this.querySelector('[data-handle]') === document.activeElement;
    this.render('plane', svg, { interactive: true });
    this.attachHandle(svg, { focus: hadFocus });
    this.drawWeights(opt);
    const last = this.steps.at(-1);
    this.readout('optimum', pair(opt));
    this.readout(
      'engine',
      last ? this.t('geometry.after', { w: pair([last.w1, last.w2]), steps: last.step }) : '…',
    );
    this.readout(
      'distance',
      last ? formatValue(Math.hypot(last.w1 - opt[0], last.w2 - opt[1]), 'exp') : '…',
    );
    this.readout('objective', formatValue(lossAt(q, opt) + penaltyAt(kind, lambda, opt), 'sig'));
  }

  /**
   * The exact regularized optimum: for L2 the engine's own closed form (`ridgeSolution` of the
   * very spec being trained), for L1 the exact two-dimensional solution (`l1Optimum`).
   */
  private optimum(q: ReturnType<typeof quadratic>, kind: PenaltyKind, lambda: number): Vec2 {
    const key = `${kind}:${lambda}:${q.wStar.join(',')}`;
    if (this.cached?.key === key) return this.cached.w;
    let w = exactOptimum(q, kind, lambda);
    if (kind === 'l2') {
      const ridge = this.engine.ridgeSolution(geometrySpec({ problem: q, penalty: 'l2', lambda }));
      w = [ridge.weight[0] as number, ridge.weight[1] as number];
    }
    this.cached = { key, w };
    return w;
  }

  private drawWeights(opt: Vec2): void {
    const Plot = this.Plot;
    const t = this.theme;
    const rows = this.steps.flatMap((s) => [
      { step: s.step, value: s.w1, weight: 'w₁' },
      { step: s.step, value: s.w2, weight: 'w₂' },
    ]);
    this.legend('weights', [
      { label: 'w₁', color: t.c1 },
      { label: 'w₂', color: t.c3 },
      { label: this.t('geometry.exact'), color: t.c2, dashed: true },
    ]);
    this.render(
      'weights',
      Plot.plot({
        ...this.frame('weights'),
        marginLeft: 36,
        marginRight: 12,
        x: { label: this.t('axis.step'), domain: [0, 300], ticks: 3 },
        y: { label: this.t('axis.weight'), domain: [-LIMIT, LIMIT], grid: true },
        color: { domain: ['w₁', 'w₂'], range: [t.c1, t.c3], legend: false },
        marks: [
          Plot.ruleY([0], { stroke: t.grid }),
          Plot.ruleY(opt, { stroke: t.c2, strokeDasharray: '4 3' }),
          Plot.lineY(rows, {
            x: 'step',
            y: 'value',
            z: 'weight',
            stroke: 'weight',
            strokeWidth: 1.5,
          }),
          // No text labels on the lines: when w₁ ≈ w₂ (or both are 0) they would overlap. The
          // legend above the chart names them instead.
        ],
      }),
    );
  }

  /** Adds the draggable, focusable w* handle to a freshly drawn plane. */
  private attachHandle(
    svg: Element & {
      scale?: (
        name: 'x' | 'y',
      ) => { apply(v: number): number; invert?(p: number): number } | undefined;
    },
    { focus = false }: { focus?: boolean } = {},
  ): void {
    const sx = svg.scale?.('x');
    const sy = svg.scale?.('y');
    if (!sx?.invert || !sy?.invert) return;
    const invertX = sx.invert.bind(sx);
    const invertY = sy.invert.bind(sy);
    this.scales = {
      x: (v) => sx.apply(v),
      y: (v) => sy.apply(v),
      ix: (p) => invertX(p),
      iy: (p) => invertY(p),
    };
    const [wx, wy] = this.wStar;
    const ns = 'http://www.w3.org/2000/svg';
    const g = document.createElementNS(ns, 'g');
    g.setAttribute('data-handle', '');
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'slider');
    g.setAttribute('aria-roledescription', this.t('geometry.handleRole'));
    g.setAttribute('aria-label', this.t('geometry.handle'));
    g.setAttribute('aria-valuemin', String(-LIMIT));
    g.setAttribute('aria-valuemax', String(LIMIT));
    g.setAttribute('aria-valuenow', String(wx));
    g.setAttribute('aria-valuetext', `w* = (${wx.toFixed(2)}, ${wy.toFixed(2)})`);
    g.setAttribute('transform', `translate(${sx.apply(wx)},${sy.apply(wy)})`);
    g.style.cursor = 'grab';
    g.style.touchAction = 'none';
    const hit = document.createElementNS(ns, 'circle');
    hit.setAttribute('r', '16');
    hit.setAttribute('fill', 'transparent');
    const mark = document.createElementNS(ns, 'path');
    mark.setAttribute('d', 'M-7,0H7M0,-7V7');
    mark.setAttribute('stroke', this.theme.fg);
    mark.setAttribute('stroke-width', '2.5');
    const ring = document.createElementNS(ns, 'circle');
    ring.setAttribute('r', '7');
    ring.setAttribute('fill', 'none');
    ring.setAttribute('stroke', this.theme.fg);
    ring.setAttribute('stroke-width', '1.5');
    const label = document.createElementNS(ns, 'text');
    label.textContent = 'w*';
    label.setAttribute('x', '10');
    label.setAttribute('y', '-10');
    label.setAttribute('fill', this.theme.fg);
    label.setAttribute('font-weight', '600');
    g.append(hit, ring, mark, label);
    svg.append(g);
    if (focus) g.focus({ preventScroll: true });
  }

  /** Pointer and keyboard handling for w*, on the chart slot (which outlives each redraw). */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.handleListeners?.abort();
    this.handleListeners = null;
  }

  private wireHandle(slot: HTMLElement, signal: AbortSignal): void {
    const moveTo = (w: Vec2) => {
      const clamp = (v: number) =>
        Math.min(LIMIT - 0.2, Math.max(-LIMIT + 0.2, Math.round(v * 100) / 100));
      const x = this.querySelector<HTMLInputElement>('input[data-name="wx"]');
      const y = this.querySelector<HTMLInputElement>('input[data-name="wy"]');
      if (!x || !y) return;
      x.value = String(clamp(w[0]));
      y.value = String(clamp(w[1]));
      // The base class treats this like any control change: URL, timing mark, restart.
      x.dispatchEvent(new Event('input', { bubbles: true }));
      y.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const fromPointer = (e: PointerEvent): Vec2 | null => {
      const svg = slot.querySelector('svg');
      if (!svg || !this.scales) return null;
      const box = svg.getBoundingClientRect();
      const scaleX = box.width ? svg.viewBox.baseVal?.width / box.width || 1 : 1;
      const scaleY = box.height ? svg.viewBox.baseVal?.height / box.height || 1 : 1;
      return [
        this.scales.ix((e.clientX - box.left) * scaleX),
        this.scales.iy((e.clientY - box.top) * scaleY),
      ];
    };
    slot.addEventListener(
      'pointerdown',
      (e) => {
        if (!(e.target as Element).closest('[data-handle]')) return;
        this.dragging = true;
        slot.setPointerCapture(e.pointerId);
        e.preventDefault();
      },
      { signal },
    );
    slot.addEventListener(
      'pointermove',
      (e) => {
        if (!this.dragging) return;
        const w = fromPointer(e);
        if (w) moveTo(w);
      },
      { signal },
    );
    const end = (e: PointerEvent) => {
      if (!this.dragging) return;
      this.dragging = false;
      if (slot.hasPointerCapture(e.pointerId)) slot.releasePointerCapture(e.pointerId);
    };
    slot.addEventListener('pointerup', end, { signal });
    slot.addEventListener('pointercancel', end, { signal });
    slot.addEventListener(
      'keydown',
      (e) => {
        if (!(e.target as Element).closest('[data-handle]')) return;
        const d = e.shiftKey ? 0.5 : 0.1;
        const moves: Record<string, Vec2> = {
          ArrowLeft: [-d, 0],
          ArrowRight: [d, 0],
          ArrowUp: [0, d],
          ArrowDown: [0, -d],
        };
        const move = moves[e.key];
        if (!move) return;
        e.preventDefault();
        const [wx, wy] = this.wStar;
        moveTo([wx + move[0], wy + move[1]]);
      },
      { signal },
    );
  }
}

customElements.define('dl-geometry', GeometryWidget);
