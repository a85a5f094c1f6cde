// The subset of Observable Plot the playground draws with, loaded with the playground's code
// (never on page load). Next to the chapters' subset (../_shared/plot.ts) it adds histograms
// (binX, rectY), the decision boundary's probability map (raster) and its 0.5 line (links, see levelSegments).
export {
  binX,
  dot,
  line,
  lineY,
  link,
  plot,
  raster,
  rectY,
  ruleX,
  ruleY,
  text,
} from '@observablehq/plot';
// d3's log scale, which Plot's log axes are built on: logAxisOf asks it which ticks get labels.
export { scaleLog } from 'd3-scale';
