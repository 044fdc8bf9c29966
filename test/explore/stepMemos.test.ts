import { describe, expect, it } from 'vitest';
import type { Monitor, StepInfo } from '../../src/explore/Monitor.ts';
import { MonitorTuples } from '../../src/explore/MonitorTuples.ts';
import { EOD, TimerEffects, TimerOpLists } from '../../src/explore/TimerEffects.ts';
import type { Move, TimerOp } from '../../src/explore/Move.ts';
import { TransitionCache } from '../../src/explore/transitionCache.ts';
import { setup } from 'xstate';
import { addClock, emptyClockZone, equalZones, removeClock } from '../../src/explore/Zone.ts';
import { ZoneOps } from '../../src/explore/ZoneOps.ts';

const start = (event: string, days: number): TimerOp => ({ op: 'start', event, delay: `P${days}D`, days });

describe('TimerEffects', () => {
  it('moves a restarted timer to the end of the pending list and drops a cancelled one, as the plain list operations do', () => {
    const effects = new TimerEffects(new ZoneOps());
    const two = effects.of([start('a', 7), start('b', 3)]).list(effects.listId([]));
    expect(effects.lists[two]).toEqual([
      { event: 'a', delay: 'P7D', days: 7 },
      { event: 'b', delay: 'P3D', days: 3 },
    ]);
    const restarted = effects.of([start('a', 7)]).list(two);
    expect(effects.lists[restarted]?.map((t) => t.event)).toEqual(['b', 'a']);
    const cancelled = effects.of([{ op: 'cancel', event: 'b' }]).list(restarted);
    expect(effects.lists[cancelled]?.map((t) => t.event)).toEqual(['a']);
  });

  it('gives equal lists one id, and tells apart lists that differ only in days', () => {
    const effects = new TimerEffects(new ZoneOps());
    const a = effects.listId([{ event: 'x', delay: 'd', days: 7 }]);
    expect(effects.listId([{ event: 'x', delay: 'd', days: 7 }])).toBe(a);
    expect(effects.listId([{ event: 'x', delay: 'd', days: 8 }])).not.toBe(a);
  });

  it('changes the zone as the plain clock operations do, the end-of-day clock included, and remembers it per zone', () => {
    const zones = new ZoneOps();
    const effects = new TimerEffects(zones);
    const before = zones.intern(addClock(addClock(emptyClockZone(), 'a'), EOD));
    const effect = effects.of([{ op: 'cancel', event: 'a' }, start('b', 2)]);
    const plain = removeClock(addClock(removeClock(removeClock(addClock(addClock(emptyClockZone(), 'a'), EOD), 'a'), 'b'), 'b'), EOD);
    const after = effect.zone(before, false);
    expect(equalZones(after, plain)).toBe(true);
    expect(effect.zone(before, false)).toBe(after);
    expect(effect.zone(before, true).clocks).toEqual([EOD, 'b']);
    expect(effect.starts).toEqual([['b'], ['b', EOD]]);
  });

  it('shares one effect between equal operation lists, and puts a fired timer\'s cancel first', () => {
    const effects = new TimerEffects(new ZoneOps());
    expect(effects.of([start('a', 1)])).toBe(effects.of([start('a', 1)]));
    expect(effects.of([start('a', 1)])).not.toBe(effects.of([start('a', 2)]));
    const ops = [start('b', 1)];
    expect(effects.firedOps(ops, 'a')).toEqual([{ op: 'cancel', event: 'a' }, start('b', 1)]);
    expect(effects.firedOps(ops, 'a')).toBe(effects.firedOps(ops, 'a'));
    const lists = new TimerOpLists();
    const cancelA = lists.intern([{ op: 'cancel', event: 'a' }]);
    expect(lists.intern([{ op: 'cancel', event: 'a' }])).toBe(cancelA);
    expect(lists.intern([{ op: 'cancel', event: 'b' }])).not.toBe(cancelA);
    expect(lists.intern([start('a', 1)])).not.toBe(lists.intern([start('a', 2)]));
  });
});

