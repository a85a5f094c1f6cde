/**
 * `@decaylab/core/testing`: shared test data for packages that build on core (not part of the
 * main entry). The invalid specs let another package check that it reports exactly what
 * `parseSpec` reports.
 *
 * @example
 * import { INVALID_SPECS } from '@decaylab/core/testing';
 * for (const [what, spec, path] of INVALID_SPECS) expect(() => parseSpec(spec)).toThrow(path);
 */
export { good, INVALID_SPECS } from './testing/invalidSpecs.js';
