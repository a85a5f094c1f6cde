// The snippet runner's heavy half (engine + an RxJS subset), loaded on the first "Run".
import * as core from '@decaylab/core';
import {
  animationFrameScheduler,
  asyncScheduler,
  bufferCount,
  combineLatest,
  filter,
  finalize,
  firstValueFrom,
  from,
  interval,
  last,
  lastValueFrom,
  map,
  merge,
  type Observable,
  of,
  reduce,
  Subject,
  scan,
  skip,
  take,
  takeUntil,
  takeWhile,
  tap,
  timer,
  toArray,
  zip,
} from 'rxjs';
import { type Translate, translator } from '../../i18n/t';
import { SNIPPET_MODULES, transformImports } from './transformImports';

const quote = (name: string) => `'${name}'`;

const rxjs = {
  animationFrameScheduler,
  asyncScheduler,
  bufferCount,
  combineLatest,
  filter,
  firstValueFrom,
  from,
  interval,
  last,
  lastValueFrom,
  map,
  merge,
  of,
  reduce,
  scan,
  skip,
  take,
  takeWhile,
  tap,
  timer,
  toArray,
  zip,
};

/** Options for `runSnippet`. */
export interface RunSnippetOptions {
  /** Receives each `console.log`/`info`/`warn`/`error` line, already formatted. */
  readonly print: (line: string, level: 'log' | 'error') => void;
  /** The page's messages, for errors the reader sees (an import we do not offer). Default English. */
  readonly t?: Translate;
}

/** A running snippet: `done` settles when its code returned and every run it started ended. */
export interface SnippetRun {
  readonly done: Promise<void>;
  /** Stops every `train()` the snippet started (they complete early). */
  stop(): void;
}

/** Numbers to 6 significant digits, so printed events stay readable. */
export function formatArg(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(Number(value.toPrecision(6)));
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(6)) : v));
  } catch {
    return String(value);
  }
}

/**
 * Runs a snippet's source against the real engine. Its imports of `@decaylab/core` and `rxjs`
 * are served from this bundle; `train` is wrapped so that Stop can end it and so the runner
 * knows when every run has finished.
 *
 * @example
 * const run = runSnippet("import { train } from '@decaylab/core'; …", { print: console.log });
 * await run.done;
 */
export function runSnippet(code: string, { print, t }: RunSnippetOptions): SnippetRun {
  const stop$ = new Subject<void>();
  let active = 0;
  let bodyDone = false;
  let settle!: () => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<void>((ok, ko) => {
    settle = ok;
    fail = ko;
  });
  const check = () => {
    if (bodyDone && active === 0) settle();
  };
  const train = (spec: unknown, options?: core.TrainOptions): Observable<core.RunEvent> =>
    core.train(spec, options).pipe(
      takeUntil(stop$),
      tap({
        subscribe: () => {
          active++;
        },
      }),
      finalize(() => {
        active--;
        queueMicrotask(check);
      }),
    );
  const modules: Record<(typeof SNIPPET_MODULES)[number], object> = {
    '@decaylab/core': { ...core, train },
    rxjs,
  };
  const __import = (name: string) => {
    if (!(name in modules)) {
      // The page's translator; English (from the registered catalogue) when none was given.
      const say = t ?? translator();
      throw new Error(
        say('snippet.importOnly', {
          modules: SNIPPET_MODULES.map(quote).join(say('snippet.importAnd')),
          name,
        }),
      );
    }
    return modules[name as keyof typeof modules];
  };
  const line =
    (level: 'log' | 'error') =>
    (...args: unknown[]) =>
      print(args.map(formatArg).join(' '), level);
  const shim = { log: line('log'), info: line('log'), warn: line('error'), error: line('error') };
  try {
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...a: unknown[]) => Promise<unknown>;
    const body = new AsyncFunction('__import', 'console', transformImports(code));
    body(__import, shim).then(
      () => {
        bodyDone = true;
        check();
      },
      (error: unknown) => {
        stop$.next();
        fail(error);
      },
    );
  } catch (error) {
    fail(error);
  }
  return { done, stop: () => stop$.next() };
}
