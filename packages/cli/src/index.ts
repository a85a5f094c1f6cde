/** The RunSpec's JSON Schema; it lives in core as `runSpecSchema`. */
export { runSpecSchema as RUN_SPEC_SCHEMA } from '@decaylab/core';
export { brailleChart } from './dashboard/brailleChart.js';
export {
  type DashboardState,
  dashboardState,
  updateDashboard,
} from './dashboard/dashboardState.js';
export { type DashboardView, renderDashboard } from './dashboard/renderDashboard.js';
export {
  type ChapterExample,
  EXAMPLES,
  type Example,
  findExample,
  type PageExample,
} from './examples/examples.js';
export { cli, main } from './main.js';
