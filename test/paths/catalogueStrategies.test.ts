import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../../src/domain/date.ts';
import type { ProviderPolicy } from '../../src/domain/policy.ts';
import { deadlineBoundaries } from '../../src/paths/deadlineBoundaries.ts';
import type { PlannedPath } from '../../src/paths/PlannedPath.ts';
import { randomWalks } from '../../src/paths/randomWalks.ts';
import { ruleWitnesses } from '../../src/paths/ruleWitnesses.ts';
import { shortestToStates } from '../../src/paths/shortestToStates.ts';
import type { TimedGraph } from '../../src/paths/TimedGraph.ts';
import { transitionCover } from '../../src/paths/transitionCover.ts';
import { pairing, reachablePairs, transitionPairs } from '../../src/paths/transitionPairs.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';
import { type ScenarioContext, buildScenario } from '../../src/scenarios/buildScenario.ts';
import { scenariosFor, seedOf } from '../../src/scenarios/generateScenarios.ts';
import type { Scenario } from '../../src/scenarios/Scenario.ts';
import { delayName } from '../../src/time/timerChanges.ts';
import { type TimedRun, advanceTo, sendEvent, startRun } from '../../src/time/TimedRun.ts';
import { bruteForceStateDistances, catalogueGraph, endOf, statesAt, takenAlong } from './pathFixtures.ts';

const KINDS = ['preservation', 'nationalSecurityLetter', 'emergency'] as const;

const dated = (graph: TimedGraph, ctx: ScenarioContext, plan: PlannedPath): Scenario => {
  const s = buildScenario(graph, ctx, plan);
  if (!s) throw new Error(`${plan.strategy} ${plan.purpose}: not built`);
  return s;
};

/** Replays a scenario's steps on the whole-day clock (what a reader of the file would do). */
function replaySteps(graph: TimedGraph, input: unknown, steps: Scenario['steps']): TimedRun {
  let run = startRun(graph.machine, input, 0);
  for (const step of steps.slice(1)) {
    if (step.do.kind === 'event') {
      run = sendEvent(run, step.day, step.do.event).run;
    } else if (step.do.kind === 'endDay') run = advanceTo(run, step.day, true);
  }
  return run;
}

