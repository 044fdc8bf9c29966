import { describe, expect, it } from 'vitest';
import { addClock, clockRange, constrain, emptyClockZone, includes, INF, isEmpty, removeClock, resetClock, up } from '../src/explore/Zone.ts';

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
});
