import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { explore } from '../../src/explore/explore.ts';
import { takesStep } from '../../src/explore/takesStep.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

const DAY = 86_400_000;

// `reset` is only handled in `orphan`, which nothing leads to; `running` is left by its timer or
// by `stop`.
const machine = setup({
  types: {} as { events: { type: 'go' } | { type: 'stop' } | { type: 'reset' }; input: { old: boolean } | undefined },
  delays: { wait: 3 * DAY },
}).createMachine({
  id: 'small',
  initial: 'idle',
  states: {
    idle: { on: { go: 'running' } },
    running: { after: { wait: 'done' }, on: { stop: 'idle' } },
    done: { type: 'final' },
    orphan: { on: { reset: 'idle' } },
  },
});
const inputs = [
  { name: 'new', input: { old: false } },
  { name: 'old', input: { old: true } },
];
const base = { inputs, events: eventVariants(['go', 'stop', 'reset'], {}) };
const graph = explore(machine, { ...base, subsumption: false, links: true });

describe('takesStep', () => {
  it('finds a step some run takes: an event, a timer, a start from each input, though the machine keeps no input', () => {
    expect(takesStep(graph, inputs, (info) => info.event.type === 'stop')).toBe(true);
    expect(takesStep(graph, inputs, (info) => info.kind === 'timer' && info.delay === 'wait' && info.post.matches('done'))).toBe(true);
    expect(takesStep(graph, inputs, (info) => info.kind === 'start' && (info.input as { old: boolean }).old)).toBe(true);
  });

  it('says no for a step no run takes, though the machine declares it', () => {
    expect(machine.root.events).toContain('reset');
    expect(takesStep(graph, inputs, (info) => info.event.type === 'reset')).toBe(false);
    expect(takesStep(graph, inputs, (info) => info.kind === 'timer' && info.post.matches('idle'))).toBe(false);
    const fresh = inputs.slice(0, 1);
    expect(takesStep(explore(machine, { ...base, inputs: fresh, subsumption: false, links: true }), fresh, (info) => info.kind === 'start' && (info.input as { old: boolean }).old)).toBe(false);
  });

  it('gives the same answers over a graph explored with covering zones', () => {
    const covered = explore(machine, { ...base, links: true });
    for (const type of ['go', 'stop', 'reset']) expect(takesStep(covered, inputs, (info) => info.event.type === type)).toBe(takesStep(graph, inputs, (info) => info.event.type === type));
  });

  it('refuses a graph explored without its links, naming the field and the fix', () => {
    const error = inputErrorOf(() => takesStep(explore(machine, { ...base, subsumption: false }), inputs, () => true));
    expect(error.field).toBe('graph.links');
    expect(error.fix).toContain('links: true');
  });
});
