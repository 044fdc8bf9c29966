import { seededRandom } from '../../../src/paths/randomWalks.ts';
import { isDeepStrictEqual } from 'node:util';
import type { AnyStateMachine } from 'xstate';
import { openCase } from '../../../examples/caseTool/openCase.ts';
import type { FaultId } from '../../../examples/caseTool/faults.ts';
import type { KindEntry } from '../../../machines/lifecycle/KindEntry.ts';
import { DATA_CATEGORIES } from '../../../src/domain/categories.ts';
import { dayNumber, isoDate } from '../../../src/domain/date.ts';
import { EVENT_TYPES } from '../../../src/domain/events.ts';
import { eventVariants } from '../../../src/explore/eventVariants.ts';
import { POLICIES } from '../../../src/policy/loadPolicy.ts';
import { policyVersionAt } from '../../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../../src/policy/withPolicy.ts';
import { observe } from '../../../src/scenarios/observe.ts';
import { type TimedRun, acceptedEvents, advanceTo, sendEvent, startRun } from '../../../src/time/TimedRun.ts';

/** Where the model and the tool first disagreed, with the dated steps that led there. */
export interface Disagreement {
  kind: string;
  policy: string;
  input: string;
  trace: string[];
  what: 'accepted' | 'observation';
  model: unknown;
  tool: unknown;
}

export interface WalkOptions {
  /** Steps to take in all; walks start one after another until they are used up. */
  steps: number;
  /** Steps in one walk at most; a walk also ends two steps after the model's machine is done. */
  length: number;
  seed: number;
  fault?: FaultId;
  /** Called with the model's run after every step, e.g. to measure coverage. */
  onStep?: (run: TimedRun) => void;
}

interface Start {
  name: string;
  input: { receivedOn: string };
  machine: AnyStateMachine;
  byType: Map<string, { type: string }[]>;
  foreign: { type: string }[];
  /** Event types each state value listens for (guards not evaluated), as computed so far. */
  listening: Map<string, string[]>;
  /** Events the model has taken from this start so far, by their JSON. */
  taken: Map<string, { type: string }>;
}

/**
 * Drives the model and the case tool side by side through seeded random walks of one kind under
 * one built-in policy, and returns the first disagreement in acceptance or observation, if any.
 */
export function walkSideBySide(entry: KindEntry, policyId: string, options: WalkOptions): { disagreement: Disagreement | null; walks: number; steps: number; accepted: number } {
  const rng = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
  const starts = walkInputs(entry).map((i) => startOf(entry, policyId, i.name, i.input));
  let steps = 0;
  let accepted = 0;
  let w = 0;
  for (; steps < options.steps; w++) {
    const start = starts[w % starts.length] as Start;
    const day0 = dayNumber(start.input.receivedOn);
    const on = (day: number) => isoDate(day0 + day);
    let run: TimedRun = startRun(start.machine, start.input, 0);
    const tool = openCase(start.input, policyId, options.fault ? { fault: options.fault } : {});
    const trace: string[] = [];
    const differ = (what: Disagreement['what'], model: unknown, theirs: unknown): Disagreement => ({ kind: entry.kind, policy: policyId, input: start.name, trace, what, model, tool: theirs });
    const compare = () => {
      const model = observe(run, day0);
      const theirs = tool.observe();
      return isDeepStrictEqual(model, theirs) ? null : differ('observation', model, theirs);
    };
    const first = compare();
    if (first) return { disagreement: first, walks: w + 1, steps, accepted };
    let afterDone = 0;
    for (let s = 0; s < options.length && steps < options.steps; s++) {
      steps++;
      const earliest = Math.max(run.day, run.endedDay + 1);
      const timer = run.timers.length > 0 ? pick(run.timers) : undefined;
      if (timer && rng() < 0.15) {
        run = advanceTo(run, Math.max(timer.dueDay, run.day), true);
        tool.endDay(on(run.day));
        trace.push(`end of day ${run.day}`);
      } else {
        const event = chooseEvent(start, run, rng, pick);
        const roll = rng();
        const day = roll < 0.6 ? earliest : roll < 0.85 || !timer ? earliest + 1 + Math.floor(rng() * 3) : Math.max(earliest, timer.dueDay + (rng() < 0.5 ? 0 : 1));
        const result = sendEvent(run, day, event);
        const delivery = tool.send(event as never, on(day));
        trace.push(`day ${day} ${JSON.stringify(event)} → ${result.ok ? 'accepted' : 'rejected'}`);
        if (delivery.accepted !== result.ok) return { disagreement: differ('accepted', result.ok, delivery.accepted), walks: w + 1, steps, accepted };
        if (result.ok) {
          accepted++;
          start.taken.set(JSON.stringify(event), event);
          run = result.run;
        }
      }
      options.onStep?.(run);
      const different = compare();
      if (different) return { disagreement: different, walks: w + 1, steps, accepted };
      if (run.snapshot.status === 'done' && ++afterDone > 2) break;
    }
  }
  return { disagreement: null, walks: w, steps, accepted };
}

