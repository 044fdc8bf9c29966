import type { AnyStateMachine } from 'xstate';
import type { PolicyVersion } from '../domain/policy.ts';
import { OUTCOME_TAGS } from '../domain/tags.ts';
import { type DeclaredValues, eventVariants } from '../explore/eventVariants.ts';
import { exploreSteps } from '../explore/exploreSteps.ts';
import type { Stepper } from '../explore/Stepper.ts';
import { TransitionCache, transitionCacheOf } from '../explore/transitionCache.ts';
import type { Exploration, ExploreInput, PathStep } from '../explore/Exploration.ts';
import { type Growth, growingContext } from '../explore/growingContext.ts';
import { takesStep } from '../explore/takesStep.ts';
import { type Unreached, unreached } from '../paths/unreached.ts';
import { watchGraph } from '../explore/watchGraph.ts';
import { pathOf } from '../explore/pathOf.ts';
import { type DatedStep, replayPath } from '../explore/witness.ts';
import { withPolicy } from '../policy/withPolicy.ts';
import { stateLabel } from '../time/TimedRun.ts';
import type { Rule, RuleContext } from './Rule.ts';
import { outsideEvents } from '../explore/outsideEvents.ts';
import { isMachine } from '../explore/isMachine.ts';
import { InputError } from '../domain/InputError.ts';

/** A machine to check, with the inputs and payload values to explore it with. */
export interface CheckTarget {
  name: string;
  machine: AnyStateMachine;
  /** The catalogue kind it implements, if any (from `meta.kind`). */
  kind?: string;
  inputs: readonly ExploreInput[];
  declared: DeclaredValues;
}

export type RuleStatus = 'proved' | 'violated' | 'inconclusive' | 'notApplicable';

export interface RuleResult {
  rule: Rule;
  status: RuleStatus;
  states: number;
  /** The symbolic transitions explored for the rule, between those states. */
  transitions: number;
  ms: number;
  message?: string;
  /** The input the counterexample starts from. */
  input?: string;
  counterexample?: DatedStep[];
  /** Unexplored states when a budget stopped the search. */
  frontier?: number;
  /** The budget that stopped it: states (`maxStates`) or time (`maxMs`). */
  budget?: 'states' | 'time';
  /** When a budget stopped it: context numbers that kept rising as the search went deeper, a sign it could never end. */
  growing?: Growth[];
  /** On a proof, the rule's premise when no run meets it: the rule held because it never had anything to check. */
  vacuous?: { premise: string };
}

export interface CheckOptions {
  maxStates?: number;
  maxMs?: number;
  /** How steps are computed (`TransitionCache`): through the port where it can (the default), always through XState, or both, compared. */
  stepper?: Stepper;
  onProgress?: (p: { rule: string; states: number; ms: number }) => void;
}

/**
 * Checks every applicable rule on one machine under one policy version. The machine's exact
 * zone graph is explored once: termination is read off it, and each monitor that reads no clock
 * runs over it (`watchGraph`). The monitors that read one run together with the machine in one
 * timed product exploration. Each rule is proved, violated with its shortest dated
 * counterexample, or left inconclusive when a budget ran out.
 *
 * @example
 * const results = checkMachine(target, policyVersionAt(cloudflare, '2026-01-15'), RULES);
 */
export function checkMachine(target: CheckTarget, version: PolicyVersion, rules: readonly Rule[], options: CheckOptions = {}): RuleResult[] {
  return checkTarget(target, version, rules, options).results;
}

/**
 * `checkMachine`, and what of the machine's chart no run uses (`unreached`, worked out when
 * asked for; null when the exact graph was not explored in full).
 *
 * @example
 * const { results, unreached } = checkTarget(target, policyVersionAt(cloudflare, '2026-01-15'), RULES);
 * unreached()?.states; // ['notice.waived']
 */
