import { describe, expect, it } from 'vitest';
import { ValueIds } from '../../src/explore/ValueIds.ts';

describe('ValueIds', () => {
  it('gives deeply equal values one id, whatever their key order or object identity', () => {
    const ids = new ValueIds();
    const request = { kind: 'subpoena', target: { usPerson: true, country: 'US' } };
    const a = ids.of({ request, disclosed: false, routes: ['b', 'a'] });
    expect(ids.of({ routes: ['b', 'a'], disclosed: false, request: { target: { country: 'US', usPerson: true }, kind: 'subpoena' } })).toBe(a);
    expect(ids.of({ request, disclosed: false, routes: ['b', 'a'], gone: undefined })).toBe(a);
  });

  it('keeps different values apart: a field, an order inside an array, an array against an object, a string that looks like an id', () => {
    const ids = new ValueIds();
    const inner = { x: 1 };
    const values: object[] = [
      { a: inner },
      { a: { x: 2 } },
      { a: [1] },
      { a: '#0' },
      { a: null },
      { a: 1 },
      { a: '1' },
      ['a', 'b'],
      ['b', 'a'],
      {},
      [],
    ];
    const seen = values.map((v) => ids.of(v));
    expect(new Set(seen).size).toBe(values.length);
  });

  it('gives any value an id: primitives by their JSON, never the id of an object or of another primitive', () => {
    const ids = new ValueIds();
    const values: unknown[] = ['review', 1, '1', true, 'true', null, 'null', undefined, { review: 'open' }, ['review'], '{}', {}];
    const seen = values.map((v) => ids.any(v));
    expect(new Set(seen).size).toBe(values.length);
    expect(ids.any('review')).toBe(seen[0]);
    expect(ids.any({ review: 'open' })).toBe(ids.of({ review: 'open' }));
  });

  it('reads each object once: an id is kept on the object it was computed for', () => {
    const ids = new ValueIds();
    const value = { a: 1 };
    const first = ids.of(value);
    // Values are immutable by contract: a later edit is not seen, which is what makes reuse cheap.
    (value as { a: number }).a = 2;
    expect(ids.of(value)).toBe(first);
    expect(ids.of({ a: 2 })).not.toBe(first);
  });
});