describe.each(KINDS)('path strategies on %s under Cloudflare’s policy', (kind) => {
  const { graph, ctx } = catalogueGraph(kind);

  it('transitionCover takes every reachable transition, as the dated scenarios show', () => {
    const cover = transitionCover(graph);
    const covered = new Set(cover.flatMap((p) => dated(graph, ctx, p).covers.transitions));
    expect(graph.reachable.size).toBeGreaterThan(5);
    expect([...graph.reachable].filter((t) => !covered.has(t))).toEqual([]);
    expect([...covered].filter((t) => !graph.reachable.has(t))).toEqual([]);
    const counts = cover.map((p) => Number(/^takes (\d+) transitions/.exec(p.purpose)?.[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(graph.reachable.size);
    expect(cover.length).toBeLessThan(graph.reachable.size);
  });

  it('transitionPairs takes every pair in reachablePairs', () => {
    const pair = pairing(graph.machine);
    const reachable = reachablePairs(graph);
    const taken = new Set<string>();
    for (const p of transitionPairs(graph)) {
      const along = takenAlong(graph, p);
      along.slice(1).forEach((t, k) => pair(along[k] as readonly string[], t).forEach((x) => taken.add(x)));
    }
    expect(reachable.size).toBeGreaterThan(5);
    expect([...reachable].filter((x) => !taken.has(x))).toEqual([]);
    expect([...taken].filter((x) => !reachable.has(x))).toEqual([]);
  });

  it('shortestToStates reaches every active state of any node, each active where its walk ends', () => {
    const paths = shortestToStates(graph);
    const best = bruteForceStateDistances(graph);
    const claimed = (p: PlannedPath) => p.purpose.replace(/^reaches /, '').split(', ');
    expect(new Set(paths.flatMap(claimed))).toEqual(new Set(best.keys()));
    for (const p of paths) {
      for (const s of claimed(p)) expect(statesAt(graph, endOf(p))).toContain(s);
      // The walk is the shortest to the state it was searched for: the farthest of those it reaches.
      expect(p.walk.links.length).toBe(Math.max(...claimed(p).map((s) => best.get(s) as number)));
    }
  });

  it('deadlineBoundaries gives triples whose event falls due−1, due and due+1 of the named timer', () => {
    const paths = deadlineBoundaries(graph);
    expect(paths.length % 3).toBe(0);
    const day0 = dayNumber((graph.inputs[0]?.input as { receivedOn: string }).receivedOn);
    for (let i = 0; i < paths.length; i += 3) {
      const triple = paths.slice(i, i + 3);
      expect(triple.map((p) => p.boundary?.side)).toEqual(['dayBefore', 'dayOf', 'dayAfter']);
      expect(new Set(triple.map((p) => JSON.stringify([p.walk.start, p.boundary?.event, p.boundary?.timer]))).size).toBe(1);
      expect(triple[1]?.walk.links).toEqual(triple[0]?.walk.links);
      const base = triple[0] as PlannedPath;
      const { boundary: _drop, ...plain } = base;
      const prefix = dated(graph, ctx, plain);
      const input = graph.inputs[graph.run.nodes[base.walk.start]?.input ?? 0]?.input;
      const timer = replaySteps(graph, input, prefix.steps).timers.find((t) => t.event === base.boundary?.timer);
      expect(timer, `${base.purpose}: the timer is pending after the walk`).toBeDefined();
      const due = timer?.dueDay as number;
      for (const p of triple) {
        const s = buildScenario(graph, ctx, p);
        if (!s) continue;
        expect(s.steps.slice(0, prefix.steps.length)).toEqual(prefix.steps);
        const at = s.steps.findIndex((st, k) => k >= prefix.steps.length && st.do.kind === 'event');
        const step = s.steps[at];
        const offset = p.boundary?.side === 'dayBefore' ? -1 : p.boundary?.side === 'dayOf' ? 0 : 1;
        expect(step?.do).toEqual({ kind: 'event', event: p.boundary?.event });
        expect(step?.day).toBe(due + offset);
        expect(step?.on).toBe(isoDate(day0 + due + offset));
        const before = s.steps[at - 1];
        const name = delayName(p.boundary?.timer as string);
        if (offset < 1) expect(before?.expect.deadlines).toContainEqual({ name, due: isoDate(day0 + due) });
        else expect(before).toMatchObject({ day: due, do: { kind: 'endDay', passes: expect.arrayContaining([name]) } });
      }
    }
  });

  it('randomWalks is reproducible, differs with the seed and respects maxSteps', () => {
    const options = { walks: 4, maxSteps: 6, idleSteps: 6 };
    const shape = (seed: number) => randomWalks(graph, { seed, ...options }).map((p) => [p.walk.start, ...p.walk.links.map((l) => l.to)]);
    const a = shape(seedOf(kind));
    expect(shape(seedOf(kind))).toEqual(a);
    expect(shape(seedOf(`${kind}!`))).not.toEqual(a);
    for (const w of a) expect(w.length - 1).toBeLessThanOrEqual(6);
  });

  it('ruleWitnesses: each witness’s dated scenario triggers its rule; rules without a witness are met by no scenario', () => {
    const witnesses = ruleWitnesses(graph, ctx.premises);
    expect(witnesses.length).toBeGreaterThan(1);
    for (const w of witnesses) expect(dated(graph, ctx, w).covers.rules).toContain(w.rule);
    const witnessed = new Set(witnesses.map((w) => w.rule));
    const met = new Set(scenariosFor(catalogueGraph(kind).entry, cloudflare, graph).scenarios.flatMap((s) => s.covers.rules));
    expect([...met].filter((r) => !witnessed.has(r))).toEqual([]);
  });
});

describe('transitionCover is small for a big machine', () => {
  it('nationalSecurityLetter: fewer than half as many cover walks as reachable transitions', () => {
    const { graph } = catalogueGraph('nationalSecurityLetter');
    expect(graph.reachable.size).toBeGreaterThan(20);
    expect(transitionCover(graph).length).toBeLessThan(graph.reachable.size / 2);
  });
});

describe('shortestToStates gives each state its fewest steps (brute-force breadth-first search)', () => {
  it.each(['preservation', 'nationalSecurityLetter'])('%s', (kind) => {
    const { graph } = catalogueGraph(kind);
    const best = bruteForceStateDistances(graph);
    const walkFor = new Map(shortestToStates(graph).flatMap((p) => p.purpose.replace(/^reaches /, '').split(', ').map((s) => [s, p.walk.links.length] as const)));
    expect(Object.fromEntries(walkFor)).toEqual(Object.fromEntries(best));
  });
});

describe('explorer soundness: every walk any strategy returns dates and replays', () => {
  const kinds = ['preservation', 'abuseComplaint', 'dataSubjectRequest', 'emergency', 'foreignDirect', 'nationalSecurityLetter'];
  const policies: Record<string, ProviderPolicy> = { cloudflare, letsencrypt };
  it.each(kinds.flatMap((k) => [[k, 'cloudflare'], [k, 'letsencrypt']]))('%s under %s', (kind, policy) => {
    const { graph, ctx } = catalogueGraph(kind as string, policies[policy as string]);
    const plans = [
      ...transitionCover(graph),
      ...transitionPairs(graph),
      ...shortestToStates(graph),
      ...deadlineBoundaries(graph),
      ...ruleWitnesses(graph, ctx.premises),
      ...randomWalks(graph, { seed: 20260115, walks: 8, maxSteps: 30, idleSteps: 30 }),
    ];
    let built = 0;
    for (const plan of plans) {
      const s = buildScenario(graph, ctx, plan);
      if (!plan.boundary) expect(s, `${plan.strategy}: ${plan.purpose}`).not.toBeNull();
      if (!s) continue;
      built++;
      // Every step the walk takes is accepted (only a boundary event may be refused).
      const refused = s.steps.filter((st) => !st.expect.accepted);
      expect(refused.length).toBeLessThanOrEqual(plan.boundary?.side === 'dayAfter' ? 1 : 0);
      // The run takes at least the transitions the walk's edges promise.
      const promised = takenAlong(graph, plan).flat();
      expect(promised.filter((t) => !s.covers.transitions.includes(t))).toEqual([]);
    }
    expect(built).toBeGreaterThan(5);
  });
});
