import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { civilSubpoenaEntry } from '../../machines/civilSubpoena.ts';
import { nationalSecurityLetterEntry } from '../../machines/nationalSecurityLetter.ts';
import { subpoenaEntry, subpoenaSpec } from '../../machines/subpoena.ts';
import { createDemandMachine } from '../../machines/lifecycle/createDemandMachine.ts';
import type { DemandSpec } from '../../machines/lifecycle/DemandSpec.ts';
import { demandEntry, type KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { explore } from '../../src/explore/explore.ts';
import type { Monitor } from '../../src/explore/Monitor.ts';
import { watchGraph } from '../../src/explore/watchGraph.ts';
import { datePath } from '../../src/explore/witness.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { RULES } from '../../src/rules/catalogue.ts';
import { ruleContext } from '../../src/rules/checkMachine.ts';
import { never, neverStep } from '../../src/rules/language.ts';
import { objectionWindow } from '../../src/rules/noticeRules.ts';
import { cloudActMotionWindow } from '../../src/rules/dataRules.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';
import { build } from '../support/handMachines.ts';
import { mutateState, transitionsOf, withoutParts, isOr } from '../support/mutate.ts';

const version = policyVersionAt(cloudflare, '2026-01-15');

function setUp(entry: KindEntry, raw: AnyStateMachine = entry.machine, only?: readonly string[]) {
  const machine = withPolicy(raw.provide({}), version);
  const types = machine.root.events.filter((t) => !t.startsWith('xstate.'));
  const inputs = only ? entry.inputs.filter((i) => only.includes(i.name)) : entry.inputs;
  const base = { inputs, events: eventVariants(types, entry.alphabet) };
  const graph = explore(machine, { ...base, subsumption: false, links: true });
  const ctx = ruleContext(machine, entry.kind, version);
  const monitors = RULES.filter((r) => r.appliesTo(ctx)).flatMap((r) => {
    const check = r.check(ctx);
    return check.type === 'monitor' ? [{ id: r.id, monitor: check.monitor }] : [];
  });
  // Clockless monitors of our own, broken on a timer step and on reaching an outcome.
  const own = [
    { id: 'a timer fires', check: neverStep((info) => info.kind === 'timer', 'a timer fired') },
    { id: 'the case closes', check: never((s) => s.hasTag('closed'), 'the case closed') },
  ].map(({ id, check }) => ({ id, monitor: (check as { monitor: Monitor }).monitor }));
  return { machine, base, graph, monitors: [...monitors, ...own] };
}

const noticeDuringSecrecy = mutateState(subpoenaEntry.machine, 'secrecy.inForce', (s) => {
  s.on = { ...s.on, 'notice.sent': { target: '#subpoena.notice.sent' } };
});
const noNoticeGuard = mutateState(subpoenaEntry.machine, 'process.compliance', (s) => {
  (s.on as Record<string, unknown>)['data.disclosed'] = transitionsOf(s, 'data.disclosed').map((t) => ({ ...t, guard: withoutParts(t.guard, isOr) }));
});
const contentSpec: DemandSpec = { ...subpoenaSpec, compels: [...subpoenaSpec.compels, 'content'] };
const contentEntry = demandEntry(contentSpec, createDemandMachine(contentSpec));

const SUBPOENA_INPUTS = ['plain', 'open-ended order served'];
const cases: { name: string; entry: KindEntry; machine?: AnyStateMachine; only?: string[] }[] = [
  { name: 'civilSubpoena', entry: civilSubpoenaEntry },
  { name: 'nationalSecurityLetter', entry: nationalSecurityLetterEntry },
  { name: 'subpoena, notice handled during secrecy', entry: subpoenaEntry, machine: noticeDuringSecrecy, only: SUBPOENA_INPUTS },
  { name: 'subpoena, disclosure without the notice guard', entry: subpoenaEntry, machine: noNoticeGuard, only: SUBPOENA_INPUTS },
  { name: 'subpoena compelling content', entry: contentEntry, machine: contentEntry.machine, only: SUBPOENA_INPUTS },
];

describe('watchGraph: clockless monitors over the exact graph', () => {
  it.each(cases)('$name: every monitor it takes gives the explorer product’s verdict, with a counterexample as short', ({ entry, machine: raw, only }) => {
    const { machine, base, graph, monitors } = setUp(entry, raw, only);
    expect(graph.complete).toBe(true);
    let watchedCount = 0;
    let violatedCount = 0;
    for (const { id, monitor } of monitors) {
      const watched = watchGraph(graph, monitor, base.inputs);
      if (!watched) continue;
      watchedCount++;
      const product = explore(machine, { ...base, monitors: [monitor] }).violations[0] ?? null;
      expect(watched.violation === null, id).toBe(product === null);
      if (!watched.violation || !product) continue;
      violatedCount++;
      expect(watched.violation.message).toBe(product.message);
      expect(watched.violation.path.length, id).toBe(product.path.length);
      // The nodes run from a start to the violating step's source, one fewer than the steps.
      expect(watched.violation.nodes.length, id).toBe(product.nodes.length);
      if (watched.violation.nodes.length > 0) expect(graph.nodes[watched.violation.nodes[0] as number]?.parent).toBe(-1);
      expect(watched.violation.path[0]?.kind).toBe('start');
      // The walk is a real dated run: every step gets a day, none before the one before it.
      const days = datePath(watched.violation.path);
      expect(days.every((d, i) => i === 0 || d >= (days[i - 1] as number))).toBe(true);
    }
    expect(watchedCount).toBeGreaterThan(3);
    expect(violatedCount).toBeGreaterThan(raw ? 2 : 1);
  });

  it('gives a monitor that starts a clock back (null), for the timed product', () => {
    const { graph, base } = setUp(subpoenaEntry);
    const check = objectionWindow.check(ruleContext(withPolicy(subpoenaEntry.machine, version), 'subpoena', version));
    if (check.type !== 'monitor') throw new Error('objection-window is a monitor');
    expect(watchGraph(graph, check.monitor, base.inputs)).toBeNull();
  });

  it('walks a monitor that starts a clock but never reads it, with the timed product’s verdict and a counterexample as short', () => {
    const { machine, graph, base } = setUp(subpoenaEntry, subpoenaEntry.machine, SUBPOENA_INPUTS);
    // The CLOUD Act motion window starts its clock at receipt, but no subpoena run files the motion, so nothing reads it.
    const window = cloudActMotionWindow.check(ruleContext(machine, 'subpoena', version));
    if (window.type !== 'monitor') throw new Error('cloud-act-motion-window is a monitor');
    expect(watchGraph(graph, window.monitor, base.inputs)).toEqual({ violation: null, states: expect.any(Number), transitions: expect.any(Number) });
    expect(explore(machine, { ...base, monitors: [window.monitor] }).violations).toEqual([null]);
    // A clock started at receipt and a violation with no bound on it: the clock decides nothing.
    const closes: Monitor<null> = {
      initial: () => ({ state: null, start: ['@c'] }),
      step: (_s, info) => (info.post.hasTag('closed') ? { state: null, violation: { message: 'closed' } } : { state: null }),
      key: () => '',
      clockMax: { '@c': 3 },
    };
    const watched = watchGraph(graph, closes, base.inputs);
    const product = explore(machine, { ...base, monitors: [closes] }).violations[0];
    expect(watched?.violation?.message).toBe('closed');
    expect(watched?.violation?.path.length).toBe(product?.path.length);
  });

  it('reports a violation at the start as a one-step path', () => {
    const { graph, base } = setUp(civilSubpoenaEntry);
    const check = never(() => true, 'every state is bad');
    const watched = watchGraph(graph, (check as { monitor: Monitor }).monitor, base.inputs);
    expect(watched?.violation?.message).toBe('every state is bad');
    expect(watched?.violation?.path.map((s) => s.kind)).toEqual(['start']);
  });

  it('proves over the graph with its zones forgotten: a stateless monitor visits each machine state once and follows each distinct step once', () => {
    const { graph, base } = setUp(nationalSecurityLetterEntry);
    const watched = watchGraph(graph, (never(() => false, 'never') as { monitor: Monitor }).monitor, base.inputs);
    const stateKey = (id: number) => {
      const node = graph.nodes[id] as (typeof graph.nodes)[number];
      return JSON.stringify([node.input, node.snapshot.value, node.snapshot.context]);
    };
    const states = new Set(graph.nodes.map((n) => stateKey(n.id)));
    const steps = new Set(graph.links.flatMap((out, from) => out.map((l) => JSON.stringify([stateKey(from), l.step.event, stateKey(l.to)]))));
    expect(watched).toEqual({ violation: null, states: states.size, transitions: steps.size });
    expect(states.size).toBeLessThan(graph.nodes.length);
  });

  it('takes a violation met only with the zones forgotten as a lead, and walks the graph itself: none is reported where no dated run breaks the rule', () => {
    // Region c fires on day 3; the case may be served (x) before or after. Served first, b fires (day 5) before a (day 8); served after day 3, a fires first.
    const machine = build({
      id: 'leads',
      type: 'parallel',
      states: {
        a: { initial: 'a0', states: { a0: { after: { P8D: 'a1' } }, a1: { tags: ['aFired'] } } },
        b: { initial: 'b0', states: { b0: { on: { 'request.withdrawn': 'b1' } }, b1: { after: { P5D: 'b2' } }, b2: {} } },
        c: { initial: 'c0', states: { c0: { after: { P3D: 'c1' } }, c1: {} } },
      },
    }).provide({ delays: { P3D: 3 * 86_400_000, P8D: 8 * 86_400_000 } } as never);
    const inputs = [{ name: 'only', input: {} }];
    const graph = explore(machine, { inputs, events: [{ type: 'request.withdrawn' }], subsumption: false, links: true });
    // Broken by c's timer, then the service, then b's timer while a's has not fired: no dated run does that, though each step is one some run takes.
    const bFiresFirstAfterLateService: Monitor<number> = {
      initial: () => ({ state: 0 }),
      step: (s, info) => {
        if (s === 0 && info.kind === 'timer' && info.post.matches({ c: 'c1' }) && info.post.matches({ b: 'b0' })) return { state: 1 };
        if (s === 1 && info.kind === 'event') return { state: 2 };
        if (s === 2 && info.kind === 'timer' && info.post.matches({ b: 'b2' }) && !info.post.hasTag('aFired')) return { state: 3, violation: { message: 'b before a' } };
        return { state: s };
      },
      key: (s) => String(s),
    };
    const watched = watchGraph(graph, bFiresFirstAfterLateService, inputs);
    expect(explore(machine, { inputs, events: [{ type: 'request.withdrawn' }], monitors: [bFiresFirstAfterLateService] }).violations).toEqual([null]);
    expect(watched?.violation).toBeNull();
  });

  it('refuses a graph whose edges are not exact or not kept, naming the field and the fix', () => {
    const { machine, base, monitors } = setUp(civilSubpoenaEntry);
    const monitor = (monitors[0] as { monitor: Monitor }).monitor;
    const covered = inputErrorOf(() => watchGraph(explore(machine, { ...base, links: true }), monitor, base.inputs));
    expect(covered.field).toBe('graph.subsumption');
    expect(covered.fix).toContain('subsumption: false');
    const bare = inputErrorOf(() => watchGraph(explore(machine, { ...base, subsumption: false }), monitor, base.inputs));
    expect(bare.field).toBe('graph.links');
    expect(bare.message).toContain('kept no edges');
  });
});
