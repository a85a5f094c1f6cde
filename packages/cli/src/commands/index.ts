import type { Command } from '../cli/command.js';
import { examplesCommand } from './examples.js';
import { replayCommand } from './replay.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';

/** Every `decaylab` subcommand, in help order. */
export const COMMANDS: readonly Command[] = [runCommand, replayCommand, examplesCommand, schemaCommand];
