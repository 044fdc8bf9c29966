import { describe, expect, it } from 'vitest';
import { stableJson } from '../../src/explore/snapshotKey.ts';
import { ValueIds } from '../../src/explore/ValueIds.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

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

  it('tells dates, maps and sets apart by their content, not their (empty) own keys, and matches equal ones', () => {
    const ids = new ValueIds();
    const jan = ids.of({ at: new Date('2026-01-01') });
    expect(ids.of({ at: new Date('2026-01-01T00:00:00Z') })).toBe(jan);
    const values: object[] = [{ at: new Date('2026-06-01') }, { at: {} }, { at: new Map([['a', 1]]) }, { at: new Map([['a', 2]]) }, { at: new Set(['a']) }, { at: new Set(['b']) }, { at: new Map() }, { at: new Set() }];
    const seen = [jan, ...values.map((v) => ids.of(v))];
    expect(new Set(seen).size).toBe(seen.length);
    expect(ids.of({ at: new Map([['b', 2], ['a', 1]]) })).toBe(ids.of({ at: new Map([['a', 1], ['b', 2]]) }));
    expect(ids.of({ at: new Set(['b', 'a']) })).toBe(ids.of({ at: new Set(['a', 'b']) }));
    expect(stableJson({ at: new Date('2026-01-01') })).toBe('{"at":{"$date":"2026-01-01T00:00:00.000Z"}}');
    expect(stableJson(new Map([['b', 2], ['a', 1]]))).toBe(stableJson(new Map([['a', 1], ['b', 2]])));
    expect(stableJson(new Set(['b', 'a']))).toBe('{"$set":["a","b"]}');
  });

  it('names where a value contains itself, Maps and Sets included, and takes a subobject shared twice', () => {
    const ids = new ValueIds();
    const shared = { a: 1 };
    expect(() => ids.of({ x: shared, y: shared })).not.toThrow();
    const looped: { self?: unknown } = {};
    looped.self = looped;
    expect(inputErrorOf(() => ids.of({ looped })).field).toBe('context.looped.self');
    const set = new Set<unknown>(['a']);
    set.add(set);
    expect(inputErrorOf(() => ids.of({ set })).field).toBe('context.set[member 1]');
    const map = new Map<unknown, unknown>([['a', 1]]);
    map.set('me', map);
    expect(inputErrorOf(() => ids.of({ map })).field).toBe('context.map.get("me")');
  });
});
