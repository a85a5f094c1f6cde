import { runSpecSchema } from '@decaylab/core';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { parse } from '../cli/parse.js';

const help = `Usage: decaylab schema

Prints the JSON Schema (draft 2020-12) of the RunSpec, so that editors can validate spec files:

  decaylab schema > runspec.schema.json
  # then in spec.json: { "$schema": "./runspec.schema.json", ... }

Options:
  -h, --help   show this help`;

async function run(argv: readonly string[], ctx: Context): Promise<number> {
  const { values } = parse(argv, {}, 'schema');
  if (values.help) {
    ctx.stdout.write(`${help}\n`);
    return EXIT.ok;
  }
  ctx.stdout.write(`${JSON.stringify(runSpecSchema, null, 2)}\n`);
  return EXIT.ok;
}

/** `decaylab schema`. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of the RunSpec',
  help,
  run,
};
