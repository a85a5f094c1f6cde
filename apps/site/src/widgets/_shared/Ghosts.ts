/**
 * Ghost traces: what the reader saw at each slider position they visited, kept so a chart can
 * draw every earlier position faintly next to the current one (the reader builds the family of
 * curves by hand). One entry per key (re-visiting a position replaces it), oldest dropped first.
 *
 * @example
 * const ghosts = new Ghosts<number[]>({ max: 12 });
 * ghosts.keep('λ=1e-2', ys);            // when a run ends
 * ghosts.others('λ=1e-1')               // every kept trace but the current position's
 */
export class Ghosts<T> {
  private readonly kept = new Map<string, T>();
  private readonly max: number;
  private scope = '';

  constructor({ max = 12 }: { max?: number } = {}) {
    this.max = max;
  }

  /**
   * Forgets everything when `scope` changes (for example the seed or another slider: traces
   * are comparable only within one scope).
   */
  within(scope: string): this {
    if (scope !== this.scope) this.kept.clear();
    this.scope = scope;
    return this;
  }

  /** Keeps `value` for position `key` (the newest last). */
  keep(key: string, value: T): void {
    this.kept.delete(key);
    this.kept.set(key, value);
    while (this.kept.size > this.max) {
      const oldest = this.kept.keys().next().value;
      if (oldest === undefined) break;
      this.kept.delete(oldest);
    }
  }

  /** Every kept trace with its key, oldest first. */
  entries(): [string, T][] {
    return [...this.kept];
  }

  /** Every kept trace except position `key`'s. */
  others(key: string): T[] {
    return [...this.kept].filter(([k]) => k !== key).map(([, v]) => v);
  }

  clear(): void {
    this.kept.clear();
  }
}