export function checkTarget(target: CheckTarget, version: PolicyVersion, rules: readonly Rule[], options: CheckOptions = {}): { results: RuleResult[]; unreached: () => Unreached | null } {
  if (!isMachine(target.machine)) throw new InputError('invalid', 'target.machine', target.name, 'is not an XState v5 machine (an XState v4 machine, a state node or an object shaped like one)', 'pass a machine made with setup({…}).createMachine({…})');
  const machine = withPolicy(target.machine, version);
  const types = outsideEvents(machine);
  const events = eventVariants(types, target.declared);
  const ctx = ruleContext(machine, target.kind, version, { inputs: target.inputs.map((i) => i.input), events });
  const applicable = rules.map((rule) => (rule.appliesTo(ctx) ? rule.check(ctx) : null));
  const monitorRules = applicable.flatMap((c, i) => (c?.type === 'monitor' ? [{ index: i, monitor: c.monitor }] : []));
  const base = {
    inputs: target.inputs,
    events,
    ...(options.maxStates ? { maxStates: options.maxStates } : {}),
    ...(options.maxMs ? { maxMs: options.maxMs } : {}),
  };
  const progress = (label: string) => (options.onProgress ? { onProgress: (p: { states: number; ms: number }) => options.onProgress?.({ rule: label, ...p }) } : {});
  const needsGraph = monitorRules.length > 0 || applicable.some((c) => c?.type === 'termination');
  const steps = options.stepper && options.stepper !== 'port' ? new TransitionCache(machine, options.stepper) : transitionCacheOf(machine);
  const graph = needsGraph ? exploreSteps(steps, { ...base, ...progress('graph'), subsumption: false, links: true }) : null;
  // A monitor that reads no clock runs over the exact graph; only the others need the timed product.
  const watched = monitorRules.map((r) => (graph ? watchGraph(graph, r.monitor, target.inputs) : null));
  const timed = monitorRules.filter((_, k) => watched[k] === null);
  const product = timed.length ? exploreSteps(steps, { ...base, ...progress('rules'), monitors: timed.map((r) => r.monitor) }) : null;

  const verdict = (rule: Rule, run: Exploration, found: { message: string; path: PathStep[] } | null, states = run.nodes.length, transitions = edgeCount(run), tested = false): RuleResult => {
    const result = { rule, states, transitions, ms: run.ms };
    if (found) {
      const input = target.inputs.find((i) => i.name === found.path[0]?.input);
      return { ...result, status: 'violated', message: found.message, ...(input ? { input: input.name } : {}), counterexample: replayPath(machine, input?.input, found.path) };
    }
    if (!run.complete) {
      const growing = run.stopped ? growthOf(run) : [];
      return { ...result, status: 'inconclusive', frontier: run.stopped?.frontier ?? 0, ...(run.stopped ? { budget: run.stopped.reason } : {}), ...(growing.length ? { growing } : {}) };
    }
    // A complete graph has every step some run takes, so a premise no link meets is never met; a timed rule that was put to the test had work whatever its premise says.
    const unmet = rule.premise && !tested && graph?.complete && !takesStep(graph, target.inputs, rule.premise.match(ctx));
    return { ...result, status: 'proved', ...(unmet ? { vacuous: { premise: (rule.premise as NonNullable<Rule['premise']>).text } } : {}) };
  };

  const results = rules.map((rule, i): RuleResult => {
    const check = applicable[i];
    if (!check) return { rule, status: 'notApplicable', states: 0, transitions: 0, ms: 0 };
    if (check.type === 'termination') return verdict(rule, graph as Exploration, graph?.complete ? deadEnd(graph) : null);
    const slot = monitorRules.findIndex((r) => r.index === i);
    const onGraph = watched[slot];
    if (onGraph) return verdict(rule, graph as Exploration, onGraph.violation, onGraph.states, onGraph.transitions);
    const run = product as Exploration;
    const k = timed.findIndex((r) => r.index === i);
    return verdict(rule, run, run.violations[k] ?? null, undefined, undefined, run.tested[k]);
  });
  const complete = graph?.complete ? graph : null;
  return { results, unreached: () => (complete ? unreached(machine, complete, target.inputs) : null) };
}

