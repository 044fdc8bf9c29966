import { type AnyStateMachine, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { stepperOf } from '../../src/explore/pureStepper.ts';
import type { Link } from '../../src/explore/Exploration.ts';
import { deadlineBoundaries } from '../../src/paths/deadlineBoundaries.ts';
import type { PlannedPath } from '../../src/paths/PlannedPath.ts';
import { randomWalks } from '../../src/paths/randomWalks.ts';
import { ruleWitnesses } from '../../src/paths/ruleWitnesses.ts';
import { shortestToStates } from '../../src/paths/shortestToStates.ts';
import { activeStates, nearestEdge, shortestFrom, timedGraph, walkTo } from '../../src/paths/TimedGraph.ts';
import { transitionCover } from '../../src/paths/transitionCover.ts';
import { pairing, reachablePairs, transitionPairs } from '../../src/paths/transitionPairs.ts';
import { isStart } from '../../src/rules/language.ts';
import { buildScenario } from '../../src/scenarios/buildScenario.ts';
import type { Scenario } from '../../src/scenarios/Scenario.ts';
import { HAND_INPUTS, bruteForceStateDistances, endOf, handContext, handGraph, handMachine, statesAt, takenAlong } from './pathFixtures.ts';

const built = (plan: PlannedPath): Scenario => {
  const scenario = buildScenario(handGraph(), handContext, plan);
  if (!scenario) throw new Error(`${plan.purpose}: not built`);
  return scenario;
};

describe('timedGraph on a hand-written machine with timers', () => {
  it('keeps every edge, one start per input, and the transitions the start takes', () => {
    const graph = handGraph();
    expect(graph.starts).toEqual([0]);
    expect(graph.startTaken).toEqual([['case.intake|always|0']]);
    expect(graph.run.links.length).toBe(graph.run.nodes.length);
    expect(graph.run.links.flat().length).toBeGreaterThan(graph.run.nodes.length);
    // Every transition is reachable here: the fulfilled one only once the user is notified.
    expect([...graph.reachable].sort()).toEqual(graph.transitions.map((t) => t.id).sort());
  });

  it('refuses to generate paths from a partial graph', () => {
    expect(() => timedGraph(handMachine, HAND_INPUTS, {}, 3)).toThrow(/path generation needs the whole graph, but exploring stopped at \d+ states \(states\)/);
  });

  it('activeStates lists every active node below the root, by path', () => {
    const [snapshot] = stepperOf(handMachine).initial(HAND_INPUTS[0].input);
    expect(activeStates(snapshot).sort()).toEqual(['case', 'case.open', 'user', 'user.pending']);
  });

  it('activeStates names states by path when they carry their own #ids', () => {
    const machine = setup({}).createMachine({ id: 'desk', initial: 'a', states: { a: { id: 'aa', on: { go: '#bb' } }, b: { id: 'bb' } } }) as unknown as AnyStateMachine;
    const [snapshot] = stepperOf(machine).initial(undefined);
    expect(activeStates(snapshot)).toEqual(['a']);
  });

  it('shortestFrom/walkTo and nearestEdge agree on the fewest steps to the first lapse', () => {
    const graph = handGraph();
    const lapsed = (to: number) => statesAt(graph, to).includes('case.lapsed');
    const found = nearestEdge(graph, graph.starts, (link) => lapsed(link.to));
    expect(found?.origin).toBe(0);
    // P5D can pass only after P3D has passed or the user was notified.
    expect(found?.links.map((l) => l.step.kind)).toEqual([expect.stringMatching(/event|timer/), 'timer']);
    const table = shortestFrom(graph, graph.starts);
    const target = graph.run.nodes.filter((n) => lapsed(n.id)).map((n) => walkTo(table, n.id).length);
    expect(Math.min(...target)).toBe(2);
    expect(nearestEdge(graph, graph.starts, () => false)).toBeNull();
  });
});

describe('transitionCover on the hand machine', () => {
  const graph = handGraph();
  const cover = transitionCover(graph);

  it('takes every reachable transition, as the dated scenarios show', () => {
    const covered = new Set(cover.flatMap((p) => built(p).covers.transitions));
    expect([...graph.reachable].filter((t) => !covered.has(t))).toEqual([]);
    expect(cover.every((p) => p.strategy === 'transitions')).toBe(true);
  });

  it('counts each transition once across its walks, and uses fewer walks than transitions', () => {
    const counts = cover.map((p) => Number(/^takes (\d+) transitions/.exec(p.purpose)?.[1]));
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(graph.reachable.size);
    expect(cover.length).toBeLessThan(graph.reachable.size / 2);
  });

  it('still covers everything when walks are cut short, with more walks', () => {
    const short = transitionCover(graph, 1);
    const covered = new Set(short.flatMap((p) => takenAlong(graph, p).flat()));
    expect([...graph.reachable].filter((t) => !covered.has(t))).toEqual([]);
    expect(short.length).toBeGreaterThan(cover.length);
    // A walk longer than maxSteps is a single shortest hop to a new transition.
    for (const p of short) if (p.walk.links.length > 1) expect(p.walk.links.some((l, k) => k < p.walk.links.length - 1 && l.taken.length > 0)).toBe(true);
  });
});

describe('transitionPairs on the hand machine', () => {
  const graph = handGraph();

  it('pairs only transitions of one region in a parallel machine', () => {
    const pair = pairing(handMachine);
    expect(pair(['case.open|process.received|0'], ['case.served|request.fulfilled|0', 'user.pending|notice.sent|0'])).toEqual(['case.open|process.received|0>case.served|request.fulfilled|0']);
    const flat = setup({}).createMachine({ id: 'f', initial: 'a', states: { a: { on: { go: 'b' } }, b: { on: { go: 'a' } } } }) as unknown as AnyStateMachine;
    expect(pairing(flat)(['a|go|0'], ['b|go|0', 'x|y|0'])).toEqual(['a|go|0>b|go|0', 'a|go|0>x|y|0']);
  });

  it('takes every reachable pair, and no pair the graph does not have', () => {
    const pair = pairing(handMachine);
    const reachable = reachablePairs(graph);
    expect(reachable.size).toBeGreaterThan(3);
    const taken = new Set<string>();
    for (const p of transitionPairs(graph)) {
      const along = takenAlong(graph, p);
      along.slice(1).forEach((t, k) => pair(along[k] as readonly string[], t).forEach((x) => taken.add(x)));
      built(p);
    }
    expect([...reachable].filter((x) => !taken.has(x))).toEqual([]);
    expect([...taken].filter((x) => !reachable.has(x))).toEqual([]);
    // The intake's eventless transition is followed by the first event of each walk.
    expect(reachable).toContain('case.intake|always|0>case.open|process.received|0');
    expect(reachable).toContain('user.pending|after P3D|0>user.late|notice.sent|0');
  });
});

describe('shortestToStates on the hand machine', () => {
  const graph = handGraph();
  const paths = shortestToStates(graph);
  const best = bruteForceStateDistances(graph);
  const claimed = (p: PlannedPath) => p.purpose.replace(/^reaches /, '').split(', ');

  it('reaches every state some run reaches, each active where its walk ends', () => {
    expect(best.size).toBe(10);
    const reached = new Set(paths.flatMap(claimed));
    expect([...reached].sort()).toEqual([...best.keys()].sort());
    for (const p of paths) for (const s of claimed(p)) expect(statesAt(graph, endOf(p))).toContain(s);
    expect(paths[0]?.walk.links).toEqual([]);
    expect(claimed(paths[0] as PlannedPath).sort()).toEqual(['case', 'case.open', 'user', 'user.pending']);
  });

  it('never takes a walk longer than the fewest steps to the states it reaches', () => {
    for (const p of paths) expect(p.walk.links.length).toBeLessThanOrEqual(Math.max(...claimed(p).map((s) => best.get(s) as number)));
  });

  it('gives each state a walk of the fewest steps to it (brute-force breadth-first search)', () => {
    // user.notified is one step away (notice.sent), but is first met at the end of the 3-step
    // walk to case.done, which sorts before it, and is then never given its own shortest walk.
    const walkFor = new Map(paths.flatMap((p) => claimed(p).map((s) => [s, p.walk.links.length] as const)));
    expect(Object.fromEntries(walkFor)).toEqual(Object.fromEntries(best));
  });
});

describe('deadlineBoundaries on the hand machine', () => {
  const graph = handGraph();
  const paths = deadlineBoundaries(graph);

  it('finds exactly the events whose effect depends on a deadline, three sides each', () => {
    // notice.sent takes another transition once P3D has passed; process.received and
    // request.withdrawn are refused once P5D has passed; process.received does not care about P3D.
    const keys = paths.map((p) => `${p.boundary?.event.type}@${p.boundary?.timer}:${p.boundary?.side}`);
    expect(keys).toEqual(
      ['notice.sent@xstate.after.P3D.hand.user.pending', 'process.received@xstate.after.P5D.hand.case.open', 'request.withdrawn@xstate.after.P5D.hand.case.open'].flatMap((k) => [`${k}:dayBefore`, `${k}:dayOf`, `${k}:dayAfter`]),
    );
    expect(paths.every((p) => p.strategy === 'boundaries')).toBe(true);
    expect(paths[0]?.purpose).toBe('notice.sent the day before P3D passes');
  });

  it('dates the event the day before, on, and the day after the deadline’s day', () => {
    for (const p of paths) {
      const s = built(p);
      const dueDay = p.boundary?.timer.includes('P3D') ? 3 : 5;
      const at = s.steps.findIndex((st, k) => k > p.walk.links.length && st.do.kind === 'event' && st.do.event.type === p.boundary?.event.type);
      const side = p.boundary?.side;
      expect(s.steps[at]?.day).toBe(dueDay + (side === 'dayBefore' ? -1 : side === 'dayOf' ? 0 : 1));
      const passes = s.steps.findIndex((st) => st.do.kind === 'endDay' && st.do.passes.includes(p.boundary?.timer.includes('P3D') ? 'P3D' : 'P5D'));
      if (side === 'dayAfter') expect(passes).toBeGreaterThan(-1);
      if (side === 'dayAfter') expect(passes).toBeLessThan(at);
      if (passes > -1 && side !== 'dayAfter') expect(passes).toBeGreaterThan(at);
      if (passes > -1) expect(s.steps[passes]?.day).toBe(dueDay);
    }
  });

  it('shows the effect: refused after P5D, but taken on its day; a late notice after P3D', () => {
    const dated = Object.fromEntries(paths.map((p) => [`${p.boundary?.event.type}:${p.boundary?.side}`, built(p)]));
    const last = (s: Scenario | undefined, type: string) => [...(s?.steps ?? [])].reverse().find((st) => st.do.kind === 'event' && st.do.event.type === type);
    expect(last(dated['process.received:dayOf'], 'process.received')?.expect).toMatchObject({ accepted: true, state: expect.stringContaining('case.served') });
    expect(last(dated['process.received:dayAfter'], 'process.received')?.expect).toMatchObject({ accepted: false, state: expect.stringContaining('case.lapsed') });
    expect(last(dated['process.received:dayAfter'], 'process.received')?.says).toBe('legal process arrives — refused');
    expect(dated['notice.sent:dayOf']?.covers.transitions).toContain('user.pending|notice.sent|0');
    expect(dated['notice.sent:dayAfter']?.covers.transitions).toContain('user.late|notice.sent|0');
    expect(dated['notice.sent:dayAfter']?.covers.transitions).not.toContain('user.pending|notice.sent|0');
  });
});

describe('randomWalks on the hand machine', () => {
  const graph = handGraph();
  const shape = (paths: PlannedPath[]) => paths.map((p) => [p.walk.start, ...p.walk.links.map((l) => `${l.step.kind}:${l.step.event?.type}->${l.to}`)]);

  it('is reproducible from its seed, and different for another seed', () => {
    const options = { walks: 6, maxSteps: 10, idleSteps: 10 };
    const a = randomWalks(graph, { seed: 1, ...options });
    expect(shape(randomWalks(graph, { seed: 1, ...options }))).toEqual(shape(a));
    expect(shape(randomWalks(graph, { seed: 2, ...options }))).not.toEqual(shape(a));
    expect(a.map((p) => p.purpose)).toEqual([1, 2, 3, 4, 5, 6].map((w) => `random walk ${w} of 6, seed 1`));
  });

  it('follows edges of the graph, stops at maxSteps or a dead end, and every walk dates', () => {
    for (const seed of [3, 4, 5]) {
      for (const p of randomWalks(graph, { seed, walks: 5, maxSteps: 2, idleSteps: 99 })) {
        expect(p.walk.links.length).toBeLessThanOrEqual(2);
        let at = p.walk.start;
        for (const link of p.walk.links) {
          expect(graph.run.links[at]).toContain(link);
          at = link.to;
        }
        if (p.walk.links.length < 2) expect(graph.run.links[at]).toEqual([]);
        expect(built(p).steps.length).toBeGreaterThan(0);
      }
    }
  });

  it('stops after idleSteps steps that take nothing new', () => {
    const [p] = randomWalks(graph, { seed: 9, walks: 1, maxSteps: 50, idleSteps: 0 });
    expect(p?.walk.links).toEqual([]);
  });
});

describe('ruleWitnesses on the hand machine', () => {
  const graph = handGraph();
  const premises = [
    { rule: 'lapses', match: (info: { kind: string; delay?: string }) => info.kind === 'timer' && info.delay === 'P5D' },
    { rule: 'late-notice', match: (info: { kind: string; event: { type: string }; pre: { hasTag(t: string): boolean } | null }) => info.event.type === 'notice.sent' && !!info.pre?.hasTag('overdue') },
    { rule: 'on-receipt', match: isStart },
    { rule: 'never', match: () => false },
  ];
  const witnesses = ruleWitnesses(graph, premises);

  it('gives every rule whose premise some run meets a walk, and none to the rest', () => {
    expect(witnesses.map((w) => w.rule)).toEqual(['lapses', 'late-notice', 'on-receipt']);
    expect(witnesses.map((w) => w.purpose)).toEqual(['triggers lapses', 'triggers late-notice', 'triggers on-receipt']);
  });

  it('each witness’s dated scenario triggers its rule', () => {
    for (const w of witnesses) {
      const s = buildScenario(graph, { ...handContext, premises }, w);
      expect(s?.covers.rules).toContain(w.rule);
    }
  });

  it('walks on from the premise to a settled moment where it can', () => {
    const lapses = witnesses[0] as PlannedPath;
    // The fewest steps to P5D passing: two; the case is then closed and nothing is pending.
    expect(lapses.walk.links.length).toBe(2);
    expect((lapses.walk.links.at(-1) as Link).step).toMatchObject({ kind: 'timer', delay: 'P5D' });
    const end = graph.run.nodes[endOf(lapses)];
    expect(end?.snapshot.hasTag('closed')).toBe(true);
  });
});

describe('every walk of every strategy on the hand machine dates and replays', () => {
  it('buildScenario never throws, and each scenario starts with the request received', () => {
    const graph = handGraph();
    const plans = [...transitionCover(graph), ...transitionPairs(graph), ...shortestToStates(graph), ...deadlineBoundaries(graph), ...randomWalks(graph, { seed: 11, walks: 5, maxSteps: 12, idleSteps: 12 })];
    for (const p of plans) {
      const s = buildScenario(graph, handContext, p);
      if (!p.boundary) expect(s).not.toBeNull();
      if (!s) continue;
      expect(s.steps[0]).toMatchObject({ day: 0, on: '2026-03-02', do: { kind: 'receive' } });
      expect(s.steps.map((st) => st.day)).toEqual([...s.steps.map((st) => st.day)].sort((a, b) => a - b));
      expect(s.id).toMatch(new RegExp(`^hand\\.test\\.${p.strategy}\\.[0-9a-f]{8}$`));
    }
  });
});
