import { type AnyMachineSnapshot, type AnyStateMachine, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { productMachine } from '../../bench/support/productMachine.ts';
import { civilSubpoenaEntry, civilSubpoenaSpec } from '../../machines/civilSubpoena.ts';
import { createDemandMachine } from '../../machines/lifecycle/createDemandMachine.ts';
import { DAY_MS } from '../../src/domain/duration.ts';
import type { Exploration, PathStep } from '../../src/explore/Exploration.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { explore } from '../../src/explore/explore.ts';
import { type ProductOptions, exploreProduct } from '../../src/explore/exploreProduct.ts';
import { pathOf } from '../../src/explore/pathOf.ts';
import { pureStepper } from '../../src/explore/pureStepper.ts';
import { stableJson } from '../../src/explore/snapshotKey.ts';
import { datePath } from '../../src/explore/witness.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

const version = policyVersionAt(cloudflare, '2026-01-15');
const NAMES = ['civilSubpoena1', 'civilSubpoena2'];
const input = civilSubpoenaEntry.inputs[0]?.input;
const types = civilSubpoenaEntry.machine.root.events.filter((t) => !t.startsWith('xstate.'));
const prefixed = NAMES.flatMap((name) => eventVariants(types, civilSubpoenaEntry.alphabet).map((e) => ({ ...e, type: `${name}/${e.type}` })));
const inputs = [{ name: 'plain', input: Object.fromEntries(NAMES.map((n) => [n, input])) }];

/** The earliest day of each discrete product state, keyed by each component's value and context. */
function earliest<S>(run: Exploration<S>, parts: (state: S) => { value: unknown; context: unknown }[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const node of run.nodes) {
    const key = parts(node.snapshot)
      .map((p) => `${JSON.stringify(p.value)}|${stableJson(p.context)}`)
      .join(' & ');
    const day = datePath(pathOf(run.nodes, node.id).path).at(-1) as number;
    days.set(key, Math.min(day, days.get(key) ?? Infinity));
  }
  return days;
}

/** Replays a product path on the components' own snapshots, each outside event checked as enabled. */
function replayProduct(machine: AnyStateMachine, path: readonly PathStep[]): AnyMachineSnapshot[] {
  const stepper = pureStepper(machine);
  let state: AnyMachineSnapshot[] = [];
  for (const step of path) {
    if (step.kind === 'start') {
      state = NAMES.map(() => stepper.initial(input)[0]);
      continue;
    }
    const type = step.event?.type ?? '';
    const i = NAMES.indexOf(type.slice(0, type.indexOf('/')));
    const event = { ...step.event, type: type.slice(type.indexOf('/') + 1) };
    const own = state[i] as AnyMachineSnapshot;
    if (step.kind === 'event') expect(own.can(event)).toBe(true);
    state = state.map((s, j) => (j === i ? stepper.next(own, event)[0] : s));
  }
  return state;
}

describe('exploreProduct', () => {
  it('reaches the same states on the same earliest days as one XState machine with a region per request', () => {
    const copies = NAMES.map((kind) => withPolicy(createDemandMachine({ ...civilSubpoenaSpec, kind }) as never, version) as AnyStateMachine);
    const whole = explore(productMachine('both', copies), { inputs, events: prefixed });
    const shared = withPolicy(createDemandMachine(civilSubpoenaSpec) as never, version) as AnyStateMachine;
    const composed = exploreProduct(
      NAMES.map((name) => ({ name, machine: shared })),
      { inputs, events: prefixed },
    );
    expect(whole.complete && composed.complete).toBe(true);
    expect(composed.nodes.length).toBe(whole.nodes.length);
    const ours = earliest(composed, (s) => s.map((c) => ({ value: c.value, context: c.context })));
    const theirs = earliest(whole, (s: AnyMachineSnapshot) => NAMES.map((n) => ({ value: (s.value as Record<string, unknown>)[n], context: (s.context as Record<string, unknown>)[n] })));
    expect(ours.size).toBeGreaterThan(100);
    expect([...ours].sort()).toEqual([...theirs].sort());
    // Both components are one machine, so XState computes each of its steps once: one more start, no more steps.
    const alone = explore(withPolicy(createDemandMachine(civilSubpoenaSpec) as never, version) as AnyStateMachine, { inputs: [{ name: 'plain', input }], events: eventVariants(types, civilSubpoenaEntry.alphabet) });
    expect(composed.transitions).toBe(alone.transitions + 1);
    expect(composed.transitions).toBeLessThan(whole.transitions / 10);
  });

  it('keeps each component’s timers its own', () => {
    const timed = createMachine({ id: 't', initial: 'idle', states: { idle: { on: { go: 'waiting' } }, waiting: { after: { [2 * DAY_MS]: 'done' } }, done: { type: 'final' } } });
    const run = exploreProduct(
      [
        { name: 'a', machine: timed },
        { name: 'b', machine: timed },
      ],
      { inputs: [{ name: 'x', input: {} }], events: [{ type: 'a/go' }, { type: 'b/go' }] },
    );
    const bothDone = run.nodes.filter((n) => n.snapshot.every((s) => s.value === 'done'));
    expect(bothDone.length).toBeGreaterThan(0);
    const days = bothDone.map((n) => datePath(pathOf(run.nodes, n.id).path).at(-1) as number);
    expect(Math.min(...days)).toBe(2);
    const aDoneBWaiting = run.nodes.find((n) => n.snapshot[0]?.value === 'done' && n.snapshot[1]?.value === 'waiting');
    expect(aDoneBWaiting?.timers.map((t) => t.event)).toEqual([expect.stringMatching(/^b\/xstate\.after\./)]);
  });

  it('with symmetry, reaches every state up to which request is which, on the same earliest days, along real runs', () => {
    const shared = withPolicy(createDemandMachine(civilSubpoenaSpec) as never, version) as AnyStateMachine;
    const components = NAMES.map((name) => ({ name, machine: shared }));
    const plain = exploreProduct(components, { inputs, events: prefixed });
    const reduced = exploreProduct(components, { inputs, events: prefixed, symmetry: true });
    expect(reduced.complete).toBe(true);
    expect(reduced.nodes.length).toBeLessThan(plain.nodes.length * 0.6);
    expect(reduced.nodes.some((n) => n.renamed)).toBe(true);
    // An orbit is the sorted list of the components' states.
    const orbit = (s: readonly AnyMachineSnapshot[]) => s.map((c) => ({ value: c.value, context: c.context })).sort((a, b) => (stableJson(a) < stableJson(b) ? -1 : 1));
    const ours = earliest(reduced, orbit);
    expect([...ours].sort()).toEqual([...earliest(plain, orbit)].sort());
    // Each stored path, renamed back into the components' own names, replays to a state of the node's orbit.
    const renamed = reduced.nodes.filter((n) => n.renamed).slice(0, 40);
    for (const node of renamed) {
      const path = pathOf(reduced.nodes, node.id).path;
      const replayed = replayProduct(shared, path);
      expect(stableJson(orbit(replayed))).toBe(stableJson(orbit(node.snapshot)));
    }
  });

  it('refuses symmetry where the components differ', () => {
    const a = createMachine({ id: 'a', initial: 'x', states: { x: {} } });
    const b = createMachine({ id: 'b', initial: 'x', states: { x: {} } });
    const two = (m: AnyStateMachine) => [
      { name: 'p', machine: a },
      { name: 'q', machine: m },
    ];
    const ok = { inputs: [{ name: 'i', input: { p: 1, q: 1 } }], events: [], symmetry: true };
    expect(inputErrorOf(() => exploreProduct(two(b), ok)).field).toBe('components[1].machine');
    expect(inputErrorOf(() => exploreProduct(two(a), { ...ok, inputs: [{ name: 'i', input: { p: 1, q: 2 } }] })).field).toBe('input.q');
    expect(inputErrorOf(() => exploreProduct(two(a), { ...ok, events: [{ type: 'p/go' }] })).field).toBe('events');
    expect(inputErrorOf(() => exploreProduct(two(a), { ...ok, links: true })).field).toBe('links');
  });

  it('refuses bad components, events and inputs, naming the field', () => {
    const m = createMachine({ id: 'm', initial: 'a', states: { a: {} } });
    const options = { inputs: [{ name: 'x', input: {} }], events: [] };
    expect(inputErrorOf(() => exploreProduct([], options)).field).toBe('components');
    expect(inputErrorOf(() => exploreProduct([{ name: 'a', machine: m }, { name: 'a', machine: m }], options)).field).toBe('components[1].name');
    expect(inputErrorOf(() => exploreProduct([{ name: 'a/b', machine: m }], options)).field).toBe('components[0].name');
    const unrouted = inputErrorOf(() => exploreProduct([{ name: 'a', machine: m }], { ...options, events: [{ type: 'go' }] }));
    expect(unrouted.field).toBe('events');
    expect(unrouted.message).toContain('"a/…"');
    expect(inputErrorOf(() => exploreProduct([{ name: 'a', machine: m }], { ...options, inputs: [{ name: 'x', input: 3 }] })).field).toBe('input');
    const withMonitor = { ...options, monitors: [{ initial: () => ({ state: null }), step: () => ({ state: null }), key: () => '' }] } as unknown as ProductOptions;
    expect(inputErrorOf(() => exploreProduct([{ name: 'a', machine: m }], withMonitor)).field).toBe('monitors');
  });
});
