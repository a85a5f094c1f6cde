/**
 * The fixed limits of a RunSpec, written once: `parseSpec` enforces them and the JSON Schema
 * (`runSpecSchema`) states them. Memory is bounded by `MEMORY_BUDGET` (see `memoryEstimate`),
 * not by a cap on features.
 */

/** The most steps one run may take. */
export const MAX_STEPS = 100_000_000;
/** The most rows in a training or validation set. */
export const MAX_ROWS = 1_000_000;
/** The widest hidden layer of an mlp. */
export const MAX_HIDDEN_WIDTH = 1024;
/** The most hidden layers of an mlp. */
export const MAX_HIDDEN_LAYERS = 64;
/** The highest polynomial degree. */
export const MAX_DEGREE = 30;
/** The largest seed (a uint32). */
export const MAX_SEED = 2 ** 32 - 1;
