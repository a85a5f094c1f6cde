export { cli, main } from './main.js';
export { renderDashboard, type DashboardView } from './dashboard/renderDashboard.js';
export { dashboardState, updateDashboard, type DashboardState } from './dashboard/dashboardState.js';
export { brailleChart } from './dashboard/brailleChart.js';
export { EXAMPLES, findExample, type Example } from './examples/examples.js';
export { RUN_SPEC_SCHEMA } from './schema/runSpecSchema.js';
