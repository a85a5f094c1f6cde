import { ExportError, pytorchScript } from '@decaylab/core';
import { usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { parse } from '../cli/parse.js';
import { STDOUT, writeOutput } from '../io/openOutput.js';
import { specFromArgs } from '../spec/specFromArgs.js';

const TARGETS = ['pytorch'] as const;

const help = `Usage: decaylab export <spec.json | example-name | -> --to pytorch [options]

Writes a self-contained PyTorch script (float64, needs only torch) that reproduces the run: the
same data, initial parameters, minibatch order, model, penalty, optimizer and param groups. It
prints the same NDJSON as \`decaylab run\`, so that

  decaylab run overfitting > run.ndjson
  decaylab export overfitting --to pytorch -o run.py && python3 run.py > torch.ndjson
  decaylab compare run.ndjson torch.ndjson

shows the largest parameter difference at each step (rounding level).

Options:
  --to TARGET      what to write: pytorch (the only target for now)
  -o, --out FILE   write to FILE (written whole, then renamed into place); - or none: stdout
  --steps N        override the spec's number of steps
  --seed N         override the spec's seed
  --set PATH=V     override any spec field, as in decaylab run (repeatable)
  --debug          show stack traces
  -h, --help       show this help

Exit codes: 0 done, 1 cannot write FILE, 2 usage or spec error, or an option PyTorch cannot
express (the message names it).`;

/** A word as the shell reads it: bare when safe, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w./=:,@+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** The `decaylab run` command that records the run this export reproduces (the same overrides). */
function runCommandLine(arg: string | undefined, argv: readonly string[]): string {
  const words = ['decaylab', 'run', arg === '-' || arg === undefined ? 'spec.json' : arg];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    if (['--steps', '--seed', '--set'].includes(a) && next !== undefined) {
      words.push(a, next);
      i++;
    } else if (/^--(steps|seed|set)=/.test(a)) words.push(a);
  }
  return words.map(shellWord).join(' ');
}

async function run(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      to: { type: 'string' },
      out: { type: 'string', short: 'o' },
      steps: { type: 'string' },
      seed: { type: 'string' },
      set: { type: 'string', multiple: true },
    },
    'export',
  );
  if (values.help) {
    ctx.stdout.write(`${help}\n`);
    return EXIT.ok;
  }
  if (values.to === undefined) throw usageError('export: missing --to pytorch');
  if (!(TARGETS as readonly string[]).includes(values.to))
    throw usageError(`--to: expected ${TARGETS.join(' or ')}, got ${JSON.stringify(values.to)}`);
  if (positionals.length > 1)
    throw usageError(`export: expected one spec, got ${positionals.length} arguments`);
  const { spec, source } = await specFromArgs(positionals[0], values, {
    stdin: ctx.stdin,
    command: 'export',
  });
  let script: string;
  try {
    script = pytorchScript(spec, { command: runCommandLine(positionals[0], argv) });
  } catch (error) {
    if (error instanceof ExportError) throw usageError(`${source}: ${error.message}`);
    throw error;
  }
  // The output is opened before anything is written: a bad -o fails at once; a file is written
  // whole to a temporary name and renamed into place; `-` (or no -o) is stdout, EPIPE quiet.
  await writeOutput(values.out ?? STDOUT, script, {
    stdout: ctx.stdout,
    inputs: positionals[0] === undefined ? [] : [positionals[0]],
  });
  return EXIT.ok;
}

/** `decaylab export`. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write a PyTorch script that reproduces a run and prints the same NDJSON',
  help,
  run,
};
