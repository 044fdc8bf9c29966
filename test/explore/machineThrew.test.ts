import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.ts';
import { MAX_MICROSTEPS } from '../../src/explore/capMicrosteps.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const FIX = 'make every guard, assignment and delay work for each input and event the checker tries (meta.inputs, meta.alphabet)';
const only = [{ name: 'only', input: undefined }];

describe('a machine whose own code fails', () => {
  it('on a step: the state, the event and what it threw, as an InputError', () => {
    const machine = setup({ guards: { broken: () => { throw new Error('no request'); } } }).createMachine({
      id: 'broken',
      initial: 'open',
      states: { open: { on: { go: { guard: 'broken', target: 'done' } } }, done: {} },
    });
    const error = inputErrorOf(() => explore(machine, { inputs: only, events: [{ type: 'go' }] }));
    expect([error.field, error.value, error.fix]).toEqual(['event in state "open"', { type: 'go' }, FIX]);
    expect(error.message).toMatch(/the machine threw on it: Unable to evaluate guard 'broken' .*no request/s);
  });

  it('at the start: the input it could not start from (XState keeps that failure in the snapshot)', () => {
    const machine = setup({}).createMachine({ id: 'noStart', initial: 'open', context: ({ input }) => ({ kind: (input as { kind: string }).kind }), states: { open: {} } });
    const error = inputErrorOf(() => explore(machine, { inputs: only, events: [] }));
    expect(error.field).toBe('input');
    expect(error.message).toContain('the machine failed to start from it: ');
  });

  it('a loop of eventless transitions that never settles, instead of running for ever', () => {
    const machine = setup({}).createMachine({ id: 'loop', initial: 'a', states: { a: { on: { go: 'b' } }, b: { always: 'c' }, c: { always: 'b' } } });
    const error = inputErrorOf(() => explore(machine, { inputs: only, events: [{ type: 'go' }] }));
    expect([error.field, error.value]).toEqual(['event in state "a"', { type: 'go' }]);
    expect(error.message).toContain('given it, the machine loops through eventless transitions (or raised events) without settling');
    const atStart = setup({}).createMachine({ id: 'loopAtStart', initial: 'b', states: { b: { always: 'c' }, c: { always: 'b' } } });
    expect(inputErrorOf(() => explore(atStart, { inputs: only, events: [] })).message).toMatch(/^input: started from it, the machine loops through eventless transitions/);
    expect(error.fix).toContain('a guard that turns false');
    expect((machine as unknown as { options: { maxIterations: number } }).options.maxIterations).toBe(MAX_MICROSTEPS);
  });

  it.each([
    ['endlessLoop', /^dueprocess: event in state "open": given it, the machine loops through eventless transitions \(or raised events\) without settling/],
    ['throwingGuard', /^dueprocess: event in state "open": the machine threw on it: Unable to evaluate guard 'isWarrant'/],
    ['throwingContext', /^dueprocess: input: the machine failed to start from it: /],
    ['delayedRaise', /^dueprocess: raise\("autoNotify", \{ delay \}\): sends "autoNotify" after 10 days, but only `after` timers are clocks/],
    ['delayedRaiseWithId', /^dueprocess: raise\("autoNotify", \{ delay \}\): sends "autoNotify" after 10 days/],
    ['delayedSendTo', /^dueprocess: sendTo\("autoNotify", \{ delay \}\): sends "autoNotify" after 10 days/],
    ['spawnedActor', /^dueprocess: context\.kids\[0\]: holds a spawned actor/],
  ])('check --machine exits 2 on %s, with a fix and no stack trace', async (name, message) => {
    const { code, out, err } = await runCliCaptured(['check', '--machine', 'test/fixtures/throwingMachines.js', '--export', name, '--policy', 'cloudflare']);
    expect(code).toBe(2);
    expect(out).toBe('');
    // Notes (a machine stepped by XState, words off the vocabulary) may come first.
    expect(err.slice(err.indexOf('dueprocess: '))).toMatch(message);
    expect(err).toMatch(/\. Fix: \S/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
