import { parseSpec, runSpecSchema } from '@decaylab/core';
import { INVALID_SPECS } from '@decaylab/core/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../src/examples/examples.js';
import { decaylab } from './helpers.js';

// The JSON Schema that `decaylab schema` prints is core's runSpecSchema, and a validator from npm
// (ajv, draft 2020-12) accepts every built-in example with it.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(runSpecSchema);

describe('runSpecSchema with ajv', () => {
  it('`decaylab schema` prints core runSpecSchema', () => {
    expect(JSON.parse(decaylab(['schema']).stdout)).toEqual(
      JSON.parse(JSON.stringify(runSpecSchema)),
    );
  });

  for (const { name, spec } of EXAMPLES) {
    it(`validates the example ${name}, and so does its normalized form`, () => {
      expect(validate(spec), JSON.stringify(validate.errors)).toBe(true);
      const normalized = JSON.parse(JSON.stringify(parseSpec(spec)));
      expect(validate(normalized), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it('rejects the invalid specs a schema can express (types, ranges, unknown keys)', () => {
    const expressible = INVALID_SPECS.filter(([what]) =>
      ['negative lr', 'string lr', 'missing lr', 'unknown optimizer', 'momentum on adam'].includes(
        what,
      ),
    );
    expect(expressible).toHaveLength(5);
    for (const [what, spec] of expressible) expect(validate(spec), what).toBe(false);
  });
});
