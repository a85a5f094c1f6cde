import { cos } from '../math/cos.js';
import { log } from '../math/log.js';
import { sin } from '../math/sin.js';
/** A seeded source of random numbers. Every random draw in decaylab comes from one of these. */
export interface Rng {
  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A deterministic generator (sfc32, seeded through splitmix32). `stream` separates independent
 * sequences drawn from one seed, such as data, init and shuffling.
 *
 * @example
 * const r = rng(42);
 * r.uniform(); // the same number on every machine, every time
 */
export function rng(seed: number, stream = 0): Rng {
  const mix = splitmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x27d4eb2d));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  let spare: number | null = null;
  const uniform = () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  return {
    uniform,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = uniform();
      while (u === 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * log(u));
      spare = r * sin(2 * Math.PI * v);
      return r * cos(2 * Math.PI * v);
    },
    int(n: number) {
      return Math.floor(uniform() * n);
    },
  };
}

/** The independent streams drawn from a run's seed. */
export const STREAM = { data: 1, init: 2, shuffle: 3 } as const;
