import { register } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as stub from './d3ScaleChromaticStub.js';

type Interpolate = (t: number) => string;
/** A d3 package (they come without types here), loaded by Node as vitest loads dependencies. */
const d3Package = (name: string) =>
  import(/* @vite-ignore */ name) as Promise<Record<string, unknown>>;
const real = await d3Package('d3-scale-chromatic');
const observable10 = real.schemeObservable10 as readonly string[];
const { interpolateRgb } = (await d3Package('d3-interpolate')) as {
  interpolateRgb: (a: string, b: string) => Interpolate;
};

// The site bundles this stub in place of d3-scale-chromatic (the alias in astro.config.mjs).
const stubbed = Object.keys(real).filter((name) => name !== 'schemeObservable10');
const message = (name: string) =>
  new RegExp(`^d3\\.${name} is not in the site bundle .*drop the alias$`);

describe('d3ScaleChromaticStub', () => {
  it('exports every name d3-scale-chromatic exports, and nothing else', () => {
    expect(Object.keys(stub).sort()).toEqual(Object.keys(real).sort());
  });

  it('keeps schemeObservable10 (Plot’s default categorical scheme) as d3 has it', () => {
    expect(stub.schemeObservable10).toEqual(observable10);
  });

  it.each(stubbed.filter((name) => name.startsWith('interpolate')))(
    '%s takes t like d3’s and throws, naming itself, when called',
    (name) => {
      const interpolate = (stub as Record<string, unknown>)[name] as (t: number) => string;
      expect(interpolate.length).toBe(1);
      expect(() => interpolate(0.5)).toThrow(message(name));
    },
  );

  it.each(stubbed.filter((name) => name.startsWith('scheme')))(
    '%s throws, naming itself, when read',
    (name) => {
      const scheme = (stub as Record<string, unknown>)[name] as readonly string[][];
      expect(Array.isArray(scheme)).toBe(true);
      expect(() => scheme[3]).toThrow(message(name));
      expect(() => scheme.length).toThrow(message(name));
      expect(() => [...scheme]).toThrow(message(name));
      expect(() => 3 in scheme).toThrow(message(name));
    },
  );
});

describe('Observable Plot over the stub (as bundled in the site)', async () => {
  // Plot (loaded by Node, outside vitest's transform) resolves d3's `d3-scale-chromatic` to the
  // stub, as Vite's alias does: Plot must load without reading a scheme, and the color scales
  // the widgets use must work.
  const stubUrl = new URL('./d3ScaleChromaticStub.js', import.meta.url).href;
  const hooks = `export async function resolve(specifier, context, next) {
    return specifier === 'd3-scale-chromatic'
      ? { url: ${JSON.stringify(stubUrl)}, shortCircuit: true }
      : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  const Plot = await import('@observablehq/plot');
  const d3 = (await d3Package('d3')) as {
    schemeObservable10: string[];
    interpolateBlues: Interpolate;
  };
  const [c1, c2] = ['#2563eb', '#d9480f'];

  it('loads d3 with the stub in place of d3-scale-chromatic', () => {
    expect(d3.schemeObservable10).toEqual(observable10);
    expect(() => d3.interpolateBlues(0.5)).toThrow(message('interpolateBlues'));
  });

  it('draws a linear color scale with a range (the playground’s boundary panel) in RGB', () => {
    const scale = Plot.scale({ color: { type: 'linear', domain: [0, 1], range: [c2, c1] } });
    for (const t of [0, 0.25, 0.5, 1]) expect(scale.apply(t)).toBe(interpolateRgb(c2, c1)(t));
  });

  it('draws an ordinal color scale with a domain and range (the chapters’ widgets)', () => {
    const scale = Plot.scale({ color: { domain: ['a', 'b', 'c'], range: [c1, c2, '#000'] } });
    expect(['a', 'b', 'c'].map((v) => scale.apply(v))).toEqual([c1, c2, '#000']);
  });

  it('draws a categorical color scale without a range (the run viewer) in observable10', () => {
    const scale = Plot.scale({ color: { type: 'categorical', domain: ['train', 'val'] } });
    expect(scale.range).toEqual(observable10);
    expect(['train', 'val'].map((v) => scale.apply(v))).toEqual(observable10.slice(0, 2));
  });

  it('throws the stub’s message when a scale would use a stubbed scheme', () => {
    expect(() =>
      Plot.scale({ color: { type: 'ordinal', scheme: 'blues', domain: ['a', 'b', 'c'] } }),
    ).toThrow(message('schemeBlues'));
    const viridis = Plot.scale({ color: { type: 'linear', scheme: 'viridis', domain: [0, 1] } });
    expect(() => viridis.apply(0.5)).toThrow(message('interpolateViridis'));
    // An implicit ordinal color scale (a field, no range) asks for greys for booleans first.
    expect(() => Plot.scale({ color: { type: 'ordinal', domain: [true, false] } })).toThrow(
      message('schemeGreys'),
    );
  });
});
