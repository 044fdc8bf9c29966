import { describe, expect, it } from 'vitest';
import { addClock, constrain, emptyClockZone, equalZones, extrapolate, isEmpty, removeClock, upTo, type Zone } from '../../src/explore/Zone.ts';
import { ZoneOps } from '../../src/explore/ZoneOps.ts';

/** A small deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s % n;
  };
}

describe('ZoneOps', () => {
  it.each([1, 2, 3, 4, 5])('gives the same zones as the plain operations over random walks (seed %i), one object per zone', (seed) => {
    const pick = random(seed);
    const ops = new ZoneOps();
    const clocks = ['a', 'b', 'c', '@eod'];
    const max = new Map([['@eod', 1]]);
    let plain: Zone = emptyClockZone();
    let memo = ops.intern(plain);
    const seen: Zone[] = [memo];
    for (let step = 0; step < 400; step++) {
      const clock = clocks[pick(clocks.length)] as string;
      const present = plain.clocks.includes(clock);
      const choice = pick(5);
      if (choice === 0 || !present) {
        plain = addClock(plain, clock);
        memo = ops.addClock(memo, clock);
      } else if (choice === 1) {
        plain = removeClock(plain, clock);
        memo = ops.removeClock(memo, clock);
      } else if (choice === 2) {
        const timers = plain.clocks.filter((c) => c !== '@eod').map((event) => ({ event, days: 1 + pick(40) }));
        plain = extrapolate(upTo(plain, timers), max);
        memo = ops.upToExtrapolated(memo, timers, max);
      } else {
        const op = choice === 3 ? '>=' : '<=';
        const value = pick(30);
        const next = constrain(plain, clock, op, value);
        // Every bound on this zone, not only the one taken: a remembered result must match its own operand.
        for (const v of [0, 1, 5, 20, value]) expect(equalZones(ops.constrain(memo, clock, op, v), constrain(plain, clock, op, v))).toBe(true);
        expect(ops.isEmpty(ops.constrain(memo, clock, op, value))).toBe(isEmpty(next));
        if (isEmpty(next)) continue;
        plain = next;
        memo = ops.constrain(memo, clock, op, value);
      }
      expect(equalZones(memo, plain), `step ${step}`).toBe(true);
      const twin = seen.find((z) => equalZones(z, memo));
      expect(twin === undefined || twin === memo).toBe(true);
      if (!twin) seen.push(memo);
    }
    expect(seen.length).toBeGreaterThan(5);
  });

  it('computes, without remembering, a bound too large for a memo key', () => {
    const ops = new ZoneOps();
    const z = ops.addClock(ops.intern(emptyClockZone()), 'x');
    const far = ops.constrain(z, 'x', '<=', 1 << 20);
    expect(equalZones(far, constrain(addClock(emptyClockZone(), 'x'), 'x', '<=', 1 << 20))).toBe(true);
    expect(ops.constrain(z, 'x', '<=', 1 << 20)).toBe(far);
  });
});
