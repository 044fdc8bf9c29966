import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../src/domain/duration.ts';
import { advanceTo, sendEvent, startRun, stateLabel } from '../src/time/TimedRun.ts';

const machine = setup({
  types: {} as { events: { type: 'stop' } | { type: 'go' } },
  delays: { P3D: 3 * DAY_MS, P5D: 5 * DAY_MS, half: DAY_MS / 2 },
}).createMachine({
  id: 't',
  type: 'parallel',
  states: {
    short: { initial: 'waiting', states: { waiting: { after: { P3D: 'fired' }, on: { stop: 'stopped' } }, fired: {}, stopped: {} } },
    long: { initial: 'waiting', states: { waiting: { after: { P5D: 'fired' } }, fired: {} } },
    bad: { initial: 'idle', states: { idle: { on: { go: 'halfDay' } }, halfDay: { after: { half: 'idle' } } } },
  },
});

describe('TimedRun', () => {
  it('starts the timers the initial state enters, due in whole days', () => {
    const run = startRun(machine, undefined, 0);
    expect(run.timers.map((t) => [t.delay, t.dueDay])).toEqual([
      ['P3D', 3],
      ['P5D', 5],
    ]);
  });

  it('fires timers in due order, at the end of their day', () => {
    let run = startRun(machine, undefined, 0);
    run = advanceTo(run, 3);
    expect(run.snapshot.matches({ short: 'waiting' })).toBe(true);
    run = advanceTo(run, 3, true);
    expect(run.snapshot.matches({ short: 'fired', long: 'waiting' })).toBe(true);
    run = advanceTo(run, 10, true);
    expect(run.steps.map((s) => [s.day, s.trigger.kind === 'timer' ? s.trigger.delay : s.trigger.kind])).toEqual([
      [0, 'start'],
      [3, 'P3D'],
      [5, 'P5D'],
    ]);
  });

  it('lets an outside event on the due day come before the timer, and cancels the timer of a state left', () => {
    const result = sendEvent(startRun(machine, undefined, 0), 3, { type: 'stop' });
    expect(result.ok).toBe(true);
    const run = advanceTo(result.run, 30, true);
    expect(run.snapshot.matches({ short: 'stopped' })).toBe(true);
    expect(run.steps.filter((s) => s.trigger.kind === 'timer').map((s) => s.day)).toEqual([5]);
  });

  it('refuses an event the machine cannot take and leaves the run as it was', () => {
    const run = advanceTo(startRun(machine, undefined, 0), 4);
    const result = sendEvent(run, 4, { type: 'stop' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.run).toBe(run);
    expect(result.rejection.reason).toBe('notAccepted');
    expect(result.rejection.message).toContain('short.fired');
    expect(result.rejection.accepted).toEqual(['go']);
  });

  it('refuses an event on a day whose deadlines already fired: they fire at the end of the day', () => {
    const run = advanceTo(startRun(machine, undefined, 0), 3, true);
    expect(run.snapshot.matches({ short: 'fired' })).toBe(true);
    const sameDay = sendEvent(run, 3, { type: 'go' });
    expect(sameDay.ok).toBe(false);
    if (!sameDay.ok) {
      expect(sameDay.rejection.reason).toBe('timeWentBack');
      expect(sameDay.rejection.message).toContain('day 3 has ended');
    }
    const nextDay = sendEvent(run, 4, { type: 'stop' });
    expect(nextDay.ok === false && nextDay.rejection.reason).toBe('notAccepted');
  });

  it('refuses an event dated before the last step', () => {
    const run = advanceTo(startRun(machine, undefined, 0), 4);
    const result = sendEvent(run, 2, { type: 'go' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.reason).toBe('timeWentBack');
  });

  it('refuses a delay that is not a whole number of days', () => {
    const run = startRun(machine, undefined, 0);
    expect(() => sendEvent(run, 1, { type: 'go' })).toThrow(/whole days/);
  });

  it('labels parallel states on one line', () => {
    expect(stateLabel(startRun(machine, undefined, 0).snapshot)).toBe('short.waiting · long.waiting · bad.idle');
  });
});
