/** One problem found in a RunSpec: where it is and what was wrong. */
export interface SpecIssue {
  /** A dotted path such as `optimizer.lr` or `data.train.x[3]`; empty for the spec itself. */
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown by `parseSpec` (and so by `train`) when a RunSpec is invalid. It lists every problem.
 *
 * @example
 * try { parseSpec({ ...spec, optimizer: { kind: 'sgd', lr: -1 } }) }
 * catch (e) { if (e instanceof SpecError) console.log(e.issues[0].path) } // "optimizer.lr"
 */
export class SpecError extends Error {
  readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[]) {
    const lines = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    super(
      lines.length === 1
        ? `invalid spec: ${lines[0]}`
        : `invalid spec (${lines.length} problems): ${lines.join('; ')}`,
    );
    this.name = 'SpecError';
    this.issues = issues;
  }
}