/** Events that close a case at once: chosen less often, so that walks go deep. */
const CLOSING = new Set(['request.withdrawn', 'request.refused', 'process.received', 'request.fulfilled']);

/**
 * Sometimes an event the model took earlier in another state (so refusals are tried with payloads
 * that matter); mostly a type the machine listens for now, closing types less often, and then
 * mostly a variant the model would take now (guards evaluated).
 */
function chooseEvent(start: Start, run: TimedRun, rng: () => number, pick: <T>(items: readonly T[]) => T): { type: string } {
  const roll = rng();
  if (roll < 0.05 && start.foreign.length > 0) return pick(start.foreign);
  if (roll < 0.2 && start.taken.size > 0) return pick([...start.taken.values()]);
  const stateKey = JSON.stringify(run.snapshot.value);
  let listening = start.listening.get(stateKey);
  if (!listening) start.listening.set(stateKey, (listening = acceptedEvents(run.snapshot).filter((t) => start.byType.has(t))));
  const all = [...start.byType.keys()];
  const types = roll < 0.85 && listening.some((t) => !CLOSING.has(t) || rng() < 0.25) ? listening : all;
  const opening = types.filter((t) => !CLOSING.has(t));
  const type = opening.length > 0 && rng() < 0.85 ? pick(opening) : pick(types);
  const variants = start.byType.get(type) ?? [];
  if (rng() < 0.3) return pick(variants);
  const offset = Math.floor(rng() * variants.length);
  for (let i = 0; i < Math.min(variants.length, 8); i++) {
    const event = variants[(offset + i) % variants.length] as { type: string };
    if (run.snapshot.can(event)) return event;
  }
  return pick(variants);
}

function startOf(entry: KindEntry, policyId: string, name: string, input: { receivedOn: string }): Start {
  const policy = POLICIES[policyId];
  if (!policy) throw new Error(`no policy ${policyId}`);
  const machine = withPolicy(entry.machine, policyVersionAt(policy, input.receivedOn));
  const types = machine.root.events.filter((t) => !t.startsWith('xstate.'));
  const byType = new Map<string, { type: string }[]>();
  for (const event of eventVariants(types, entry.alphabet)) byType.set(event.type, [...(byType.get(event.type) ?? []), event]);
  const foreign = EVENT_TYPES.filter((t) => !types.includes(t)).flatMap((t) => {
    try {
      return eventVariants([t], { ...entry.alphabet, 'challenge.filed': { route: ['motionToQuash'] }, 'challenge.decided': { route: ['motionToQuash'] }, 'challenge.governmentApplied': { route: ['motionToQuash'] }, 'request.refused': { ground: ['other'] }, 'response.extended': { reasons: ['complexity'] } });
    } catch {
      return [];
    }
  });
  return { name, input, machine, byType, foreign, listening: new Map(), taken: new Map() };
}

/**
 * The kind's check inputs, plus: each asking for every category its schema allows (so a check on
 * what a process compels has something to refuse), and the first and the oldest-data inputs
 * received under older policy versions.
 */
export function walkInputs(entry: KindEntry): { name: string; input: { receivedOn: string } }[] {
  const parse = (input: unknown) => entry.requestSchema.safeParse(input);
  const out = entry.inputs.map((i) => ({ name: i.name, input: i.input as { receivedOn: string; categories?: unknown } }));
  for (const i of [...out]) {
    if (!i.input.categories) continue;
    for (const categories of [DATA_CATEGORIES, DATA_CATEGORIES.filter((c) => c !== 'realTimeNonContent')]) {
      const broad = parse({ ...i.input, categories });
      if (broad.success && !out.some((o) => isDeepStrictEqual(o.input, broad.data))) out.push({ name: `${i.name}, every category`, input: broad.data });
    }
  }
  // A gag order served with the request but dated a month before it: its term runs from its date.
  const served = out.find((i) => (i.input as { secrecyOrder?: unknown }).secrecyOrder !== undefined);
  const dayBefore = served && isoDate(dayNumber(served.input.receivedOn) - 30);
  const datedGag = served && parse({ ...served.input, secrecyOrder: { days: 200, issuedOn: dayBefore } });
  if (datedGag?.success) out.push({ name: 'gag order of 200 days dated 30 days before receipt', input: datedGag.data });
  const dated = [entry.inputs[0], entry.inputs.find((i) => i.name.includes('old'))].filter((i) => i !== undefined);
  for (const i of dated) {
    for (const receivedOn of ['2024-09-01', '2025-03-01']) {
      const moved = parse({ ...(i.input as object), receivedOn });
      if (moved.success) out.push({ name: `${i.name}, received ${receivedOn}`, input: moved.data });
    }
  }
  return out;
}
