// Moved to _shared/legend.ts (one home for chart legends); import from there.
export { type InChartLegendItem as LegendItem, legend } from '../_shared/legend';
