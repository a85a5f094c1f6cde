import { describe, expect, it } from 'vitest';
import { applySet, applySets, MAX_SPEC_DEPTH, plainCopy } from './applySet.js';

describe('applySet', () => {
  it('builds null-prototype objects and never touches Object.prototype', () => {
    const spec = applySets({}, ['optimizer.weightDecay=0.01', 'model.hidden[1]=8']) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.getPrototypeOf(spec)).toBeNull();
    expect(Object.getPrototypeOf(spec.optimizer)).toBeNull();
    expect(spec.model?.hidden).toEqual([undefined, 8]);
    for (const path of ['__proto__.steps', 'a.constructor.x', 'prototype', 'a[0].__proto__'])
      expect(() => applySet({}, path, 7), path).toThrow(/is not a spec field/);
    expect(({} as Record<string, unknown>).steps).toBeUndefined();
  });

  it('does not change its input', () => {
    const spec = { optimizer: { lr: 0.1 } };
    applySet(spec, 'optimizer.lr', 1);
    expect(spec.optimizer.lr).toBe(0.1);
  });

  it('refuses __proto__ keys in values and nesting past the limit, without recursion', () => {
    expect(() => plainCopy(JSON.parse('{"a":{"__proto__":{"x":1}}}'), 'f.json')).toThrow(
      /f\.json: invalid spec: a\.__proto__ is not a spec field/,
    );
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(() => plainCopy(deep, 'deep.json')).toThrow(
      new RegExp(`nests deeper than ${MAX_SPEC_DEPTH} levels`),
    );
    let ok: unknown = 1;
    for (let i = 0; i < MAX_SPEC_DEPTH - 1; i++) ok = [ok];
    expect(() => plainCopy(ok, 'ok')).not.toThrow();
  });
});
