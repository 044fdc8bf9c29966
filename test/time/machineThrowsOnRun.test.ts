import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { MachineThrew } from '../../src/explore/machineThrew.ts';
import { advanceTo, sendEvent, startRun } from '../../src/time/TimedRun.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

const DAY = 86_400_000;
const broken = () => {
  throw new Error('no request');
};

/** A guard that throws on the outside event, another on the timer, and a pair of states that hand the machine back and forth for ever. */
const machine = setup({ guards: { broken }, delays: { P3D: 3 * DAY } }).createMachine({
  id: 'faulty',
  initial: 'open',
  states: {
    open: { on: { 'notice.sent': [{ guard: 'broken', target: 'told' }], 'request.withdrawn': 'ping', 'secrecy.imposed': 'waiting' } },
    waiting: { after: { P3D: [{ guard: 'broken', target: 'told' }] } },
    ping: { always: 'pong' },
    pong: { always: 'ping' },
    told: { type: 'final', tags: ['closed', 'withdrawn'] },
  },
});

describe('a run whose machine fails in its own code (the API, as the CLI reports it)', () => {
  it('an outside event: an InputError naming the state and the event, and the run as it was', () => {
    const run = startRun(machine, undefined, 0);
    const error = inputErrorOf(() => sendEvent(run, 1, { type: 'notice.sent' }));
    expect(error).toBeInstanceOf(MachineThrew);
    expect(error).toMatchObject({ field: 'event in state "open"', value: { type: 'notice.sent' } });
    expect(error.problem).toMatch(/^the machine threw on it: .*no request/s);
    expect(run.steps).toHaveLength(1);
  });

  it('a deadline firing: the state and the timer', () => {
    const waiting = sendEvent(startRun(machine, undefined, 0), 1, { type: 'secrecy.imposed' });
    if (!waiting.ok) throw new Error(waiting.rejection.message);
    const error = inputErrorOf(() => advanceTo(waiting.run, 10));
    expect(error.field).toBe('event in state "waiting"');
    expect(error.value).toMatchObject({ type: expect.stringContaining('P3D') });
  });

  it('eventless transitions that never settle: refused, not a step that never ends', () => {
    const error = inputErrorOf(() => sendEvent(startRun(machine, undefined, 0), 1, { type: 'request.withdrawn' }));
    expect(error.problem).toMatch(/loops through eventless transitions/);
  });
});
