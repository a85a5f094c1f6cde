import type { Command } from '../cli/command.js';
import { compareCommand } from './compare.js';
import { examplesCommand } from './examples.js';
import { exportCommand } from './export.js';
import { mergeCommand } from './merge.js';
import { plotCommand } from './plot.js';
import { replayCommand } from './replay.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { sweepCommand } from './sweep.js';

/** Every `decaylab` subcommand, in help order. */
export const COMMANDS: readonly Command[] = [
  runCommand,
  replayCommand,
  examplesCommand,
  sweepCommand,
  mergeCommand,
  compareCommand,
  exportCommand,
  plotCommand,
  schemaCommand,
];
