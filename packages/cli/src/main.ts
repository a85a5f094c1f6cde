import { readFileSync } from 'node:fs';
import { CliError } from './cli/cliError.js';
import type { Command } from './cli/command.js';
import { type Context, processContext } from './cli/context.js';
import { EXIT } from './cli/exitCodes.js';
import { watchStdout } from './cli/watchStdout.js';
import { safeText } from './text/safeText.js';

/**
 * Each command's module, loaded only when that command runs: `--version` loads no command, and
 * a command loads only what it imports (`run` never loads Plot, linkedom or the sweep workers).
 * Same names and order as `COMMANDS` (commands/index.ts), which help loads.
 */
const LAZY: Readonly<Record<string, () => Promise<Command>>> = {
  run: async () => (await import('./commands/run.js')).runCommand,
  replay: async () => (await import('./commands/replay.js')).replayCommand,
  examples: async () => (await import('./commands/examples.js')).examplesCommand,
  sweep: async () => (await import('./commands/sweep.js')).sweepCommand,
  merge: async () => (await import('./commands/merge.js')).mergeCommand,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  plot: async () => (await import('./commands/plot.js')).plotCommand,
  schema: async () => (await import('./commands/schema.js')).schemaCommand,
};

/** Every command with its summary and help, for `--help` (loads them all). */
async function allCommands(): Promise<readonly Command[]> {
  return (await import('./commands/index.js')).COMMANDS;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function mainHelp(COMMANDS: readonly Command[]): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: decaylab <command> [options]

Run, record, replay, sweep and compare weight-decay experiments (w ← w − γ(∂L0/∂w + λw)).

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help      help (also: decaylab <command> --help)
  -V, --version   print the version
  --debug         show stack traces on errors

Exit codes: 0 success (also when a reader such as head closes the pipe early), 1 runtime, input
or write error, 2 usage or spec error, 3 the run diverged, 130 interrupted (Ctrl-C, SIGTERM,
SIGHUP: recordings end with a "cancelled" end event).
Honours NO_COLOR and the terminal width (COLUMNS when not a TTY).`;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves with the exit code;
 * errors become one-line messages on stderr (stack traces only with `--debug`).
 *
 * @example
 * process.exitCode = await cli(['run', 'overfitting', '--format', 'summary']);
 */
export async function cli(
  argv: readonly string[],
  ctx: Context = processContext(),
): Promise<number> {
  const debug = argv.includes('--debug');
  const [first, ...rest] = argv;
  const stdout = watchStdout(ctx.stdout);
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      const commands = await allCommands();
      const topic = first === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
      ctx.stdout.write(`${topic ? topic.help : mainHelp(commands)}\n`);
      return await stdout.settle(first === undefined ? EXIT.usage : EXIT.ok);
    }
    if (first === '-V' || first === '--version') {
      ctx.stdout.write(`${version()}\n`);
      return await stdout.settle(EXIT.ok);
    }
    const load = Object.hasOwn(LAZY, first) ? LAZY[first] : undefined;
    if (!load) {
      throw new CliError(
        `unknown command "${first}" (commands: ${Object.keys(LAZY).join(', ')}; see decaylab --help)`,
        {
          code: EXIT.usage,
        },
      );
    }
    const command = await load();
    return await stdout.settle(await command.run(rest, ctx));
  } catch (error) {
    if (stdout.failure?.code === 'EPIPE') return EXIT.ok;
    let code: number = EXIT.input;
    let message: string;
    // Loaded on the error path only: a command that threw these has loaded core already.
    const { ReplayError, SpecError } = await import('@decaylab/core');
    if (error instanceof CliError) {
      code = error.code;
      message = error.message;
    } else if (error instanceof SpecError) {
      code = EXIT.usage;
      message = error.message;
    } else if (error instanceof ReplayError) {
      message = error.message;
    } else if (
      error instanceof Error &&
      'code' in error &&
      typeof error.code === 'string' &&
      error.code.startsWith('E')
    ) {
      message = error.message;
    } else {
      message = `internal error: ${error instanceof Error ? error.message : String(error)}${debug ? '' : ' (run with --debug for the stack trace)'}`;
    }
    // Messages quote file names and recordings: no control character reaches the terminal.
    ctx.stderr.write(`decaylab: ${safeText(message.split('\n')[0] ?? '')}\n`);
    if (debug && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return code;
  }
}

/**
 * The `decaylab` binary's entry point: runs the CLI and sets the process's exit code.
 *
 * @example
 * main(process.argv.slice(2));
 */
export async function main(argv: readonly string[]): Promise<void> {
  const code = await cli(argv);
  process.exitCode = code;
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  process.stdin.unref?.();
}
