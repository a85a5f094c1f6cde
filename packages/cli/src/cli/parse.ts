import { type ParseArgsConfig, parseArgs } from 'node:util';
import { usageError } from './cliError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed values for an options config: strings, string lists (`multiple`) or booleans. */
export type Values<O> = {
  [K in keyof O]?: O[K] extends { multiple: true }
    ? string[]
    : O[K] extends { type: 'string' }
      ? string
      : boolean;
} & { help?: boolean; debug?: boolean };

/**
 * `node:util` parseArgs with strict checking, reporting mistakes as usage errors (exit 2) on one
 * line (Node's hint included, e.g. `--every=-1` for a value starting with a dash). A flag that
 * takes one value and is given twice is an error, not "the last one wins".
 *
 * @example
 * const { values, positionals } = parse(argv, { every: { type: 'string' } }, 'run');
 */
export function parse<const O extends Options>(
  argv: readonly string[],
  options: O,
  command: string,
): { values: Values<O>; positionals: string[] } {
  const all: Options = {
    help: { type: 'boolean', short: 'h' },
    debug: { type: 'boolean' },
    ...options,
  };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: all,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(
      `${command}: ${message.replace(/\s*\n\s*/g, ' ')} (see decaylab ${command} --help)`,
    );
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const option = all[token.name];
    if (!option || option.multiple || option.type === 'boolean') continue;
    if (seen.has(token.name))
      throw usageError(
        `${command}: --${token.name} given more than once (it takes one value; see decaylab ${command} --help)`,
      );
    seen.add(token.name);
  }
  return { values: parsed.values, positionals: parsed.positionals } as {
    values: Values<O>;
    positionals: string[];
  };
}

/** Reads an integer option in [min, max], or fails with a usage error naming it. */
export function intOption(
  value: string | undefined,
  name: string,
  { min = 1, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw usageError(`--${name}: expected an integer ${range}, got ${JSON.stringify(value)}`);
  }
  return n;
}
