import { runSpecSchema, SpecError } from '@decaylab/core';
import { CsvError } from './csvData';

type Node = { readonly [key: string]: unknown };

const branches = (node: Node): Node[] => {
  const alts = (node.oneOf ?? node.anyOf) as Node[] | undefined;
  return alts ? alts.flatMap(branches) : [node];
};

/**
 * The spec paths a form may show a control for, read from `runSpecSchema`: every top-level field
 * (`steps`, `seed`, `batchSize`, `loss`, `data`, `paramGroups`, …) and every field of the objects
 * under it (`data.nVal`, `model.degree`, `optimizer.weightDecay`, `penalty.lambda`, `init.std`,
 * …; not inline data's `train` and `val`: the pasted table is one control, `data`), plus the
 * options of the real tables' factories (`data.columns`, `data.positive`,
 * `data.negative`), and `spec` for what is on no field.
 */
export const FORM_FIELDS: ReadonlySet<string> = (() => {
  const out = new Set<string>(['spec', 'data.columns', 'data.positive', 'data.negative']);
  const top = runSpecSchema.properties as unknown as Record<string, Node>;
  for (const [key, node] of Object.entries(top)) {
    out.add(key);
    for (const b of branches(node)) {
      for (const [inner, rule] of Object.entries((b.properties as Record<string, Node>) ?? {}))
        if (rule.type !== 'object') out.add(`${key}.${inner}`); // not inline data's train/val
    }
  }
  return out;
})();

/** Options for `fieldProblems`. */
export interface FieldProblemsOptions {
  /** The keys the page has a control for (default `FORM_FIELDS`); any other issue goes to `spec`. */
  readonly fields?: ReadonlySet<string>;
  /**
   * A path the issues' paths are under: `data` for a SpecError from `cars(…)` or `penguins(…)`,
   * whose paths name their options (`columns[0]` becomes `data.columns`). Default: none.
   */
  readonly under?: string;
}

/** The form key an issue's path belongs to: its first two segments, else its first, else `spec`. */
function fieldOf(path: string, fields: ReadonlySet<string>): string {
  const segments = path.replace(/\[\d+\]/g, '').split('.');
  const two = segments.slice(0, 2).join('.');
  if (segments.length >= 2 && fields.has(two)) return two;
  if (segments[0] && fields.has(segments[0])) return segments[0];
  return 'spec';
}

/**
 * Groups the messages of a failed `parseSpec` (a `SpecError`, whose issues each carry a dotted path
 * such as `optimizer.lr` or `data.train.x[3][0]`) by the form field they belong to, so that the
 * page can show each next to its control. The key is the path's leading part that names a field
 * (indexes dropped): `optimizer.lr` → `optimizer.lr`; `model.hidden[1]` → `model.hidden`;
 * `penalty.params[0]` → `penalty.params`; `paramGroups[0].weightDecay` → `paramGroups`;
 * `data.train.x[3][0]` → `data`; `init.0.weight` → `init`; `optimizer.lrr` (an unknown key) →
 * `optimizer`; the spec itself or a field the page has no control for → `spec`. A message keeps
 * the path in front when the path says more than its key (`data.train.x[3][0]: expected a finite
 * number, got NaN`). A `CsvError` goes to `data`; any other error (or a non-error) is one message
 * under `spec`. Messages are English, as `parseSpec` writes them. Keys come in the order of their
 * first issue.
 *
 * @example
 * try { parseSpec(spec) } catch (e) { fieldProblems(e).get('optimizer.lr') } // ['expected a positive number, got -1']
 */
export function fieldProblems(
  error: unknown,
  { fields = FORM_FIELDS, under = '' }: FieldProblemsOptions = {},
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (key: string, message: string) => out.set(key, [...(out.get(key) ?? []), message]);
  if (error instanceof SpecError) {
    for (const { path: own, message } of error.issues) {
      const path =
        under && own ? (own.startsWith('[') ? under + own : `${under}.${own}`) : under || own;
      const key = fieldOf(path, fields);
      add(key, path === '' || path === key ? message : `${path}: ${message}`);
    }
  } else if (error instanceof CsvError) {
    add(fields.has('data') ? 'data' : 'spec', error.message);
  } else {
    add('spec', error instanceof Error ? error.message : String(error));
  }
  return out;
}
