import { type AnyStateMachine, assign, createMachine, stateIn } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { explorerEarliest, graphEarliest } from '../../bench/support/earliestDays.ts';
import { findKind } from '../../machines/catalogue.ts';
import { DAY_MS } from '../../src/domain/duration.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { explore } from '../../src/explore/explore.ts';
import type { Monitor } from '../../src/explore/Monitor.ts';
import { snapshotKey } from '../../src/explore/snapshotKey.ts';
import { clockRange } from '../../src/explore/Zone.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';

// Differential tests against xstate/graph: with timers as plain events, our explorer and
// getAdjacencyMap must reach exactly the same machine states.

const version = policyVersionAt(cloudflare, '2026-01-15');

function sameStates(machine: AnyStateMachine, input: unknown, events: { type: string }[]) {
  const ours = explore(machine, { inputs: [{ name: 'input', input }], events, timers: 'asEvents', subsumption: false });
  const timerEvents = machine.root.events.filter((t) => t.startsWith('xstate.after.')).map((type) => ({ type }));
  const adjacency = getAdjacencyMap(machine, { input, events: [...events, ...timerEvents] as never, serializeState: (s) => snapshotKey(s as never) });
  expect(ours.complete).toBe(true);
  return { ours: new Set(ours.nodes.map((n) => snapshotKey(n.snapshot))), theirs: new Set(Object.keys(adjacency)) };
}

describe('explore(timers: asEvents) reaches the same states as xstate/graph getAdjacencyMap', () => {
  const kinds = ['subpoena', 'nationalSecurityLetter', 'penRegister', 'preservation', 'dataSubjectRequest', 'abuseComplaint', 'emergency', 'civilSubpoena'];
  it.each(kinds)('%s under Cloudflare’s policy', (kind) => {
    const entry = findKind(kind);
    if (!entry) throw new Error(`no ${kind}`);
    const machine = withPolicy(entry.machine, version);
    const events = eventVariants(machine.root.events.filter((t) => !t.startsWith('xstate.')), entry.alphabet);
    const { ours, theirs } = sameStates(machine, entry.inputs[0]?.input, events);
    expect(ours.size).toBeGreaterThan(1);
    expect([...ours].sort()).toEqual([...theirs].sort());
  });

  it('a hand-written machine with context, guards, an eventless transition and a timer', () => {
    const machine = createMachine({
      id: 'door',
      initial: 'closed',
      context: { opened: 0 },
      states: {
        closed: { on: { open: { target: 'open', actions: assign({ opened: ({ context }) => (context.opened + 1) % 3 }) }, lock: { guard: ({ context }) => context.opened > 0, target: 'locked' } } },
        open: { always: { guard: ({ context }) => context.opened === 2, target: 'jammed' }, after: { [5 * DAY_MS]: 'closed' }, on: { close: 'closed' } },
        jammed: { on: { repair: { target: 'closed', actions: assign({ opened: 0 }) } } },
        locked: { type: 'final' },
      },
    });
    const { ours, theirs } = sameStates(machine, undefined, ['open', 'close', 'lock', 'repair'].map((type) => ({ type })));
    expect([...ours].sort()).toEqual([...theirs].sort());
    expect(ours.size).toBe(5);
  });

  it('a hand-written parallel machine whose guards read another region', () => {
    const machine = createMachine({
      id: 'desk',
      type: 'parallel',
      states: {
        power: { initial: 'off', states: { off: { on: { on: 'on' } }, on: { on: { off: 'off' } } } },
        job: {
          initial: 'idle',
          states: {
            idle: { on: { start: { guard: stateIn('#desk.power.on'), target: 'running' } } },
            running: { after: { [3 * DAY_MS]: 'done' }, on: { off: 'idle' } },
            done: {},
          },
        },
      },
    });
    const { ours, theirs } = sameStates(machine, undefined, ['on', 'off', 'start'].map((type) => ({ type })));
    expect([...ours].sort()).toEqual([...theirs].sort());
    expect(ours.size).toBe(5);
  });
});

describe('the same question both ways: reachable states and the earliest day of each', () => {
  // Two timers of different lengths, one cancelled by an event, one started by another.
  const notice = createMachine({
    id: 'notice',
    type: 'parallel',
    states: {
      process: {
        initial: 'review',
        states: {
          review: { after: { [14 * DAY_MS]: 'lapsed' }, on: { object: 'objected', comply: 'complying' } },
          objected: { on: { decide: 'complying' } },
          complying: { after: { [3 * DAY_MS]: 'disclosed' } },
          lapsed: { on: { comply: 'complying' } },
          disclosed: { type: 'final' },
        },
      },
      user: { initial: 'untold', states: { untold: { on: { tell: 'told' } }, told: { after: { [7 * DAY_MS]: 'mayObject' } }, mayObject: {} } },
    },
  });
  const events = ['object', 'comply', 'decide', 'tell'].map((type) => ({ type }));
  const input = { name: 'input', input: undefined };

  it('our explorer and xstate/graph over the day-counter encoding agree', () => {
    const ours = explorerEarliest(explore(notice, { inputs: [input], events }));
    const theirs = graphEarliest(notice, input, events, 15, 10_000);
    expect(theirs.complete).toBe(true);
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(theirs.days));
    const day = (process: string, user: string) => ours.get(`${JSON.stringify({ process, user })}|{}`);
    expect(day('disclosed', 'untold')).toBe(3); // complied on day 0, disclosed at the end of day 3
    expect(day('lapsed', 'untold')).toBe(14);
    expect(day('complying', 'untold')).toBe(0);
    expect(day('lapsed', 'mayObject')).toBe(14);
    expect(day('disclosed', 'mayObject')).toBe(7); // told and complied on day 0: the 3-day timer fires first
  });

  // A state reached first (fewest steps) by waiting can be reached earlier by more steps.
  const late = createMachine({
    id: 'late',
    initial: 'a',
    states: { a: { on: { x: 'a2' }, after: { [30 * DAY_MS]: 'b' } }, a2: { on: { y: 'b' } }, b: { on: { z: 'c' } }, c: {} },
  });
  const lateEvents = ['x', 'y', 'z'].map((type) => ({ type }));
  const truth = () => graphEarliest(late, input, lateEvents, 31, 10_000).days;

  it('dates a node by its fewest-steps path, which may be later than the earliest day it can be reached', () => {
    // Counterexamples are shortest in steps (README). c is first met after the timer (b at the end
    // of day 30, z on day 31); x, y, z on day 0 reach it too, in more steps, and merge into that node.
    const byTreePath = explorerEarliest(explore(late, { inputs: [input], events: lateEvents }));
    expect(byTreePath.get('"c"|{}')).toBe(31);
    expect(truth().get('"c"|{}')).toBe(0);
  });

  it('a global clock in the zone gives the exact earliest day of every state', () => {
    // A monitor clock started at the beginning and never bounded; explore() names it @0now.
    const clock: Monitor<number> = { initial: () => ({ state: 0, start: ['now'] }), step: (s) => ({ state: s }), key: () => '' };
    const run = explore(late, { inputs: [input], events: lateEvents, monitor: clock as Monitor });
    const days = new Map<string, number>();
    for (const n of run.nodes) {
      const d = clockRange(n.zone, '@0now').min;
      const k = snapshotKey(n.snapshot);
      if (d < (days.get(k) ?? Infinity)) days.set(k, d);
    }
    expect(Object.fromEntries(days)).toEqual(Object.fromEntries(truth()));
    expect(days.get('"c"|{}')).toBe(0);
  });
});
