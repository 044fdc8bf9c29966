import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.ts';
import type { Monitor } from '../../src/explore/Monitor.ts';
import { historyOf, snapshotKey } from '../../src/explore/snapshotKey.ts';
import { neverStep } from '../../src/rules/language.ts';

// `paused` looks the same whichever of `a` or `b` was left for it, but `resume` returns there.
const machine = createMachine({
  id: 'h',
  initial: 'open',
  states: {
    open: { initial: 'a', states: { a: { on: { next: 'b' } }, b: {}, hist: { type: 'history' } }, on: { pause: 'paused' } },
    paused: { on: { resume: 'open.hist' } },
  },
});
const base = { inputs: [{ name: 'only', input: undefined }], events: [{ type: 'next' }, { type: 'pause' }, { type: 'resume' }] };

describe('a history state’s record is part of a state', () => {
  it('two pauses alike in value and context but not in where they return are two states', () => {
    const graph = explore(machine, { ...base, subsumption: false, links: true });
    const paused = graph.nodes.filter((n) => n.snapshot.value === 'paused');
    expect(paused.map((n) => historyOf(n.snapshot))).toEqual([{ 'h.open.hist': ['h.open.a'] }, { 'h.open.hist': ['h.open.b'] }]);
    expect(new Set(paused.map((n) => snapshotKey(n.snapshot))).size).toBe(2);
    const resumedTo = paused.flatMap((n) => (graph.links[n.id] ?? []).map((l) => JSON.stringify(graph.nodes[l.to]?.snapshot.value)));
    expect(resumedTo.sort()).toEqual(['{"open":"a"}', '{"open":"b"}']);
  });

  it('a rule broken only by returning through history is caught, with the shortest run', () => {
    const intoB = neverStep((info) => info.event.type === 'resume' && info.post.matches({ open: 'b' }), 'resumed into b') as { monitor: Monitor };
    const run = explore(machine, { ...base, monitors: [intoB.monitor] });
    expect(run.violations[0]?.path.map((s) => s.event?.type ?? s.kind)).toEqual(['start', 'next', 'pause', 'resume']);
  });

  it('a snapshot with nothing recorded, as in any machine without history states, is keyed by value and context alone', () => {
    const [node] = explore(machine, { ...base, subsumption: false }).nodes;
    expect(node && historyOf(node.snapshot)).toBeUndefined();
    expect(node && snapshotKey(node.snapshot)).toBe('{"open":"a"}|{}');
  });
});
