import { assign, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.ts';

// A context that holds a Date: every Date has no own keys, so read as plain data they all look alike.
const machine = setup({ types: {} as { context: { at: Date | null }; events: { type: 'stamp'; early: boolean } | { type: 'close' } } }).createMachine({
  id: 'dated',
  initial: 'open',
  context: { at: null },
  states: {
    open: { on: { stamp: { target: 'stamped', actions: assign({ at: ({ event }) => new Date(event.early ? '2026-01-01' : '2026-06-01') }) } } },
    stamped: { on: { close: [{ guard: ({ context }) => context.at?.getUTCMonth() === 0, target: 'early' }, { target: 'late' }] } },
    early: {},
    late: {},
  },
});

describe('a context holding a Date', () => {
  it('keeps states with different dates apart, so both outcomes are explored', () => {
    const events = [{ type: 'stamp', early: true }, { type: 'stamp', early: false }, { type: 'close' }];
    const graph = explore(machine, { inputs: [{ name: 'only', input: undefined }], events, subsumption: false });
    expect(graph.nodes.map((n) => n.snapshot.value)).toEqual(['open', 'stamped', 'stamped', 'early', 'late']);
  });
});
