import { biasVarRuns } from '../biasvar/biasVarSpec';
import { overfitRuns } from '../overfit/overfitSpec';
import { penaltyRuns } from '../penalty/penaltySpec';
import { polyfitRuns } from '../polyfit/polyfitSpec';
import type { WidgetRuns } from './widgetRuns';

/**
 * Every widget's runs, as `widgets.test.ts` checks them (seeds 0–99, each slider at its
 * minimum, default and maximum, and each claim of its chapter). Add a widget here when you add
 * its `<name>Spec.ts`.
 */
export const widgetTable: readonly WidgetRuns[] = [
  overfitRuns,
  biasVarRuns,
  polyfitRuns,
  penaltyRuns,
];
