import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { TransitionCache } from '../../src/explore/transitionCache.ts';

/** The explorer takes an event exactly when XState's `snapshot.can(event)` says the running machine takes it. */
describe('which events the explorer counts as taken', () => {
  const machine = createMachine({
    id: 'acceptance',
    initial: 'open',
    context: { n: 0 },
    states: {
      open: {
        on: {
          noop: {},
          act: { actions: () => undefined },
          blocked: { guard: () => false, target: 'closed' },
          close: 'closed',
        },
      },
      closed: { type: 'final' },
    },
    on: { anywhere: { actions: () => undefined } },
  });

  it.each(['noop', 'act', 'blocked', 'close', 'anywhere', 'unheard'])('%s: taken exactly when snapshot.can says so', (type) => {
    const cache = new TransitionCache(machine);
    const start = cache.start(undefined).snapshot;
    expect(cache.next(start, { type }) !== null).toBe(start.can({ type }));
  });

  it.each(['anywhere', 'close'])('after the machine is done, %s: never taken, as its stopped actor takes nothing (snapshot.can still answers for the root handler)', (type) => {
    const cache = new TransitionCache(machine);
    const done = cache.next(cache.start(undefined).snapshot, { type: 'close' })?.snapshot;
    expect(done?.status).toBe('done');
    if (!done) return;
    expect(done.can({ type })).toBe(type === 'anywhere');
    expect(cache.next(done, { type })).toBeNull();
  });
});
