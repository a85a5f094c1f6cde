import type { SpecIssue } from './specError.js';

/** A plain JSON object, as far as the checker is concerned. */
export type Obj = { readonly [key: string]: unknown };

/** Describes a received value for an error message: `-1`, `"abc"`, `NaN`, `an array`. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects every problem found while reading a spec, each with its path. */
export class Checker {
  readonly issues: SpecIssue[] = [];

  /** Records a problem: `expected X, got Y` when a received value is passed, else `expected` as is. */
  fail(path: string, expected: string, ...got: [unknown?]): undefined {
    const message = got.length > 0 ? `expected ${expected}, got ${show(got[0])}` : expected;
    this.issues.push({ path, message });
    return undefined;
  }

  /** Reads an object and reports keys outside `allowed` (a typo must never pass silently). */
  object(value: unknown, path: string, allowed: readonly string[]): Obj | undefined {
    if (!isObj(value)) return this.fail(path, 'an object', value);
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.fail(join(path, key), `unknown key (expected one of ${allowed.join(', ')})`);
      }
    }
    return value;
  }

  number(
    value: unknown,
    path: string,
    {
      min = -Infinity,
      max = Infinity,
      minExclusive = false,
      maxExclusive = false,
      integer = false,
      expected,
    }: {
      min?: number;
      max?: number;
      minExclusive?: boolean;
      maxExclusive?: boolean;
      integer?: boolean;
      expected: string;
    },
  ): number | undefined {
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (integer && !Number.isInteger(value)) ||
      value < min ||
      value > max ||
      (minExclusive && value === min) ||
      (maxExclusive && value === max)
    ) {
      return this.fail(path, expected, value);
    }
    return value;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value !== 'boolean') return this.fail(path, 'true or false', value);
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !options.includes(value as T)) {
      return this.fail(path, `one of ${options.map((o) => `"${o}"`).join(', ')}`, value);
    }
    return value as T;
  }

  /** A list of parameter names, each of which must exist. */
  names(value: unknown, path: string, known: readonly string[]): string[] | undefined {
    if (!Array.isArray(value) || value.length === 0) {
      return this.fail(path, 'a non-empty array of parameter names', value);
    }
    const out: string[] = [];
    value.forEach((name, i) => {
      if (typeof name !== 'string' || !known.includes(name)) {
        this.fail(join(path, i), `a parameter name (${known.join(', ')})`, name);
      } else if (out.includes(name)) {
        this.fail(join(path, i), `parameter "${name}" is listed twice`);
      } else {
        out.push(name);
      }
    });
    return out;
  }
}
