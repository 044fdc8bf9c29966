import { raise, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/domain/duration.ts';
import { explore } from '../../src/explore/explore.ts';
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

// An `after` naming a delay that setup({ delays }) lacks: XState fires it the moment the state is entered.
const undefinedDelay = setup({ delays: { grace: 3 * DAY_MS } }).createMachine({
  id: 'undefinedDelay',
  initial: 'due',
  states: { due: { after: { P11D: 'overdue' } }, overdue: { tags: ['overdue'] } },
});

describe('an `after` timer whose delay is not defined is refused, not fired at once', () => {
  it('by a timed run and by the explorer, naming the delay and how to define it', () => {
    for (const error of [inputErrorOf(() => startRun(undefinedDelay, undefined, 0)), inputErrorOf(() => explore(undefinedDelay, { inputs: [{ name: 'base', input: undefined }], events: [] }))]) {
      expect(error.field).toBe('delays.P11D');
      expect(error.problem).toContain('does not define it');
      expect(error.fix).toContain('setup({ delays: { P11D:');
    }
  });

  it('lets a defined delay through', () => {
    const defined = undefinedDelay.provide({ delays: { P11D: 11 * DAY_MS } } as never);
    expect(explore(defined, { inputs: [{ name: 'base', input: undefined }], events: [] }).nodes.map((n) => n.snapshot.value)).toEqual(['due', 'overdue']);
  });
});
