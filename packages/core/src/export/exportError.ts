/**
 * Thrown by `pytorchScript` when a run cannot be written as a PyTorch script: an option
 * PyTorch cannot express, or a run too large to embed. The message says which and why.
 *
 * @example
 * try { pytorchScript(spec) }
 * catch (e) { if (e instanceof ExportError) console.log(e.message) }
 */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}
