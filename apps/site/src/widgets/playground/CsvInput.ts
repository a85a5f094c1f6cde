import type { InlineData } from '@decaylab/core';
import type { Translate } from '../../i18n/t';
import { csvMessage } from './csvMessage';
import { dataCsv } from './dataCsv';
import type { PlaygroundRuntime } from './playgroundRuntime';

/**
 * The pasted CSV (`#pg-csv` in `host`) as inline data, split into training and validation rows
 * by the seed, and its task (0/1 labels: classification). A problem goes under the box
 * (`[data-problem-for="csv"]`) in the page's language.
 *
 * @example
 * const csv = new CsvInput(element);
 * if (csv.read(box.value, { seed: 0, rt, t })) csv.data; // { train, val }
 */
export class CsvInput {
  /** The table last read (undefined: none yet, or it failed). */
  data: InlineData | undefined;
  task: 'regression' | 'classification' | undefined;

  constructor(private readonly host: HTMLElement) {}

  private get box(): HTMLTextAreaElement | null {
    return this.host.querySelector<HTMLTextAreaElement>('#pg-csv');
  }

  /** The box's text (undefined without a box). */
  get text(): string | undefined {
    return this.box?.value;
  }

  /** Takes a spec's inline data as the table, and writes it into the box. */
  show(data: InlineData): void {
    this.data = data;
    const classes = [...data.train.y, ...(data.val?.y ?? [])].every((y) => y === 0 || y === 1);
    this.task = classes ? 'classification' : 'regression';
    const box = this.box;
    if (box) box.value = dataCsv(data);
  }

  /** Reads `text` into `data`; false (and the problem shown under the box) when it fails. */
  read(
    text: string,
    { seed, rt, t }: { seed: number; rt: PlaygroundRuntime; t: Translate },
  ): boolean {
    const problem = this.host.querySelector<HTMLElement>('[data-problem-for="csv"]');
    try {
      const { data, task } = rt.csvToData(text, { seed });
      this.data = data;
      this.task = task;
      if (problem) problem.textContent = '';
      return true;
    } catch (error) {
      if (problem)
        problem.textContent =
          error instanceof rt.CsvError
            ? csvMessage(error, t)
            : error instanceof Error
              ? error.message
              : String(error);
      this.data = undefined;
      return false;
    }
  }
}
