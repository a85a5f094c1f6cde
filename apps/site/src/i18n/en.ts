/**
 * The English message catalogue: every UI string of the site that is not page content, keyed by
 * `area.name`. `{name}` marks a parameter filled in by `t(key, { name })`. This is the reference
 * catalogue: every other locale must have exactly these keys (see `checkCatalogue`).
 *
 * @example
 * en['table.scrollable'] // 'Table (scrollable)'
 */
export const en = {
  'table.scrollable': 'Table (scrollable)',
  'notFound.title': 'Page not found',
  'notFound.description': 'This page does not exist.',
  'notFound.text': 'This page does not exist. Try the {home} or the search.',
  'notFound.home': 'home page',
  // Two sentences joined in code: a space between them in English, none in Chinese.
  'sentence.join': '{first} {second}',
  // The widget frame (_shared/Widget.astro, Controls.ts, DecayWidget.ts, SetValue.astro).
  'widget.play': 'Play',
  'widget.pause': 'Pause',
  'widget.replay': 'Replay',
  'widget.step': 'Step',
  'widget.reset': 'Reset',
  'widget.seed': 'Seed',
  'widget.controls': '{title}: controls',
  'widget.couldNotRun': 'Could not run: {error}',
  'widget.setValue': 'Set the widget to this value',
  // Runnable examples of the Streams API page (streams/Snippet.astro, SnippetElement.ts).
  'snippet.hint': '(editable; Ctrl+Enter runs)',
  'snippet.run': 'Run',
  'snippet.stop': 'Stop',
  'snippet.restore': 'Restore',
  'snippet.output': 'Output of: {title}',
  'snippet.truncated': '… output truncated after {lines} lines',
  'snippet.importOnly': "only {modules} can be imported here, not '{name}'",
  'snippet.importAnd': ' and ',
  // Status lines of a diverged run (_shared/describeDivergence.ts).
  'divergence.nonFinite': 'Diverged at step {step}: the loss or a weight became {value}.',
  'divergence.weights': 'Diverged at step {step}: a weight reached {value}.',
  'divergence.loss':
    'Diverged at step {step}: the loss grew from {from} to {to} ({times}× its start), and the run was stopped.',
  'divergence.remedy': 'Lower the learning rate.',
  // Words many widgets share: readouts, axes, legends.
  'readout.step': 'step',
  'readout.ofSeeds': '{count} of {seeds}',
  'axis.step': 'step',
  'axis.lossMse': 'loss (mse)',
  'axis.validationLoss': 'validation loss',
  'legend.trueLine': 'true line y = x',
  'legend.trainingPoints': 'training points',
  'legend.validationPoints': 'validation points',
  'legend.exactMinimizer': 'exact minimizer',
  'legend.visited': 'fits at settings you visited',
  'legend.train': 'train',
  'legend.validation': 'validation',
  'readout.trainLoss': 'train loss',
  'readout.validationLoss': 'validation loss',
  'axis.power': 'power k (0 = bias)',
  'axis.value': 'value',
  'legend.currentFit': 'current fit',
  'penalty.framedFits': 'last fits inside the chart: steps {steps}',
  'penalty.cutFits': 'steps {from}–{to}, cut at the edge',
  'axis.expectedError': 'expected squared error',
  'axis.weight': 'weight',
  'axis.weightNorm': '‖weight‖',
  // Chapter 1: what weight decay is (overfit/).
  'overfit.title':
    'A degree-12 polynomial fit to 12 noisy points, trained by SGD without and with weight decay',
  'overfit.chartLoss': 'Training and validation loss per step, for λ = 0 and λ > 0',
  'overfit.chartBand':
    'Validation loss per step over seeds 0 to {last}: mean and 10th to 90th percentile band, for λ = 0 and λ > 0',
  'overfit.chartFit': 'The two fitted curves over the training points and the true line y = x',
  'overfit.val0': 'validation loss, λ = 0',
  'overfit.val1': 'validation loss, λ > 0',
  'overfit.wins': 'λ > 0 ends lower, seeds 0–{last}',
  'overfit.fallback':
    'Without JavaScript, here is what this widget shows (seed 3, λ = 0.1, γ = 0.3): with λ = 0 the training loss keeps falling (to 0.021 after 2000 steps) while the validation loss, lowest at step 8 (0.145), climbs to 1.63 as the curve bends through every noisy point. With λ = 0.1 both losses settle (train 0.064, validation 0.138) and the curve stays close to the line y = x. Over seeds 0–99, λ = 0.1 ends with the lower validation loss on 90 of them.',
  'overfit.train': '{run} train',
  'overfit.validation': '{run} validation',
  'overfit.bandLegend': '{run}, seeds 0–{last}: mean, 10th–90th pct.',
  'overfit.bandFailed': 'Could not compute the band: {error}',
  'overfit.diverged':
    "{run}: {what} Plain gradient descent diverges when {rule}: this seed's points give k_max = {kMax}. Try another seed or a smaller λ (below {lambdaMax}).",
  // Chapter 4: the penalty term (penalty/).
  'penalty.title':
    'L = L0 + λ/2‖θ‖², term by term, while SGD fits a degree-5 polynomial to 20 noisy points of y = x',
  'penalty.chartLoss':
    'The data loss L0, the penalty, their sum L and the validation loss per step',
  'penalty.chartFit': 'The current fitted curve over the training points',
  'penalty.rule': 'γ(λ + k_max), diverges above 2',
  'penalty.fallback':
    'Without JavaScript, here is what this widget shows (seed 2, 400 steps): with λ = 0.01 the data loss L0 falls to about 0.040 while the penalty stays near 0.003, so L ≈ L0, the fit follows the line and the validation loss is about 0.11. With λ = 1 the penalty is as large as the data loss (about 0.09 each): the optimizer keeps θ small, the curve is pulled flat towards 0, and the validation loss rises to about 0.19: the model underfits. Past λ = 1.18 (at seed 2, where γ(λ + k_max) = 0.5 × (λ + 2.82) passes 2) plain SGD diverges: at λ = 1.26 the loss passes 100 times its start at step 73 and the run is stopped.',
  'penalty.termData': 'L0 (data loss)',
  'penalty.termPenalty': 'λ/2·‖θ‖² (penalty)',
  'penalty.termSum': 'L = L0 + penalty',
  'penalty.termVal': 'validation L0',
  'penalty.diverged':
    '{what} Plain gradient descent on L diverges when γ(λ + k_max) > 2: here {rule} (k_max = {kMax} is the largest curvature of L0 at seed {seed}). Set λ below {lambdaMax}, or lower γ.',
  // Chapter 5: geometry (geometry/Geometry.astro, GeometryWidget.ts).
  'geometry.title': "The regularized optimum is where an ellipse of L0 touches the penalty's ball",
  'geometry.chartPlane':
    'Contour ellipses of the loss over the weights w1 and w2, the penalty ball, the exact optimum and the gradient-descent path',
  'geometry.chartWeights':
    'The weights w1 and w2 per SGD step, with the exact optimum as dashed lines',
  'geometry.l1': 'L1 penalty (diamond) instead of L2 (circle)',
  'geometry.optimum': 'Exact optimum wλ',
  'geometry.engine': 'Engine (SGD)',
  'geometry.distance': 'Distance',
  'geometry.objective': 'L0 + penalty at wλ',
  'geometry.fallback':
    'With JavaScript this figure trains the two-weight model live. For reference, with w* = (2, 0.6), curvatures 1 and 0.25 and λ = 0.5: under L2 the exact optimum is wλ ≈ (1.25, 0.54), on the circle of radius 1.36 where the ellipse touches it; under L1 it is wλ ≈ (1.62, 0), with w₂ exactly 0, on the corner of the diamond.',
  'geometry.after': '{w} after {steps} steps',
  'geometry.exact': 'exact values',
  'geometry.handleRole': '2D handle',
  'geometry.handle': 'Unregularized optimum w*: drag, or use the arrow keys',
  // Chapter 5: the penalty as a budget (geometry/LpBall.astro, LpBallWidget.ts, lpBall.ts).
  'lpball.title':
    'The penalty as a budget: the optimum is where the ball of radius X first touches a contour of L0',
  'lpball.chart':
    'Contour ellipses of the loss over w1 and w2, the ball of the chosen shape and budget (or three budgets X1, X2, X3), the contour it touches and the constrained optimum',
  'lpball.three': 'Three budgets X1 < X2 < X3',
  'lpball.shape': 'Shape',
  'lpball.optimum': 'Constrained optimum',
  'lpball.norm': 'Its norm',
  'lpball.loss': 'L0 there',
  'lpball.zero': 'A weight exactly 0?',
  'lpball.lambda': 'Same point as the penalty',
  'lpball.fallback':
    "With JavaScript this figure draws the loss ellipses of the chapter's two-weight problem (w* = (2, 0.6)) and a ball of radius X. With three budgets and the L2 circle: the smallest ball X1 does not reach the contour drawn, X2 = 1 touches it at A = (0.909, 0.417), and X3 crosses it at B and C, so a larger budget can go lower. With p = 1 the optimum at X = 1 is the corner (1, 0): w₂ is exactly 0.",
  'lpball.optimumAt': 'optimum {w}',
  'lpball.yes': 'yes: {w} = 0 exactly',
  'lpball.no': 'no',
  'lpball.notBinding': 'λ = 0 (the budget is not binding)',
  'lpball.l2': 'λ/2·‖w‖² with λ = {lambda}',
  'lpball.l1': 'λ·‖w‖₁ with λ = {lambda}',
  'lpball.noPenalty': '— (this ball is not one of the engine’s penalties)',
  'ball.p05': 'p = 0.5',
  'ball.l1': 'p = 1 (L1)',
  'ball.elastic': 'elastic net',
  'ball.l2': 'p = 2 (L2)',
  'ball.p4': 'p = 4',
  'ball.inf': 'p = ∞',
  // Chapter 6: where the code puts it (update/*.astro).
  'decomposition.title': 'One step = gradient part + decay part (SGD, γ = 0.1, on the y = x line)',
  'decomposition.chartPlane':
    'The (weight, bias) plane: the path of SGD, the last step as a gradient arrow and a decay arrow, and the minima with and without decay',
  'decomposition.chartParts':
    'The gradient part, the decay part and their sum for the weight, per step',
  'decomposition.step': 'Step',
  'decomposition.before': 'θ before',
  'decomposition.after': 'θ after (engine)',
  'decomposition.check': '|before + parts − after|',
  'decomposition.fallback':
    'With JavaScript this figure runs SGD step by step. Its first step, from θ = (weight, bias) = (−1.5, 1.2) with λ = 0.5, moves θ by a gradient part that points toward the data\'s best fit and a decay part −γλθ = (0.075, −0.06) that points straight at the origin; their sum is the step. Later the two parts for the weight become equal and opposite, which is what "converged to the regularized minimum" means.',
  'coupling.title': 'L2 in the loss vs weightDecay on SGD: the same weights, step for step',
  'coupling.chartNorms':
    'Norm of the weights per step: without decay, with L2 in the loss (line) and with weightDecay on the optimizer (dots)',
  'coupling.chartLoss': 'The total loss each decayed run reports, per step',
  'coupling.diff': 'Largest |θ_loss − θ_optimizer|',
  'coupling.normNone': '‖w‖ without decay',
  'coupling.normDecay': '‖w‖ with decay',
  'coupling.lossInLoss': 'L2 in the loss reports L0 + penalty',
  'coupling.lossOnOpt': 'weightDecay reports L0 + penalty',
  'coupling.fallback':
    'With JavaScript this figure trains a degree-9 polynomial three times with SGD (γ = 0.1): without decay, with λ/2‖θ‖² added to the loss, and with weightDecay = λ on the optimizer. With λ = 0.01 and no momentum the two decayed runs agree to the last bit or within rounding (a difference of the order of 1e-16), and both end with a smaller ‖w‖ than the undecayed run. Only the first one includes the penalty in the loss it reports.',
  'adamw.title': 'Adam + L2 vs AdamW: the same λ, two different regularizers',
  'adamw.chartNorms': 'Norm of the weights per step for Adam with weight_decay and for AdamW',
  'adamw.chartCoef': 'The nine polynomial coefficients of each run at the current step',
  'adamw.chartSweep':
    'Validation loss after 400 steps against λ on a log scale, one sweep per optimizer on its own range, with each optimizer’s best λ ringed',
  'adamw.diff': 'Largest |θ_Adam − θ_AdamW|',
  'adamw.val': 'Validation loss (Adam vs AdamW)',
  'adamw.shrink': 'AdamW shrink γλw₁ this step',
  'adamw.bestAdam': 'Best λ, Adam + L2',
  'adamw.bestAdamW': 'Best λ, AdamW',
  'adamw.fallback':
    'With JavaScript this figure trains a degree-9 polynomial with Adam (weight_decay = λ) and with AdamW (weight_decay = λ), γ = 0.01, for 400 steps. With λ = 0.1 they start identical and drift apart: after 400 steps ‖w‖ is about 0.92 for Adam + L2 and 1.32 for AdamW, and the largest coefficient difference is about 0.4.',
  'adamw.nameAdam': 'Adam + L2 (weight_decay)',
  'adamw.nameAdamW': 'AdamW (decoupled)',
  'adamw.best': 'each one’s best λ',
  'adamw.slider': 'λ of the slider',
  'adamw.axisVal': 'validation loss at step 400',
  'adamw.axisK': 'k (the coefficient of xᵏ)',
  'adamw.axisNow': 'value now',
  'adamw.atStep': '{value} at step {step}',
  'coupling.none': 'no decay',
  'coupling.inLoss': 'L2 in the loss',
  'coupling.onOptimizer': 'weightDecay on the optimizer (dots)',
  'coupling.legendInLoss': 'in the loss: L0 + λ/2‖θ‖²',
  'coupling.legendOnOpt': 'on the optimizer: L0 only',
  'coupling.reported': 'reported loss.total',
  'coupling.over': '{value} over {steps} steps',
  'decomposition.arrows': 'step {step} × {k}',
  'decomposition.noDecay': 'no decay',
  'decomposition.withDecay': 'with decay',
  'decomposition.step1': 'step 1',
  'decomposition.grad': 'gradient part',
  'decomposition.decay': 'decay part',
  'decomposition.sum': 'the step (their sum)',
  'decomposition.path': 'path',
  'decomposition.axisWeight': 'weight (slope)',
  'decomposition.axisBias': 'bias',
  'decomposition.gradW': 'gradient part −γ·∂L0/∂w',
  'decomposition.decayW': 'decay part −γλw',
  'decomposition.update': 'update (their sum)',
  'decomposition.axisChange': 'change of the weight',
  // Chapter 7: practical tips (tips/*.astro).
  'sweep.title':
    'A λ sweep per optimizer, computed live in a Web Worker: one seed against the mean and spread of eight',
  'sweep.chartSgd':
    'SGD with momentum and weight_decay: final validation loss against λ on a log scale, for the chosen seed, with the mean and 10th to 90th percentile over seeds 0 to 7 and the sweet spot shaded',
  'sweep.chartAdamw':
    'AdamW: final validation loss against λ on a log scale, for the chosen seed, with the mean and 10th to 90th percentile over seeds 0 to 7 and the sweet spot shaded',
  'sweep.sgd': 'SGD, 8 seeds',
  'sweep.sgdSeed': 'SGD, this seed',
  'sweep.adamw': 'AdamW, 8 seeds',
  'sweep.adamwSeed': 'AdamW, this seed',
  'sweep.progress': 'Done',
  'sweep.fallback':
    'With JavaScript this figure trains a 32-unit tanh network on 12 noisy points of a line, 2000 steps per run, for 11 values of λ per optimizer and 8 seeds (176 runs) in a Web Worker. Averaged over seeds 0–7, SGD with momentum and weight_decay validates at 0.575 with λ = 1e-5, lowest at λ = 1e-2 (0.315) and 0.600 at λ = 1; AdamW at 0.742 with λ = 1e-3, lowest at λ = 4 (0.313) and 0.450 at λ = 10. Single seeds are noisy: the U shape holds for 83 (SGD) and 88 (AdamW) of seeds 0–99.',
  'biasdecay.title':
    'Decay on the bias pulls the intercept toward 0; a weightDecay: 0 group leaves it alone',
  'biasdecay.chartBias':
    'The bias per step with decay on every parameter and with the bias excluded, against the least-squares bias',
  'biasdecay.chartLoss': 'Training loss per step for both runs',
  'biasdecay.biasOn': 'Bias, decayed',
  'biasdecay.biasOff': 'Bias, not decayed',
  'biasdecay.lossOn': 'L0, decayed',
  'biasdecay.lossOff': 'L0, not decayed',
  'biasdecay.fallback':
    "With JavaScript this figure fits a cubic to 100 points of d2l's data (true intercept 5) with SGD (γ = 0.02, momentum 0.9) for 400 steps, twice. At λ = 1e-3 both runs end with a bias near 4.97 and a training loss of 0.0111. At λ = 0.1, decaying every parameter ends with a bias of 4.59 and a training loss of 0.119; excluding the bias ends with 4.94 and 0.021, close to the least-squares bias of 4.98.",
  'effective.title': 'What γ and λ do together: the effective decay γλ and its time scale 1/(γλ)',
  'effective.chart':
    'A weight with no data gradient shrinking under weight decay, per step, with the time scale τ marked',
  'effective.rate': 'Effective decay γλ',
  'effective.tau': 'Time scale τ = 1/(γλ)',
  'effective.half': 'Half-life ln 2/(γλ)',
  'effective.atTau': 'Engine: w at τ',
  'effective.fallback':
    'With JavaScript this figure trains one weight with no data gradient, so weight decay is the only force. With γ = 0.1 and λ = 0.01 the effective decay is γλ = 1e-3 per step: the weight is 0.9990 after one step, 0.3677 after τ = 1000 steps (e⁻¹ = 0.3679), and halves every 693 steps.',
  'biasdecay.all': 'decay on every parameter',
  'biasdecay.excluded': 'bias in a weightDecay: 0 group',
  'biasdecay.leastSquares': 'least-squares bias',
  'biasdecay.leastSquaresAt': 'least-squares bias {value}',
  'biasdecay.axisLoss': 'training loss L0',
  'effective.engine': 'engine: w after t SGD steps',
  'effective.axis': 'w (started at 1)',
  'effective.tauMark': 'τ = 1/(γλ) = {tau} steps',
  'effective.longer': '{tau} steps (longer than this {steps}-step run)',
  'effective.steps': '{value} steps',
  'effective.atStep': '{w} at step {step} (e⁻¹ = 0.3679)',
  'sweep.runs': '{done} of {total} runs',
  'sweep.diverged':
    '{count} run(s) diverged and are left out (for example {optimizer}, λ = {lambda}, seed {seed}): the step is too large for this learning rate.',
  'sweep.seed': 'seed {seed}',
  'sweep.mean': 'mean of seeds {first}–{last}',
  'sweep.band': '10th–90th percentile',
  'sweep.seedTrain': 'seed {seed}: training loss',
  'sweep.spot': 'sweet spot (mean ≤ 1.1 × its lowest)',
  'sweep.ghosts': 'ghosts: seeds and sizes you visited',
  'sweep.axisLambda': 'λ ({optimizer} weight_decay)',
  'sweep.axisLoss': 'final loss',
  'sweep.axisSgd': 'SGD + momentum, weight_decay = λ',
  'sweep.axisAdamw': 'AdamW, weight_decay = λ',
  'sweep.workerFailed': 'The sweep worker failed: {error}',
  'sweep.runFailed': 'Could not run: {error}',
  'sweep.summary':
    'mean lowest at λ = {best} ({mean}); sweet spot {from} … {to}; a U in {us} of {seeds} seeds',
  // Slider labels (the widgets' *Spec.ts files name them by key).
  'slider.noise': 'noise σ',
  'slider.lambdaDecay': 'λ (weight decay)',
  'slider.n': 'training points n',
  'slider.lambdaPenalty': 'λ (penalty strength)',
  'slider.degree': 'degree',
  'slider.lambdaWeightDecay': 'λ (weightDecay)',
  'slider.lambdaBoth': 'λ (for both decayed runs)',
  'slider.momentum': 'Momentum μ',
  'slider.lambdaTorch': 'λ (weight_decay)',
  'slider.ballShape': 'Ball shape',
  'slider.budget': 'Budget X (radius of the ball)',
  'slider.lr': 'Learning rate γ',
  'slider.trainingExamples': 'Training examples',
  // Axis labels and series names the site passes to @decaylab/charts.
  'chart.step': 'step',
  'chart.loss': 'loss',
  'chart.train': 'train',
  'chart.val': 'val',
  // The run viewer (viewer/RunViewer.astro, RunViewerElement.ts).
  'viewer.title': 'Run viewer',
  'viewer.drop': 'Drop an NDJSON recording here, or',
  'viewer.open': 'Open a recording…',
  'viewer.example': 'Load an example recording',
  'viewer.none': 'No recording loaded yet.',
  'viewer.badLinesTitle': 'Lines that could not be read',
  'viewer.lossLabel': 'Training loss (solid) and validation loss (dashed) per step',
  'viewer.lossShort': 'Loss per step',
  'viewer.normsLabel': 'Norm of each parameter per step',
  'viewer.normsShort': '‖θ‖ per parameter',
  'viewer.spec': 'The recorded RunSpec',
  'viewer.fallback':
    'The viewer needs JavaScript. Without it, render the same charts in a terminal with {plot}, or summarize a recording with {replay}.',
  'viewer.reading': 'Reading {name}…',
  'viewer.readingPercent': 'Reading {name}… {percent}%',
  'viewer.couldNotRead': 'Could not read {name}: {error}',
  'viewer.otherOrigin': 'Not loading {src}: only recordings on this site can be opened by URL.',
  'viewer.couldNotLoad': 'Could not load {src}: {error}',
  'viewer.notRecording': '{source}: {why}.',
  'viewer.noHeader': 'not a decaylab recording (no readable "run" header)',
  'viewer.loaded': '{source}: {steps} step events.',
  'viewer.loadedSkipped': '{source}: {steps} step events, {bad} bad lines skipped.',
  'viewer.loadedSkippedOne': '{source}: {steps} step events, {bad} bad line skipped.',
  'viewer.run': 'Run',
  'viewer.unnamed': '(unnamed)',
  'viewer.model': 'Model',
  'viewer.polynomial': 'polynomial, degree {degree}',
  'viewer.optimizer': 'Optimizer',
  'viewer.penalty': 'Penalty',
  'viewer.noPenalty': 'none',
  'viewer.end': 'End',
  'viewer.endAfter': '{reason} after {steps} steps',
  'viewer.noEnd': 'no end event (cut short?)',
  'viewer.finalLoss': 'Final loss',
  'viewer.finalVal': 'Final validation loss',
  'viewer.best': 'Best',
  'viewer.bestAt': '{metric} {value} at step {step}',
  'viewer.shrink': '‖θ‖ final / initial',
  'viewer.badLine': '{count} line could not be read',
  'viewer.badLines': '{count} lines could not be read',
  'viewer.lineReason': 'line {line}: {reason}',
  'viewer.more': '… and {count} more',
  // Bias and variance (biasvar/).
  'biasvar.title': '24 refits of a degree-5 polynomial, each on n fresh noisy points of y = x',
  'biasvar.chartFits':
    'The refitted curves drawn faintly, their average, the true line and one training set',
  'biasvar.chartVsLambda':
    'Bias squared, variance and their total with the noise, against λ: one point for every λ you visit',
  'biasvar.chartDecomp':
    'Bar chart: bias squared, variance and noise estimated from the refits, next to the measured validation loss',
  'biasvar.resample': 'Resample',
  'biasvar.bias2': 'bias²',
  'biasvar.variance': 'variance',
  'biasvar.noise': 'noise σ²',
  'biasvar.sum': 'sum',
  'biasvar.meanVal': 'mean validation loss',
  'biasvar.fallback':
    'Without JavaScript, here is what this widget shows (seed 0, σ = 0.3, 24 refits of 300 steps on 10 points): with λ = 1e-4 the refits fan out widely (bias² 0.0033, variance 0.126, noise 0.09; mean validation loss 0.214). With λ = 0.1 they bundle around the line (bias² 0.011, variance 0.022; validation loss 0.127). With λ = 1 they are pulled flat (bias² 0.104, variance 0.012; validation loss 0.210). With 100 points instead of 10 and λ = 1e-4, bias² is 0.0002 and variance 0.005 (validation loss 0.096): more data beats any λ.',
  'biasvar.refits': '{refits} refits, each on {n} fresh points',
  'biasvar.refitShown': 'refit on the points shown',
  'biasvar.average': 'average fit',
  'biasvar.oneSet': 'one training set',
  'biasvar.estimated': 'estimated',
  'biasvar.measured': 'measured',
  'biasvar.measuredLegend': 'validation loss measured by the engine',
  'biasvar.total': 'bias² + variance + σ²',
  'biasvar.visited': 'each λ you visited',
  'biasvar.refit': 'Refit {run}: {text}',
  'biasvar.remedy':
    'With momentum μ = 0.9, SGD is stable only while γ(λ + k_max) < 2(1 + μ) = 3.8 (γ = 0.3, k_max the largest curvature of this refit’s L0): try a smaller λ.',
  // Chapter 3: smaller weights, polynomial degree and λ (polyfit/).
  'polyfit.title':
    'A polynomial fit to 15 noisy points of y = x: choose the degree and the weight decay λ',
  'polyfit.chartFit': 'The fitted polynomial over the training and validation points',
  'polyfit.chartCoef':
    'Bar chart of the polynomial coefficients, with the exact minimizer as ticks',
  'polyfit.chartLoss': 'Training and validation loss per step',
  'polyfit.fallback':
    'Without JavaScript, here is what this widget shows (seed 1, degree 12): with λ = 1e-4 the curve wiggles through the noisy points, its coefficients reach about ±2.5, and the validation loss is about 0.3 while the training loss is 0.07. At λ = 1e-2 the coefficients shrink below 1, the curve is much smoother and the validation loss drops to about 0.11. At λ = 1 every coefficient is close to 0, the fit is too flat, and both losses rise (train 0.13, validation 0.32).',
  'polyfit.sgdFit': 'SGD fit',
  'polyfit.sgdWeights': 'SGD weights',
  'polyfit.remedy':
    'With momentum μ = 0.9, SGD is stable only while γ(λ + k_max) < 2(1 + μ) = 3.8 (γ = 0.3): try a smaller λ or degree.',
} as const;

/** A message key: one of the English catalogue's keys. */
export type MessageKey = keyof typeof en;

/** A catalogue for one locale: a string for every key, no more, no fewer. */
export type Catalogue = { readonly [K in MessageKey]: string };