describe('MonitorTuples', () => {
  /** Counts steps it sees, so a test can tell a remembered step from a computed one. */
  const counter = (calls: { n: number }): Monitor<{ seen: number }> => ({
    initial: () => ({ state: { seen: 0 } }),
    step: (s, info) => {
      calls.n++;
      const seen = Math.min(s.seen + 1, 2);
      return { state: { seen }, ...(seen === 2 && info.event.type === 'bad' ? { violation: { message: 'bad twice' } } : {}) };
    },
    key: (s) => String(s.seen),
    deadline: (s) => (s.seen === 1 ? { clock: 'c', days: 3, message: 'late' } : null),
  });
  const info = (type: string) => ({ kind: 'event', event: { type }, pre: null, post: null, input: null }) as unknown as StepInfo;

  it('interns states by key, so equal states are one object, and gives their deadlines', () => {
    const calls = { n: 0 };
    const tuples = new MonitorTuples([counter(calls)], 1);
    const first = tuples.start(info('x'), [null]);
    const moveA = {};
    const a = tuples.remember(first.tuple, [null], 0, moveA, 0, info('x'));
    const b = tuples.remember(first.tuple, [null], 0, {}, 0, info('y'));
    expect(a.tuple).toBe(b.tuple);
    expect(tuples.states(a.tuple)[0]).toBe(tuples.states(b.tuple)[0]);
    expect(tuples.states(a.tuple)).toBe(tuples.states(b.tuple));
    expect(tuples.deadline(0, a.tuple)).toEqual({ clock: 'c', days: 3, message: 'late' });
    expect(tuples.deadline(0, first.tuple)).toBeNull();
  });

  it('remembers a step per move, monitor states, failures and input, and computes anew when one differs', () => {
    const calls = { n: 0 };
    const tuples = new MonitorTuples([counter(calls), counter(calls)], 2);
    const first = tuples.start(info('x'), [null, null]);
    const move = {};
    expect(tuples.known(first.tuple, 0, move, 0)).toBeUndefined();
    const step = tuples.remember(first.tuple, [null, null], 0, move, 0, info('bad'));
    expect(calls.n).toBe(2);
    expect(tuples.known(first.tuple, 0, move, 0)).toBe(step);
    expect(tuples.known(first.tuple, 0, move, 1)).toBeUndefined();
    expect(tuples.known(first.tuple, 1, move, 0)).toBeUndefined();
    expect(tuples.known(step.tuple, 0, move, 0)).toBeUndefined();
    expect(tuples.known(first.tuple, 0, {}, 0)).toBeUndefined();
  });

  it('no longer runs a failed rule\'s monitor, and blanks its place in the stored key', () => {
    const calls = { n: 0 };
    const tuples = new MonitorTuples([counter(calls), counter(calls)], 1);
    const first = tuples.start(info('x'), [null, null]);
    const one = tuples.remember(first.tuple, [null, null], 0, {}, 0, info('x'));
    const failed = [{ message: 'earlier' }, null];
    const two = tuples.remember(one.tuple, failed, 1, {}, 0, info('bad'));
    expect(two.verdicts[0]).toBeNull();
    expect(tuples.states(two.tuple)[0]).toBeNull();
    expect(tuples.states(two.tuple)[1]).not.toBeNull();
    expect(two.verdicts[1]?.violation?.message).toBe('bad twice');
    expect(tuples.key(one.tuple, [null, null], 0)).toBe(one.tuple);
    expect(tuples.key(one.tuple, failed, 1)).not.toBe(one.tuple);
    expect(tuples.key(two.tuple, failed, 1)).toBe(two.tuple);
  });
});

describe('TransitionCache', () => {
  it('carries one snapshot object per state on every move to it, whichever step reached it', () => {
    const machine = setup({}).createMachine({
      initial: 'a',
      states: { a: { on: { go: 'b', skip: 'c' } }, b: { on: { go: 'c' } }, c: { on: { back: 'a' } } },
    });
    const cache = new TransitionCache(machine);
    const a = cache.start(undefined);
    const b = cache.next(a.snapshot, { type: 'go' }) as Move;
    const viaB = cache.next(b.snapshot, { type: 'go' }) as Move;
    const direct = cache.next(a.snapshot, { type: 'skip' }) as Move;
    expect(viaB.snapshot.value).toBe('c');
    expect(direct.id).toBe(viaB.id);
    expect(direct.snapshot).toBe(viaB.snapshot);
    expect((cache.next(direct.snapshot, { type: 'back' }) as Move).snapshot).toBe(a.snapshot);
  });

  it('logs each step it computes when asked, not one it remembers, and computes the logged ones again without remembering or logging more', () => {
    const machine = setup({ guards: { open: () => false } }).createMachine({
      initial: 'a',
      states: { a: { after: { 86_400_000: 'b' }, on: { go: 'b', shut: { guard: 'open', target: 'b' } } }, b: {} },
    });
    const cache = new TransitionCache(machine);
    const a = cache.start(undefined);
    cache.stepLog = [];
    cache.next(a.snapshot, { type: 'go' });
    cache.next(a.snapshot, { type: 'go' });
    expect(cache.next(a.snapshot, { type: 'shut' })).toBeNull();
    const [timer] = cache.timerEvents();
    expect(cache.fire(a.snapshot, { type: timer as string })?.snapshot.value).toBe('b');
    expect(cache.stepLog.map((s) => [s.event.type, s.how, s.snapshot === a.snapshot])).toEqual([
      ['go', 'taken', true],
      ['shut', 'taken', true],
      [timer, 'next', true],
    ]);
    const [ported, transitions] = [cache.portedSteps, cache.transitions];
    expect(cache.replaySteps()).toBe(3);
    expect(cache.portedSteps - ported).toBe(3);
    expect(cache.transitions).toBe(transitions);
    expect(cache.stepLog).toHaveLength(3);
  });
});
