import { setup, assign } from 'xstate';
import { describe, expect, it } from 'vitest';
import { growingContext } from '../../src/explore/growingContext.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { termination } from '../../src/rules/deadlineRules.ts';
import { formatReport } from '../../src/cli/checkReport.ts';
import { version } from '../support/handMachines.ts';

describe('growingContext', () => {
  it('names the numbers and list lengths larger at the end of a search than anywhere in its first half', () => {
    const contexts = Array.from({ length: 40 }, (_, i) => ({ context: { count: i, fixed: 3, bounded: i % 4, nested: { log: Array.from({ length: i }, () => 0) }, when: new Date(0) } }));
    expect(growingContext(contexts)).toEqual([
      { path: 'count', early: 19, late: 39 },
      { path: 'nested.log.length', early: 19, late: 39 },
    ]);
  });

  it('finds nothing in a search whose numbers stop rising, or in contexts without numbers', () => {
    expect(growingContext(Array.from({ length: 40 }, (_, i) => ({ context: { level: Math.min(i, 5) } })))).toEqual([]);
    expect(growingContext([{ context: undefined }, { context: 'text' }, {}])).toEqual([]);
  });

  it('does not name a value drawn from a few an event may carry, met only deeper in the search', () => {
    // A gag's days: none at first, then 90, then 400 once a longer order is imposed.
    const days = (i: number) => (i < 10 ? null : i < 25 ? 90 : 400);
    expect(growingContext(Array.from({ length: 40 }, (_, i) => ({ context: { secrecyDays: days(i) } })))).toEqual([]);
  });

  it('is told with an inconclusive rule, in the report and in JSON', () => {
    const counter = setup({}).createMachine({
      id: 'counter',
      initial: 'open',
      context: { extensions: 0 },
      states: { open: { on: { 'request.withdrawn': 'done', 'notice.sent': { actions: assign({ extensions: ({ context }) => context.extensions + 1 }) } } }, done: { type: 'final', tags: ['closed', 'withdrawn'] } },
    });
    const [result] = checkMachine({ name: 'counter', machine: counter, inputs: [{ name: 'only', input: {} }], declared: {} }, version, [termination], { maxStates: 200 });
    expect(result).toMatchObject({ status: 'inconclusive', budget: 'states', growing: [{ path: 'extensions', early: expect.any(Number), late: expect.any(Number) }] });
    const text = formatReport([{ machine: 'counter', policy: 'cloudflare', version: 'v', results: result ? [result] : [], ms: 0 }]);
    expect(text).toMatch(/context\.extensions kept rising \(\d+ halfway, \d+ at the end\): if nothing bounds it, no budget is enough/);
  });
});
