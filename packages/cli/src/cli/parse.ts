import { type ParseArgsConfig, parseArgs } from 'node:util';
import { usageError } from './cliError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` parseArgs with strict checking, reporting mistakes as usage errors (exit 2).
 *
 * @example
 * const { values, positionals } = parse(argv, { every: { type: 'string' } }, 'run');
 */
/** The parsed values for an options config: strings, string lists (`multiple`) or booleans. */
export type Values<O> = {
  [K in keyof O]?: O[K] extends { multiple: true }
    ? string[]
    : O[K] extends { type: 'string' }
      ? string
      : boolean;
} & { help?: boolean; debug?: boolean };

export function parse<const O extends Options>(
  argv: readonly string[],
  options: O,
  command: string,
): { values: Values<O>; positionals: string[] } {
  try {
    return parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' }, ...options },
      allowPositionals: true,
      strict: true,
    }) as { values: Values<O>; positionals: string[] };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw usageError(`${command}: ${message} (see decaylab ${command} --help)`);
  }
}

/** Reads a positive integer option, or fails with a usage error naming it. */
export function intOption(
  value: string | undefined,
  name: string,
  { min = 1 }: { min?: number } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) {
    throw usageError(`--${name}: expected an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  }
  return n;
}
