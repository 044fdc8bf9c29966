import { fromPromise, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { readMachineMeta } from '../../src/cli/readMachineMeta.ts';
import { outsideEvents } from '../../src/explore/outsideEvents.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { neverStep } from '../../src/rules/language.ts';
import { adHoc, version } from '../support/handMachines.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

// A records lookup the machine invokes: the checker does not run it, so its ending is an outside event.
const lookup = (meta: object) =>
  setup({ actors: { lookup: fromPromise(async () => ({ found: true })) } }).createMachine({
    id: 'lookup',
    initial: 'searching',
    meta,
    states: {
      searching: {
        invoke: {
          id: 'records',
          src: 'lookup',
          onDone: [{ guard: ({ event }) => (event.output as { found?: boolean } | undefined)?.found === true, target: 'found' }, { target: 'noRecords' }],
          onError: 'failed',
        },
      },
      found: { tags: ['closed'] },
      noRecords: { tags: ['closed'] },
      failed: { tags: ['closed'] },
    },
  });

const reached = (meta: object, state: string) => {
  const machine = lookup(meta);
  const rule = adHoc(`never-${state}`, neverStep((info) => info.post.matches(state), state));
  return checkMachine({ name: 'lookup', machine, ...readMachineMeta(machine) }, version, [rule])[0];
};

describe('an invoked actor’s ending', () => {
  it('is an outside event the checker tries while the invoking state is active', () => {
    expect(outsideEvents(lookup({}))).toEqual(['xstate.done.actor.records', 'xstate.error.actor.records']);
    const failed = reached({}, 'failed');
    expect(failed?.status).toBe('violated');
    expect(failed?.counterexample?.map((s) => s.what)).toEqual(['request received', 'xstate.error.actor.records']);
  });

  it('carries the output meta.alphabet declares, so each branch on it is explored', () => {
    expect(reached({}, 'found')?.status).toBe('proved');
    expect(reached({ alphabet: { 'xstate.done.actor.records': { output: [{ found: true }, { found: false }] } } }, 'found')?.status).toBe('violated');
    expect(reached({}, 'noRecords')?.status).toBe('violated');
  });

  it('whose output a guard reads without a declared value is bad input that says what to declare', () => {
    const strict = setup({ actors: { lookup: fromPromise(async () => ({ found: true })) } }).createMachine({
      id: 'strict',
      initial: 'searching',
      states: {
        searching: { invoke: { id: 'records', src: 'lookup', onDone: [{ guard: ({ event }) => (event.output as { found: boolean }).found, target: 'found' }, { target: 'found' }] } },
        found: { tags: ['closed'] },
      },
    });
    const error = inputErrorOf(() => checkMachine({ name: 'strict', machine: strict, ...readMachineMeta(strict) }, version, [adHoc('any', neverStep(() => false, ''))]));
    expect(error.field).toBe('event in state "searching"');
    expect(error.fix).toBe('declare the output values your guards and assignments read, e.g. meta: { alphabet: { "xstate.done.actor.records": { "output": [...] } } }');
  });
});
