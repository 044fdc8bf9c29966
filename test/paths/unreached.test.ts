import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { civilSubpoenaEntry } from '../../machines/civilSubpoena.ts';
import { preservationEntry } from '../../machines/preservation.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { explore } from '../../src/explore/explore.ts';
import { outsideEvents } from '../../src/explore/outsideEvents.ts';
import { timedGraph } from '../../src/paths/TimedGraph.ts';
import { unreached } from '../../src/paths/unreached.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';

const only = [{ name: 'only', input: undefined }];
const unusedOf = (machine: Parameters<typeof explore>[0], events: { type: string }[]) => unreached(machine, explore(machine, { inputs: only, events, subsumption: false, links: true }), only);

describe('unreached', () => {
  it('lists a state nothing leads to, a guarded branch that never holds, and all below them', () => {
    const machine = setup({ guards: { never: () => false } }).createMachine({
      id: 'm',
      initial: 'received',
      states: {
        received: { on: { told: 'done', escalate: { guard: 'never', target: 'escalated' } } },
        done: {},
        escalated: { initial: 'waiting', states: { waiting: {}, heard: {} } },
        archived: { on: { told: 'done' } },
      },
    });
    expect(unusedOf(machine, [{ type: 'told' }, { type: 'escalate' }])).toEqual({
      states: ['escalated', 'escalated.waiting', 'escalated.heard', 'archived'],
      transitions: ['received —escalate [never]→ escalated', 'archived —told→ done'],
    });
  });

  it('does not list a state passed through within a step: an eventless intake, a parallel region left at once', () => {
    const machine = setup({}).createMachine({
      id: 'm',
      initial: 'intake',
      states: {
        intake: { always: 'both' },
        both: { type: 'parallel', states: { a: { initial: 'a1', states: { a1: { always: '#m.out' } } }, b: { initial: 'b1', states: { b1: {} } } } },
        out: {},
      },
    });
    const explored = explore(machine, { inputs: only, events: [], subsumption: false, links: true });
    expect(explored.nodes.map((n) => n.snapshot.value)).toEqual(['out']);
    expect(unreached(machine, explored, only)).toEqual({ states: [], transitions: [] });
  });

  it.each([
    // A civil subpoena carries no gag; a preservation request discloses nothing, so never finds none.
    ['civilSubpoena', civilSubpoenaEntry, ['process.noRecords', 'secrecy.inForce']],
    ['preservation', preservationEntry, ['noRecords']],
  ] as const)('on %s, names the transitions coverage finds no run can take, and the states no run enters', (_kind, entry, states) => {
    const machine = withPolicy(entry.machine, policyVersionAt(cloudflare, '2026-01-15'));
    const graph = explore(machine, { inputs: entry.inputs, events: eventVariants(outsideEvents(machine), entry.alphabet), subsumption: false, links: true });
    const unused = unreached(machine, graph, entry.inputs);
    const timed = timedGraph(machine, entry.inputs, entry.alphabet);
    expect(unused.transitions).toEqual(timed.transitions.filter((t) => !timed.reachable.has(t.id)).map((t) => t.label));
    expect(unused.states).toEqual(expect.arrayContaining([...states]));
    const entered = new Set(graph.nodes.flatMap((n) => (n.snapshot as unknown as { _nodes: { path: string[] }[] })._nodes.map((x) => x.path.join('.'))));
    for (const state of unused.states) expect(entered.has(state), state).toBe(false);
  });
});
