export { brailleChart } from './dashboard/brailleChart.js';
export {
  type DashboardState,
  dashboardState,
  updateDashboard,
} from './dashboard/dashboardState.js';
export { type DashboardView, renderDashboard } from './dashboard/renderDashboard.js';
export { EXAMPLES, type Example, findExample } from './examples/examples.js';
export { cli, main } from './main.js';
export { RUN_SPEC_SCHEMA } from './schema/runSpecSchema.js';
