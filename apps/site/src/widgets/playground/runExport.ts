import type { RunEvent } from '@decaylab/core';
import type { Translate } from '../../i18n/t';
import { formatValue } from '../_shared/format';
import { copyText, downloadText } from './exportActions';
import type { SpecObject } from './playgroundForm';
import type { PlaygroundRuntime } from './playgroundRuntime';
import type { RunTrace } from './RunTrace';

/** What the page exports: the spec, the CLI command, the run's recording, a PyTorch script. */
export type ExportKind = 'spec' | 'command' | 'recording' | 'script';
/** What an export button does with the text. */
export type ExportHow = 'copy' | 'download' | 'show';

/** The most step × parameter values the page records for a download (≈ 3 arrays each). */
const MAX_RECORDED_VALUES = 2e7;

const FILE_NAMES: Record<ExportKind, [string, string]> = {
  spec: ['spec.json', 'application/json'],
  command: ['run.sh', 'text/x-shellscript'],
  recording: ['run.ndjson', 'application/x-ndjson'],
  script: ['run.py', 'text/x-python'],
};

/** What an export is made from. */
export interface ExportInput {
  readonly rt: PlaygroundRuntime;
  readonly t: Translate;
  /** The spec as the page holds it. */
  readonly spec: SpecObject;
  /** The current run (its parameters size the recording). */
  readonly trace: RunTrace;
}

/**
 * Makes one export and copies, downloads or shows it (`[data-export-text]` in `host`), saying
 * what happened in `[data-export-status]` and in `data-exported` (`<kind>` or `<kind>:error`). A
 * refused copy shows the text instead.
 *
 * @example
 * await runExport(element, { kind: 'script', how: 'download' }, { rt, t, spec, trace });
 */
export async function runExport(
  host: HTMLElement,
  { kind, how }: { kind: ExportKind; how: ExportHow },
  input: ExportInput,
): Promise<void> {
  const { t } = input;
  const status = host.querySelector<HTMLElement>('[data-export-status]');
  const pre = host.querySelector<HTMLElement>('[data-export-text]');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  let text: string;
  try {
    text = await exportText(kind, { ...input, say });
  } catch (error) {
    say(
      t('playground.exportFailed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    host.dataset.exported = `${kind}:error`;
    return;
  }
  const show = () => {
    if (pre) {
      pre.textContent = text;
      pre.hidden = false;
      pre.dataset.kind = kind;
    }
  };
  if (how === 'show') {
    show();
    say(t('playground.shown', { name: FILE_NAMES[kind][0] }));
  } else if (how === 'copy') {
    if (await copyText(text)) say(t('playground.copied', { name: FILE_NAMES[kind][0] }));
    else {
      show();
      say(t('playground.copyFailed'));
    }
  } else {
    const [name, type] = FILE_NAMES[kind];
    downloadText(name, text, type);
    say(t('playground.downloaded', { name }));
  }
  host.dataset.exported = kind;
}

/** The text of one export; `say` tells the reader while a recording is being made. */
async function exportText(
  kind: ExportKind,
  { rt, t, spec: raw, trace, say }: ExportInput & { say: (text: string) => void },
): Promise<string> {
  if (kind === 'spec') return rt.specJson(raw);
  if (kind === 'command') return rt.cliCommand(raw);
  // The script's instructions record the same run from the spec file the Spec button saves
  // (a one-line command, which the script follows with `> run.ndjson`).
  if (kind === 'script')
    return rt.pytorchScript(raw, { command: rt.cliCommand(raw, { form: 'file' }) });
  // The recording: every step of the run, computed again on a frame-budgeted clock. Held in
  // memory until it is saved, so a very large one is left to the CLI.
  const spec = rt.parseSpec(raw);
  const values = spec.steps * Object.values(trace.params ?? {}).reduce((n, v) => n + v.length, 1);
  if (values > MAX_RECORDED_VALUES)
    throw new Error(t('playground.recordingTooBig', { values: formatValue(values, 'sig') }));
  const clock = new rt.Clock({ playing: true });
  const events: RunEvent[] = [];
  say(t('playground.recording'));
  await new Promise<void>((resolve, reject) => {
    rt.train(spec, { scheduler: clock, budgetMs: 8 }).subscribe({
      next: (e) => events.push(e),
      error: reject,
      complete: resolve,
    });
  });
  clock.dispose();
  return rt.recordingText(events);
}