const growths = new WeakMap<Exploration, Growth[]>();

/** `growingContext` of a stopped exploration's states, worked out once however many rules it stopped. */
function growthOf(run: Exploration): Growth[] {
  let g = growths.get(run);
  if (!g) growths.set(run, (g = growingContext(run.nodes.map((n) => n.snapshot))));
  return g;
}

const edgeCounts = new WeakMap<Exploration, number>();

/** The symbolic transitions an exploration followed (counted once per exploration). */
function edgeCount(run: Exploration): number {
  let n = edgeCounts.get(run);
  if (n === undefined) edgeCounts.set(run, (n = run.edges.reduce((sum, out) => sum + out.length, 0)));
  return n;
}

/**
 * What rules see of a machine (already provided with its policy) and the policy version: the
 * third argument `checkRun` takes. A search passes what it will explore with (`explored`), so
 * rules whose deadlines come from the inputs and events size their clocks by them.
 *
 * @example
 * const violations = checkRun(run, request, RULES, ruleContext(machine, 'subpoena', version));
 */
export function ruleContext(machine: AnyStateMachine, kind: string | undefined, version: PolicyVersion, explored?: RuleContext['explored']): RuleContext {
  const types = machine.root.events.filter((t) => !t.startsWith('xstate.'));
  return { kind, policy: version, events: new Set(types), tags: machineTags(machine), ...(explored ? { explored } : {}) };
}

/** Every tag some state node of the machine carries. */
export function machineTags(machine: AnyStateMachine): Set<string> {
  const tags = new Set<string>();
  const walk = (node: { tags: string[]; states: Record<string, unknown> }) => {
    node.tags.forEach((t) => tags.add(t));
    Object.values(node.states).forEach((child) => walk(child as typeof node));
  };
  walk(machine.root as unknown as { tags: string[]; states: Record<string, unknown> });
  return tags;
}

/**
 * A state with nothing left to happen and no outcome, or one from which no outcome can be
 * reached: the shortest path to it. An outcome is the `closed` tag with an outcome tag beside it.
 */
function deadEnd(run: Exploration): { message: string; path: PathStep[] } | null {
  const { nodes, edges } = run;
  const closed = nodes.map((n) => n.snapshot.hasTag('closed') && OUTCOME_TAGS.some((t) => n.snapshot.hasTag(t)));
  const reverse: number[][] = nodes.map(() => []);
  edges.forEach((succ, from) => succ.forEach((to) => reverse[to]?.push(from)));
  const canFinish = [...closed];
  const queue = nodes.filter((_, i) => closed[i]).map((n) => n.id);
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head] as number;
    for (const p of reverse[n] ?? []) {
      if (!canFinish[p]) {
        canFinish[p] = true;
        queue.push(p);
      }
    }
  }
  // A final state without an outcome is named first: it is why the states before it cannot finish either.
  const stuck = nodes.find((n) => !canFinish[n.id] && n.snapshot.status === 'done') ?? nodes.find((n) => !canFinish[n.id]);
  if (!stuck) return null;
  // With the invariants of the states left on the way, so the path is dated before any timer due in them.
  const { path } = pathOf(nodes, stuck.id);
  const message =
    stuck.snapshot.status === 'done'
      ? `the case ends in state "${stateLabel(stuck.snapshot)}" with no outcome: a final state needs the closed tag and an outcome tag (disclosed, refused, withdrawn…)`
      : (edges[stuck.id] ?? []).length === 0
        ? 'the case reaches a state with nothing left to happen and no outcome'
        : 'the case reaches a state from which no outcome can ever be reached';
  return { message, path };
}
