import { biasVarRuns } from '../biasvar/biasVarSpec';
import { geometryL1Runs, geometryL2Runs } from '../geometry/geometrySpec';
import { overfitRuns } from '../overfit/overfitSpec';
import { penaltyRuns } from '../penalty/penaltySpec';
import { polyfitRuns } from '../polyfit/polyfitSpec';
import { biasDecayRuns } from '../tips/tipsSpecs';
import { adamwRuns, couplingRuns, decompositionRuns } from '../update/updateSpecs';
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
  geometryL2Runs,
  geometryL1Runs,
  decompositionRuns,
  couplingRuns,
  adamwRuns,
  biasDecayRuns,
];
