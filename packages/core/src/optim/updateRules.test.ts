import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepTrace } from '../engine/stepTrace.js';
import { ADAM_DEFAULTS, SGD_DEFAULTS } from '../spec/defaults.js';
import { adamState, adamUpdate } from './adamUpdate.js';
import { sgdUpdate } from './sgdUpdate.js';

// The update rules report the decay they apply, in the same loop that applies it: the trace
// must hold exactly that term at θ before the step, and tracing must not change the step.

const vec = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 8 });
const rate = fc.double({ min: 1e-4, max: 0.5, noNaN: true });

describe('sgdUpdate', () => {
  it('adds its coupled weightDecay·θ to decayGrad (after what is there) and steps the same untraced', () => {
    fc.assert(
      fc.property(vec, rate, rate, fc.boolean(), (values, lr, wd, momentum) => {
        const theta = Float64Array.from(values);
        const grad = theta.map((t) => Math.sin(t));
        const hyper = { ...SGD_DEFAULTS, lr, weightDecay: wd, momentum: momentum ? 0.9 : 0 };
        const untraced = theta.slice();
        const at = { grad, offset: 0, size: theta.length };
        const buf = () => (momentum ? new Float64Array(theta.length) : null);
        const trace = stepTrace(theta.length);
        trace.decayGrad.fill(0.25); // a penalty's term, written first
        sgdUpdate({ ...at, theta, trace }, { hyper, momentumBuffer: buf(), first: true });
        sgdUpdate(
          { ...at, theta: untraced, trace: null },
          { hyper, momentumBuffer: buf(), first: true },
        );
        expect(Array.from(theta)).toEqual(Array.from(untraced));
        values.forEach((t, i) => {
          expect(trace.decayGrad[i]).toBe(0.25 + wd * t);
        });
        expect(trace.decoupledDecay.every((v) => v === 0)).toBe(true);
      }),
    );
  });
});

describe('adamUpdate', () => {
  it('decoupled: writes lr·λ·θ (θ before the shrink) to decoupledDecay; coupled: adds λθ to decayGrad', () => {
    fc.assert(
      fc.property(vec, rate, rate, fc.boolean(), (values, lr, wd, decoupled) => {
        const hyper = { ...ADAM_DEFAULTS, lr, weightDecay: wd };
        const run = (trace: ReturnType<typeof stepTrace> | null) => {
          const theta = Float64Array.from(values);
          const state = adamState(theta.length);
          state.step = 1;
          const grad = theta.map((t) => Math.cos(t));
          adamUpdate(
            { theta, grad, offset: 0, size: theta.length, trace },
            { hyper, decoupled, state },
          );
          return theta;
        };
        const trace = stepTrace(values.length);
        expect(Array.from(run(trace))).toEqual(Array.from(run(null)));
        values.forEach((t, i) => {
          // === so that a −0 term written into a zeroed trace (0 + −0 = 0) counts as equal
          expect(trace.decoupledDecay[i] === (decoupled ? lr * wd * t : 0)).toBe(true);
          expect(trace.decayGrad[i] === (decoupled ? 0 : wd * t)).toBe(true);
        });
      }),
    );
  });

  it('only touches its slice of the vector', () => {
    const theta = Float64Array.from([1, 2, 3, 4]);
    const trace = stepTrace(4);
    adamUpdate(
      { theta, grad: new Float64Array(4).fill(1), offset: 1, size: 2, trace },
      {
        hyper: { ...ADAM_DEFAULTS, lr: 0.1, weightDecay: 0.5 },
        decoupled: true,
        state: adamState(4),
      },
    );
    expect([theta[0], theta[3]]).toEqual([1, 4]);
    expect(Array.from(trace.decoupledDecay)).toEqual([0, 0.1 * 0.5 * 2, 0.1 * 0.5 * 3, 0]);
  });
});

describe('sgdUpdate, plain rule', () => {
  // The plain rule (no momentum, not maximizing) is the general loop without its branches: the
  // same operations in the same order, so the same bits (the NDJSON depends on them). Maximize on
  // −grad runs the general loop on exactly the same gradient.
  it('is bit-identical to the general loop, traced and untraced', () => {
    fc.assert(
      fc.property(
        vec,
        rate,
        fc.constantFrom(0, 0.01, 0.3),
        fc.boolean(),
        (values, lr, wd, traced) => {
          const grad = Float64Array.from(values, (t) => Math.sin(3 * t));
          const run = (maximize: boolean) => {
            const theta = Float64Array.from(values);
            const trace = traced ? stepTrace(theta.length) : null;
            sgdUpdate(
              {
                theta,
                grad: maximize ? grad.map((v) => -v) : grad,
                offset: 0,
                size: theta.length,
                trace,
              },
              {
                hyper: { ...SGD_DEFAULTS, lr, weightDecay: wd, maximize },
                momentumBuffer: null,
                first: true,
              },
            );
            return [...theta, ...(trace ? trace.decayGrad : [])];
          };
          const general = run(true);
          run(false).forEach((v, i) => {
            expect(Object.is(v, general[i])).toBe(true);
          });
        },
      ),
    );
  });
});
