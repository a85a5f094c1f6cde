// The subset of Observable Plot the widgets use. Loaded lazily (dynamic import) by DecayWidget
// when a widget scrolls into view; re-exporting only what we use keeps the chunk tree-shaken.
export {
  areaY,
  axisX,
  axisY,
  barX,
  barY,
  dot,
  gridY,
  line,
  lineY,
  plot,
  ruleX,
  ruleY,
  text,
  tickY,
} from '@observablehq/plot';
// d3's log scale, which Plot's log axes are built on: logAxisOf asks it which ticks get labels.
export { scaleLog } from 'd3-scale';
