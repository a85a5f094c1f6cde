// d3-scale-chromatic as the site bundles it: Observable Plot's colour-scheme registry
// (@observablehq/plot/src/scales/schemes.js) imports all of it, and its scheme arrays and
// interpolators are built from long hex strings when the module loads (about 6.8 KB gzip of the
// chart chunk), though every widget gives its color scale an explicit `range`, which Plot then
// interpolates in RGB without a scheme. Plot only files the schemes away in Maps when it loads.
// `schemeObservable10` is d3's own: Plot's default for a categorical color scale without a range,
// which the run viewer's charts use (@decaylab/charts, linePlot.ts). Every other export throws a
// clear error when used (an interpolator when called, a scheme array when read): give that
// color scale a `range`, or drop the alias in astro.config.mjs to bundle the real schemes.
// d3ScaleChromaticStub.test.ts checks that every export of d3-scale-chromatic is here.
// schemeObservable10: Copyright 2010-2026 Mike Bostock, ISC licence
// (d3-scale-chromatic/src/categorical/observable10.js).

/** d3.schemeObservable10: Observable's ten categorical colours. */
export const schemeObservable10 = [
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
  '#9c6b4e',
  '#9498a0',
];

/** The error any use of a stubbed export throws, naming it. */
const unbundled = (name) =>
  new Error(
    `d3.${name} is not in the site bundle (d3-scale-chromatic is stubbed in apps/site/astro.config.mjs): give the color scale a range, or drop the alias`,
  );

/** An interpolator t ↦ colour (one argument, as Plot expects of a scheme) that throws. */
const unbundledInterpolator = (name) => (_t) => {
  throw unbundled(name);
};

/** A scheme array (scheme[k] = k colours, or the colours of a categorical scheme) that throws when read. */
const unbundledScheme = (name) => {
  const fail = () => {
    throw unbundled(name);
  };
  return new Proxy([], { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail });
};

export const interpolateBlues = unbundledInterpolator('interpolateBlues');
export const interpolateBrBG = unbundledInterpolator('interpolateBrBG');
export const interpolateBuGn = unbundledInterpolator('interpolateBuGn');
export const interpolateBuPu = unbundledInterpolator('interpolateBuPu');
export const interpolateCividis = unbundledInterpolator('interpolateCividis');
export const interpolateCool = unbundledInterpolator('interpolateCool');
export const interpolateCubehelixDefault = unbundledInterpolator('interpolateCubehelixDefault');
export const interpolateGnBu = unbundledInterpolator('interpolateGnBu');
export const interpolateGreens = unbundledInterpolator('interpolateGreens');
export const interpolateGreys = unbundledInterpolator('interpolateGreys');
export const interpolateInferno = unbundledInterpolator('interpolateInferno');
export const interpolateMagma = unbundledInterpolator('interpolateMagma');
export const interpolateOrRd = unbundledInterpolator('interpolateOrRd');
export const interpolateOranges = unbundledInterpolator('interpolateOranges');
export const interpolatePRGn = unbundledInterpolator('interpolatePRGn');
export const interpolatePiYG = unbundledInterpolator('interpolatePiYG');
export const interpolatePlasma = unbundledInterpolator('interpolatePlasma');
export const interpolatePuBu = unbundledInterpolator('interpolatePuBu');
export const interpolatePuBuGn = unbundledInterpolator('interpolatePuBuGn');
export const interpolatePuOr = unbundledInterpolator('interpolatePuOr');
export const interpolatePuRd = unbundledInterpolator('interpolatePuRd');
export const interpolatePurples = unbundledInterpolator('interpolatePurples');
export const interpolateRainbow = unbundledInterpolator('interpolateRainbow');
export const interpolateRdBu = unbundledInterpolator('interpolateRdBu');
export const interpolateRdGy = unbundledInterpolator('interpolateRdGy');
export const interpolateRdPu = unbundledInterpolator('interpolateRdPu');
export const interpolateRdYlBu = unbundledInterpolator('interpolateRdYlBu');
export const interpolateRdYlGn = unbundledInterpolator('interpolateRdYlGn');
export const interpolateReds = unbundledInterpolator('interpolateReds');
export const interpolateSinebow = unbundledInterpolator('interpolateSinebow');
export const interpolateSpectral = unbundledInterpolator('interpolateSpectral');
export const interpolateTurbo = unbundledInterpolator('interpolateTurbo');
export const interpolateViridis = unbundledInterpolator('interpolateViridis');
export const interpolateWarm = unbundledInterpolator('interpolateWarm');
export const interpolateYlGn = unbundledInterpolator('interpolateYlGn');
export const interpolateYlGnBu = unbundledInterpolator('interpolateYlGnBu');
export const interpolateYlOrBr = unbundledInterpolator('interpolateYlOrBr');
export const interpolateYlOrRd = unbundledInterpolator('interpolateYlOrRd');
export const schemeAccent = unbundledScheme('schemeAccent');
export const schemeBlues = unbundledScheme('schemeBlues');
export const schemeBrBG = unbundledScheme('schemeBrBG');
export const schemeBuGn = unbundledScheme('schemeBuGn');
export const schemeBuPu = unbundledScheme('schemeBuPu');
export const schemeCategory10 = unbundledScheme('schemeCategory10');
export const schemeDark2 = unbundledScheme('schemeDark2');
export const schemeGnBu = unbundledScheme('schemeGnBu');
export const schemeGreens = unbundledScheme('schemeGreens');
export const schemeGreys = unbundledScheme('schemeGreys');
export const schemeOrRd = unbundledScheme('schemeOrRd');
export const schemeOranges = unbundledScheme('schemeOranges');
export const schemePRGn = unbundledScheme('schemePRGn');
export const schemePaired = unbundledScheme('schemePaired');
export const schemePastel1 = unbundledScheme('schemePastel1');
export const schemePastel2 = unbundledScheme('schemePastel2');
export const schemePiYG = unbundledScheme('schemePiYG');
export const schemePuBu = unbundledScheme('schemePuBu');
export const schemePuBuGn = unbundledScheme('schemePuBuGn');
export const schemePuOr = unbundledScheme('schemePuOr');
export const schemePuRd = unbundledScheme('schemePuRd');
export const schemePurples = unbundledScheme('schemePurples');
export const schemeRdBu = unbundledScheme('schemeRdBu');
export const schemeRdGy = unbundledScheme('schemeRdGy');
export const schemeRdPu = unbundledScheme('schemeRdPu');
export const schemeRdYlBu = unbundledScheme('schemeRdYlBu');
export const schemeRdYlGn = unbundledScheme('schemeRdYlGn');
export const schemeReds = unbundledScheme('schemeReds');
export const schemeSet1 = unbundledScheme('schemeSet1');
export const schemeSet2 = unbundledScheme('schemeSet2');
export const schemeSet3 = unbundledScheme('schemeSet3');
export const schemeSpectral = unbundledScheme('schemeSpectral');
export const schemeTableau10 = unbundledScheme('schemeTableau10');
export const schemeYlGn = unbundledScheme('schemeYlGn');
export const schemeYlGnBu = unbundledScheme('schemeYlGnBu');
export const schemeYlOrBr = unbundledScheme('schemeYlOrBr');
export const schemeYlOrRd = unbundledScheme('schemeYlOrRd');
