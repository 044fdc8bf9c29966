import { type AnyStateMachine, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, findKind } from '../../machines/catalogue.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { stepperOf } from '../../src/explore/pureStepper.ts';
import { machineTransitions, transitionId } from '../../src/paths/machineTransitions.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { handMachine } from './pathFixtures.ts';

const version = policyVersionAt(cloudflare, '2026-01-15');

describe('machineTransitions', () => {
  it('lists the hand machine’s transitions in document order, with stable ids and drawn labels', () => {
    expect(machineTransitions(handMachine).map((t) => [t.id, t.label])).toEqual([
      ['case.intake|always|0', 'case.intake —always→ case.open'],
      ['case.open|process.received|0', 'case.open —process.received→ case.served'],
      ['case.open|request.withdrawn|0', 'case.open —request.withdrawn→ case.withdrawn'],
      ['case.open|after P5D|0', 'case.open —after P5D→ case.lapsed'],
      ['case.served|request.fulfilled|0', 'case.served —request.fulfilled [inline guard]→ case.done'],
      ['user.pending|notice.sent|0', 'user.pending —notice.sent→ user.notified'],
      ['user.pending|after P3D|0', 'user.pending —after P3D→ user.late'],
      ['user.late|notice.sent|0', 'user.late —notice.sent→ user.notified'],
    ]);
    const served = machineTransitions(handMachine).find((t) => t.id === 'case.served|request.fulfilled|0');
    expect(served).toMatchObject({ source: 'case.served', trigger: 'request.fulfilled', targets: ['case.done'], guard: 'inline guard' });
  });

  it('numbers guarded alternatives on one trigger by their index, and names a named guard', () => {
    const machine = setup({ guards: { big: () => false } }).createMachine({
      id: 'm',
      initial: 'a',
      states: { a: { on: { go: [{ guard: 'big', target: 'b' }, { target: 'c' }], stay: {} } }, b: {}, c: { always: [{ guard: 'big', target: 'a' }, { target: 'b' }] } },
    }) as unknown as AnyStateMachine;
    expect(machineTransitions(machine).map((t) => t.label)).toEqual(['a —go [big]→ b', 'a —go→ c', 'a —stay→ (stays)', 'c —always [big]→ a', 'c —always→ b']);
    expect(machineTransitions(machine).map((t) => t.id)).toEqual(['a|go|0', 'a|go|1', 'a|stay|0', 'c|always|0', 'c|always|1']);
  });

  it.each(CATALOGUE.map((e) => e.kind))('%s: ids are unique, and the same for the machine under another policy version', (kind) => {
    const entry = findKind(kind);
    if (!entry) throw new Error(kind);
    const ids = machineTransitions(entry.machine).map((t) => t.id);
    expect(ids.length).toBeGreaterThan(3);
    expect(new Set(ids).size).toBe(ids.length);
    const again = machineTransitions(withPolicy(entry.machine, version));
    expect(again.map((t) => t.id)).toEqual(ids);
    expect(again.map((t) => t.label)).toEqual(machineTransitions(entry.machine).map((t) => t.label));
  });

  it.each(['nationalSecurityLetter', 'preservation'])('%s: every transition the stepper takes has an id machineTransitions lists', (kind) => {
    const entry = findKind(kind);
    if (!entry) throw new Error(kind);
    const machine = withPolicy(entry.machine, version);
    const ids = new Set(machineTransitions(machine).map((t) => t.id));
    const stepper = stepperOf(machine);
    const events = eventVariants(machine.root.events.filter((t) => !t.startsWith('xstate.')), entry.alphabet);
    const timers = machine.root.events.filter((t) => t.startsWith('xstate.after.')).map((type) => ({ type }));
    const seenTaken = new Set<string>();
    // Two levels of every event (and timer event) from every input: enough to take timers and eventless transitions.
    for (const { input } of entry.inputs) {
      const [start, , startTaken] = stepper.initial(input);
      startTaken.map(transitionId).forEach((t) => seenTaken.add(t));
      for (const e1 of [...events, ...timers]) {
        const [s1, , taken1] = stepper.next(start, e1);
        taken1.map(transitionId).forEach((t) => seenTaken.add(t));
        for (const e2 of [...events, ...timers]) stepper.next(s1, e2)[2].map(transitionId).forEach((t) => seenTaken.add(t));
      }
    }
    expect(seenTaken.size).toBeGreaterThan(5);
    expect([...seenTaken].filter((t) => !ids.has(t))).toEqual([]);
    expect([...seenTaken].some((t) => t.includes('|after '))).toBe(true);
    expect([...seenTaken].some((t) => t.includes('|always|'))).toBe(true);
  });

  it('gives a taken transition the same id whether or not machineTransitions ran first', () => {
    const make = () =>
      setup({ guards: { no: () => false } }).createMachine({
        id: 'fresh',
        initial: 'a',
        states: { a: { on: { go: [{ guard: 'no', target: 'b' }, { target: 'c' }] } }, b: {}, c: { always: [{ guard: 'no', target: 'a' }, { target: 'b' }] } },
      }) as unknown as AnyStateMachine;
    const machine = make();
    const [start] = stepperOf(machine).initial(undefined);
    const taken = stepperOf(machine).next(start, { type: 'go' })[2].map(transitionId);
    expect(taken).toEqual(['a|go|1', 'c|always|1']);
    const ids = machineTransitions(machine).map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(machineTransitions(make()).map((t) => t.id));
  });

  it('names transitions by state path, uniquely, when states carry their own #ids', () => {
    // XState gives a state node with an explicit `id` that id instead of `machine.path`; the
    // transition ids must still name the state by its path and stay unique.
    const machine = setup({}).createMachine({
      id: 'desk',
      initial: 'a',
      states: { a: { id: 'aa', on: { go: '#bb' } }, b: { id: 'bb', on: { go: 'a' } } },
    }) as unknown as AnyStateMachine;
    const ids = machineTransitions(machine).map((t) => t.id);
    expect(ids).toEqual(['a|go|0', 'b|go|0']);
    expect(machineTransitions(machine).map((t) => t.label)).toEqual(['a —go→ b', 'b —go→ a']);
  });
});
