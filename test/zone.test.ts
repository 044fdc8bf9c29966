import { describe, expect, it } from 'vitest';
import { addClock, clockRange, constrain, emptyClockZone, equalZones, includes, INF, isEmpty, removeClock, renameZone, resetClock, up, upTo, ZoneSet } from '../src/explore/Zone.ts';

describe('Zone', () => {
  it('lets time pass and bounds it by invariants', () => {
    let z = up(addClock(emptyClockZone(), 'a'));
    expect(clockRange(z, 'a')).toEqual({ min: 0, max: INF });
    z = constrain(z, 'a', '<=', 14);
    expect(clockRange(z, 'a')).toEqual({ min: 0, max: 14 });
  });

  it('keeps differences between clocks started at different times', () => {
    let z = constrain(up(addClock(emptyClockZone(), 'a')), 'a', '<=', 30);
    z = constrain(z, 'a', '>=', 10);
    z = constrain(up(addClock(z, 'b')), 'a', '<=', 30);
    expect(clockRange(z, 'b')).toEqual({ min: 0, max: 20 });
    expect(isEmpty(constrain(z, 'b', '>=', 21))).toBe(true);
    expect(isEmpty(constrain(z, 'b', '>=', 20))).toBe(false);
  });

  it('resets, removes and compares zones', () => {
    const z = constrain(up(addClock(addClock(emptyClockZone(), 'b'), 'a')), 'a', '<=', 5);
    const narrower = constrain(z, 'b', '>=', 3);
    expect(includes(z, narrower)).toBe(true);
    expect(includes(narrower, z)).toBe(false);
    expect(clockRange(resetClock(narrower, 'a'), 'a')).toEqual({ min: 0, max: 0 });
    expect(removeClock(z, 'a').clocks).toEqual(['b']);
    expect(clockRange(removeClock(z, 'a'), 'b')).toEqual({ min: 0, max: 5 });
  });

  it('lets time pass up to each pending timer’s length, ignoring timers it has no clock for', () => {
    const started = constrain(up(addClock(emptyClockZone(), 'a')), 'a', '>=', 10);
    const z = upTo(addClock(constrain(started, 'a', '<=', 10), 'b'), [
      { event: 'a', days: 30 },
      { event: 'gone', days: 1 },
    ]);
    expect(clockRange(z, 'a')).toEqual({ min: 10, max: 30 });
    expect(clockRange(z, 'b')).toEqual({ min: 0, max: 20 });
    expect(upTo(emptyClockZone(), [{ event: 'a', days: 3 }])).toEqual(emptyClockZone());
  });

  it('renames clocks as a permutation, keeping every bound with its clock', () => {
    let z = constrain(up(addClock(emptyClockZone(), 'x/a')), 'x/a', '>=', 10);
    z = constrain(up(addClock(constrain(z, 'x/a', '<=', 10), 'y/a')), 'x/a', '<=', 30);
    const swap = (c: string) => (c.startsWith('x/') ? `y/${c.slice(2)}` : c.startsWith('y/') ? `x/${c.slice(2)}` : c);
    const swapped = renameZone(z, swap);
    expect(swapped.clocks).toEqual(['x/a', 'y/a']);
    expect(clockRange(swapped, 'y/a')).toEqual(clockRange(z, 'x/a'));
    expect(clockRange(swapped, 'x/a')).toEqual(clockRange(z, 'y/a'));
    expect(clockRange(swapped, 'x/a')).not.toEqual(clockRange(swapped, 'y/a'));
    const back = renameZone(swapped, swap);
    expect(includes(back, z) && includes(z, back)).toBe(true);
  });

  it('stores each distinct zone once: equal zones intern to one object, different ones stay apart', () => {
    const set = new ZoneSet();
    const a = constrain(up(addClock(emptyClockZone(), 'a')), 'a', '<=', 14);
    const same = constrain(up(addClock(emptyClockZone(), 'a')), 'a', '<=', 14);
    const tighter = constrain(a, 'a', '<=', 13);
    const renamed = renameZone(a, () => 'b');
    expect(a).not.toBe(same);
    expect(set.intern(a)).toBe(a);
    expect(set.intern(same)).toBe(a);
    expect(set.intern(tighter)).toBe(tighter);
    // Same matrix, another clock: a different zone.
    expect(equalZones(renamed, a)).toBe(false);
    expect(set.intern(renamed)).toBe(renamed);
    expect(equalZones(set.intern(constrain(up(addClock(emptyClockZone(), 'a')), 'a', '<=', 13)), tighter)).toBe(true);
  });
});
