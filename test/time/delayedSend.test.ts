import { raise, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/domain/duration.ts';
import { sendEvent, startRun } from '../../src/time/TimedRun.ts';
import { applyTimerChanges, refuseDelayedSend } from '../../src/time/timerChanges.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

// A reminder raised with a delay: XState would deliver it on day 10; the model has no clock for it.
const reminder = setup({}).createMachine({
  id: 'reminder',
  initial: 'open',
  states: {
    open: { on: { 'secrecy.imposed': { target: 'gagged', actions: raise({ type: 'autoNotify' }, { delay: 10 * DAY_MS }) } } },
    gagged: { tags: ['secrecy'], on: { autoNotify: 'told' } },
    told: { tags: ['noticeSent'] },
  },
});

describe('a delayed event other than an `after` timer is refused, not dropped', () => {
  it('by a timed run, naming the event and the way to write it', () => {
    const run = startRun(reminder, undefined, 0);
    const error = inputErrorOf(() => sendEvent(run, 0, { type: 'secrecy.imposed', days: 30 } as never));
    expect(error.field).toBe('raise("autoNotify", { delay })');
    expect(error.problem).toContain('after 10 days');
    expect(error.fix).toContain('`after`');
  });

  it('lets `after` timers, cancels and undelayed raises through', () => {
    const after = { type: 'xstate.raise', params: { event: { type: 'xstate.after.P14D.m.a' }, id: 'xstate.after.P14D.m.a', delay: 14 * DAY_MS } };
    expect(applyTimerChanges([], [after, { type: 'xstate.raise', params: { event: { type: 'go' } } }], 0, 0).map((t) => t.dueDay)).toEqual([14]);
    expect(() => refuseDelayedSend({ type: 'xstate.cancel', params: { sendId: 'remind' } })).not.toThrow();
    expect(inputErrorOf(() => refuseDelayedSend({ type: 'xstate.sendTo', params: { event: { type: 'ping' }, delay: DAY_MS } })).field).toBe('sendTo("ping", { delay })');
  });
});
