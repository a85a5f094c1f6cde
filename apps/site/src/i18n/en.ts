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
  // Status lines of a diverged run (_shared/describeDivergence.ts).
  'divergence.nonFinite': 'Diverged at step {step}: the loss or a weight became {value}.',
  'divergence.weights': 'Diverged at step {step}: a weight reached {value}.',
  'divergence.loss':
    'Diverged at step {step}: the loss grew from {from} to {to} ({times}× its start), and the run was stopped.',
  'divergence.remedy': 'Lower the learning rate.',
  // Chapter 3: bias and variance (biasvar/).
  'biasvar.refit': 'Refit {run}: {text}',
  'biasvar.remedy':
    'With momentum μ = 0.9, SGD is stable only while γ(λ + k_max) < 2(1 + μ) = 3.8 (γ = 0.3, k_max the largest curvature of this refit’s L0): try a smaller λ.',
  // Chapter 2: polynomial degree and λ (polyfit/).
  'polyfit.remedy':
    'With momentum μ = 0.9, SGD is stable only while γ(λ + k_max) < 2(1 + μ) = 3.8 (γ = 0.3): try a smaller λ or degree.',
} as const;

/** A message key: one of the English catalogue's keys. */
export type MessageKey = keyof typeof en;

/** A catalogue for one locale: a string for every key, no more, no fewer. */
export type Catalogue = { readonly [K in MessageKey]: string };
