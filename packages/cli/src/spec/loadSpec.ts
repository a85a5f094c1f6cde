import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { usageError } from '../cli/cliError.js';
import { EXAMPLES, findExample } from '../examples/examples.js';
import { cannotRead } from '../io/openInput.js';

/** A spec as read, before overrides and validation, with a label for messages. */
export interface LoadedSpec {
  readonly spec: unknown;
  /** The file name, `<stdin>` or `example:NAME`. */
  readonly source: string;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw usageError(`${source}: not valid JSON (${why})`);
  }
}

/**
 * Reads `<spec.json | example-name | ->`: a file, a built-in example, or JSON on stdin.
 * A name that is neither is a usage error (exit 2); a file that cannot be read is exit 1.
 *
 * @example
 * const { spec, source } = await loadSpec('overfitting', process.stdin);
 */
export async function loadSpec(arg: string, stdin: Readable): Promise<LoadedSpec> {
  if (arg === '-') return { spec: parseJson(await readAll(stdin), '<stdin>'), source: '<stdin>' };
  // Anything that exists is read as the spec file: a regular file, a FIFO, /dev/stdin. A file
  // that exists but cannot be read is an input error (exit 1), like every unreadable file.
  const found = await stat(arg).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR' || error.code === 'ENAMETOOLONG')
      return null;
    throw cannotRead(arg, error);
  });
  if (found) {
    if (found.isDirectory()) throw cannotRead(arg, { code: 'EISDIR' });
    const text = await readFile(arg, 'utf8').catch((error: unknown) => {
      throw cannotRead(arg, error);
    });
    return { spec: parseJson(text, arg), source: arg };
  }
  const example = findExample(arg);
  if (example) return { spec: structuredClone(example.spec), source: `example:${arg}` };
  const names = EXAMPLES.map((e) => e.name).join(', ');
  throw usageError(`${arg}: no such spec file or example (examples: ${names})`);
}
