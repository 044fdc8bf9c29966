import type { AnyStateMachine } from 'xstate';
import { type TimedRun, advanceTo, sendEvent, startRun, stateLabel } from '../time/TimedRun.ts';
import type { PathStep } from './Exploration.ts';
import { eventText } from '../domain/eventText.ts';

/** One dated step of a counterexample, as replayed on the whole-day clock. */
export interface DatedStep {
  day: number;
  what: string;
  state: string;
  tags: string[];
}

/**
 * The earliest whole days at which a symbolic path can happen: every bound the explorer applied
 * becomes a difference constraint between step times, solved as longest paths from day 0.
 */
export function datePath(path: readonly PathStep[]): number[] {
  const edges: [to: number, from: number, weight: number][] = [];
  const startedAt = new Map<string, number>();
  path.forEach((step, k) => {
    if (k > 0) edges.push([k, k - 1, 0]);
    for (const b of step.bounds) {
      const s = startedAt.get(b.clock);
      if (s === undefined) throw new Error(`path step ${k} bounds clock ${b.clock} that never started`);
      if (b.op === '>=') edges.push([k, s, b.value]);
      else edges.push([s, k, -b.value]);
    }
    for (const c of step.starts) startedAt.set(c, k);
  });
  const t = path.map(() => 0);
  for (let round = 0; round <= path.length; round++) {
    let changed = false;
    for (const [to, from, w] of edges) {
      const need = (t[from] as number) + w;
      if ((t[to] as number) < need) {
        t[to] = need;
        changed = true;
      }
    }
    if (!changed) break;
    if (round === path.length) throw new Error('the path has no dates that satisfy it: an explorer fault');
  }
  if (t[0] !== 0) throw new Error('the path cannot start on day 0: an explorer fault');
  return t;
}

/**
 * Dates a counterexample path and replays it on the whole-day clock, so every step shown is one
 * the machine really takes on that day. Throws when the replay disagrees with the path.
 */
export function replayPath(machine: AnyStateMachine, input: unknown, path: readonly PathStep[]): DatedStep[] {
  const days = datePath(path);
  let run: TimedRun = startRun(machine, input, 0);
  path.forEach((step, k) => {
    const day = days[k] as number;
    if (step.kind === 'event' && step.event) {
      const result = sendEvent(run, day, step.event);
      if (!result.ok) throw new Error(`counterexample replay: ${result.rejection.message}`);
      run = result.run;
    } else if (step.kind === 'timer') {
      run = advanceTo(run, day, true);
    } else if (step.kind === 'wait') {
      run = advanceTo(run, day);
    }
  });
  const expected = path.filter((s) => s.kind !== 'wait');
  const got = run.steps.slice(0, expected.length);
  expected.forEach((s, i) => {
    const g = got[i];
    const same = g && (s.kind === 'start' ? g.trigger.kind === 'start' : s.kind === 'event' ? g.trigger.kind === 'event' : g.trigger.kind === 'timer' && g.trigger.event === s.event?.type);
    if (!same) throw new Error(`counterexample replay diverged at step ${i}: expected ${s.kind} ${s.event?.type ?? ''}`);
  });
  const steps: DatedStep[] = got.map((s) => ({
    day: s.day,
    what: s.trigger.kind === 'start' ? 'request received' : s.trigger.kind === 'timer' ? `deadline ${s.trigger.delay} passes` : eventText(s.trigger.event),
    state: stateLabel(s.snapshot),
    tags: [...s.snapshot.tags].sort(),
  }));
  const last = path[path.length - 1];
  if (last?.kind === 'wait') {
    steps.push({ day: days[days.length - 1] as number, what: 'time passes, nothing happens', state: stateLabel(run.snapshot), tags: [...run.snapshot.tags].sort() });
  }
  return steps;
}
