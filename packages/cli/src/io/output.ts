import type { Writable } from 'node:stream';

/** Raised (as `closed`) when the reader of stdout went away, as with `decaylab run x | head -1`. */
export type CloseReason = 'epipe' | 'error';

/**
 * A batching writer over a Node stream: small writes are joined into chunks of `batchBytes`,
 * `needsDrain` tells producers to wait for `drained()`, and EPIPE closes it quietly.
 *
 * @example
 * const out = output(process.stdout);
 * out.write('{"type":"end"}\n');
 * await out.end();
 */
export class Output {
  readonly stream: Writable;
  private parts: string[] = [];
  private size = 0;
  private readonly batchBytes: number;
  /** Set once the stream failed (EPIPE: the reader closed the pipe). */
  closed: CloseReason | null = null;
  error: Error | null = null;
  private onClose: (() => void)[] = [];

  constructor(stream: Writable, { batchBytes = 1 << 16 }: { batchBytes?: number } = {}) {
    this.stream = stream;
    this.batchBytes = batchBytes;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (this.closed) return;
      this.closed = error.code === 'EPIPE' ? 'epipe' : 'error';
      this.error = error;
      for (const f of this.onClose) f();
    });
  }

  /** Calls `f` when the stream fails (EPIPE or another error). */
  whenClosed(f: () => void): void {
    if (this.closed) f();
    else this.onClose.push(f);
  }

  write(text: string): void {
    if (this.closed) return;
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.batchBytes) this.flush();
  }

  flush(): void {
    if (this.size === 0 || this.closed) {
      this.parts = [];
      this.size = 0;
      return;
    }
    const chunk = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.stream.write(chunk);
  }

  /** True when the stream's buffer is full: wait for `drained()` before producing more. */
  get needsDrain(): boolean {
    return !this.closed && this.stream.writableNeedDrain;
  }

  /** Resolves once the stream can take more (or has failed). */
  drained(): Promise<void> {
    if (!this.needsDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.whenClosed(done);
    });
  }

  /** Flushes and waits until everything written has been handed to the OS. */
  async end({ close = false }: { close?: boolean } = {}): Promise<void> {
    this.flush();
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      this.whenClosed(resolve);
      if (close) this.stream.end(resolve);
      else this.stream.write('', () => resolve());
    });
  }
}

/** A batching writer over `stream`; see `Output`. */
export const output = (stream: Writable, options: { batchBytes?: number } = {}): Output =>
  new Output(stream, options);
