// (b) Machines without timers: the same reachable graph from our explorer (timers: 'exact') and
// from xstate/graph's getAdjacencyMap (trying, like its default, the events each state listens for),
// their runs alternating so neither pays alone for warming XState's code.
import type { AnyStateMachine } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { exploreSteps } from '../src/explore/exploreSteps.ts';
import { TransitionCache } from '../src/explore/transitionCache.ts';
import { snapshotKey } from '../src/explore/snapshotKey.ts';
import { catalogueCase, listenedEvents } from './support/catalogueCase.ts';
import { desksEvents, desksMachine } from './support/handMachines.ts';
import { fmt, medianPair, report } from './support/report.ts';

interface Case {
  name: string;
  machine: () => AnyStateMachine;
  input: unknown;
  events: { type: string }[];
}

const abuse = catalogueCase('abuseComplaint');
const CASES: Case[] = [
  { name: 'abuseComplaint', machine: abuse.machine, input: abuse.input.input, events: abuse.events },
  { name: 'desks×4 (hand-written)', machine: () => desksMachine(4), input: undefined, events: desksEvents(4) },
  { name: 'desks×5 (hand-written)', machine: () => desksMachine(5), input: undefined, events: desksEvents(5) },
];

/** Returns false when the two graphs have different states. */
export function untimed(): boolean {
  let ok = true;
  for (const c of CASES) {
    let ours = { states: 0, transitions: 0 };
    let theirs = { states: 0, transitions: 0 };
    // One machine for both sides (XState memoises per state node); ours gets a fresh transition cache each run.
    const machine = c.machine();
    const [oursMs, graphMs] = medianPair(
      () => {
        const run = exploreSteps(new TransitionCache(machine), { inputs: [{ name: 'input', input: c.input }], events: c.events });
        ours = { states: run.nodes.length, transitions: run.transitions };
      },
      () => {
        let calls = 0;
        const counted = Object.create(machine) as AnyStateMachine;
        counted.transition = ((s: never, e: never, scope: never) => (calls++, machine.transition(s, e, scope))) as never;
        const adj = getAdjacencyMap(counted, { input: c.input, events: (s) => listenedEvents(s, c.events) as never, serializeState: (s) => snapshotKey(s as never) });
        theirs = { states: Object.keys(adj).length, transitions: calls };
      },
      9,
      3,
    );
    if (ours.states !== theirs.states) ok = false;
    const oursTps = (ours.transitions / oursMs) * 1000;
    const graphTps = (theirs.transitions / graphMs) * 1000;
    report(
      `untimed ${c.name} (${ours.states} states${ours.states === theirs.states ? '' : ` vs ${theirs.states}: DIFFERENT`}): ours ${fmt(oursMs)}, ${ours.transitions} transitions computed (${oursTps.toFixed(0)}/s) · xstate/graph ${fmt(graphMs)}, ${theirs.transitions} (${graphTps.toFixed(0)}/s) · time ratio ${(graphMs / oursMs).toFixed(2)}× · transitions/s ratio ${(oursTps / graphTps).toFixed(2)}×`,
      { bench: `untimed:${c.name.split(' ')[0]}`, ours_ms: oursMs, xstate_graph_ms: graphMs, speedup: graphMs / oursMs, ours_tps: oursTps, xstate_graph_tps: graphTps, tps_ratio: oursTps / graphTps, states: ours.states },
    );
  }
  return ok;
}
