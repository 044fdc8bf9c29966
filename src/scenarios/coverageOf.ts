import { findKind } from '../../machines/catalogue.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { policyRegistry } from '../policy/policyRegistry.ts';
import { filePolicy } from './filePolicy.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { withPolicy } from '../policy/withPolicy.ts';
import { pairing, reachablePairs } from '../paths/transitionPairs.ts';
import { ruleWitnesses } from '../paths/ruleWitnesses.ts';
import { activeStates, timedGraph } from '../paths/TimedGraph.ts';
import { premisesFor } from './generateScenarios.ts';
import { rulesTriggered } from './buildScenario.ts';
import { replayScenarioFile } from './replayScenario.ts';
import type { ScenarioFile } from './Scenario.ts';

/** Covered out of reachable, with what is missing. */
export interface Measure {
  covered: number;
  total: number;
  percent: number;
  missing: string[];
}

/** What one kind's scenarios under one policy exercise, against what its machine can do. */
export interface KindCoverage {
  kind: string;
  policy: string;
  scenarios: number;
  /** Scenarios that no longer replay (coverage counts only the steps that still match). */
  diverged: string[];
  states: Measure;
  transitions: Measure & { unreachable: string[] };
  pairs: Measure;
  /** Each timer (`delay @ state`): armed, fired and cancelled by some scenario, and those never armed. */
  timers: { total: number; armed: number; fired: number; cancelled: number; neverArmed: string[]; neverFired: string[] };
  /** Rules whose premise some run can meet, and those (applicable) whose premise no run meets. */
  rules: Measure & { unreachable: string[] };
}

const measure = (covered: ReadonlySet<string>, reachable: ReadonlySet<string>): Measure => {
  const missing = [...reachable].filter((x) => !covered.has(x)).sort();
  const total = reachable.size;
  return { covered: total - missing.length, total, percent: total ? Math.floor(((total - missing.length) / total) * 1000) / 10 : 100, missing };
};

/**
 * Replays a kind's scenario file and measures it against the machine's exact timed graph:
 * states, transitions (and which can never be taken), consecutive pairs, timers and rules.
 *
 * @example
 * coverageOf(readScenarioFile('scenarios/subpoena.cloudflare.json')).transitions.percent // 100
 */
export function coverageOf(file: ScenarioFile, policies: Readonly<Record<string, ProviderPolicy>> = {}): KindCoverage {
  const replays = replayScenarioFile(file, policies);
  const entry = findKind(file.kind) as NonNullable<ReturnType<typeof findKind>>;
  const version = policyVersionAt(filePolicy(file, policyRegistry(policies)), file.scenarios[0]?.request.receivedOn as string);
  const graph = timedGraph(withPolicy(entry.machine, version), entry.inputs, entry.alphabet);
  const premises = premisesFor(graph, entry.kind, version);
  const pair = pairing(graph.machine);
  const seen = { states: new Set<string>(), transitions: new Set<string>(), pairs: new Set<string>(), rules: new Set<string>(), armed: new Set<string>(), fired: new Set<string>(), cancelled: new Set<string>() };
  for (const { run, scenario } of replays) {
    run.steps.forEach((step, k) => {
      activeStates(step.snapshot).forEach((s) => seen.states.add(s));
      step.transitions.forEach((t) => seen.transitions.add(t));
      const prev = run.steps[k - 1];
      if (prev) pair(prev.transitions, step.transitions).forEach((p) => seen.pairs.add(p));
      step.timers.forEach((t) => seen.armed.add(timerName(t.event)));
      if (step.trigger.kind === 'timer') seen.fired.add(timerName(step.trigger.event));
      const firedNow = step.trigger.kind === 'timer' ? step.trigger.event : '';
      prev?.timers.filter((t) => t.event !== firedNow && !step.timers.some((u) => u.event === t.event)).forEach((t) => seen.cancelled.add(timerName(t.event)));
    });
    rulesTriggered(run, scenario.request, premises).forEach((r) => seen.rules.add(r));
  }
  const witnessed = ruleWitnesses(graph, premises).map((w) => w.rule as string);
  const reachableStates = new Set(graph.run.nodes.flatMap((n) => activeStates(n.snapshot)));
  const timers = graph.machine.root.events.filter((e) => e.startsWith('xstate.after.')).map(timerName).sort();
  return {
    kind: file.kind,
    policy: file.policy.id,
    scenarios: file.scenarios.length,
    diverged: replays.filter((r) => r.divergence).map((r) => r.scenario.id),
    states: measure(seen.states, reachableStates),
    transitions: { ...measure(seen.transitions, graph.reachable), unreachable: graph.transitions.filter((t) => !graph.reachable.has(t.id)).map((t) => t.label) },
    pairs: measure(seen.pairs, reachablePairs(graph)),
    timers: {
      total: timers.length,
      armed: timers.filter((t) => seen.armed.has(t)).length,
      fired: timers.filter((t) => seen.fired.has(t)).length,
      cancelled: timers.filter((t) => seen.cancelled.has(t)).length,
      neverArmed: timers.filter((t) => !seen.armed.has(t)),
      neverFired: timers.filter((t) => seen.armed.has(t) && !seen.fired.has(t)),
    },
    rules: { ...measure(seen.rules, new Set(witnessed)), unreachable: premises.map((p) => p.rule).filter((r) => !witnessed.includes(r)) },
  };
}

/** `xstate.after.P14D.subpoena.window_x.open` as `P14D @ window_x.open`. */
function timerName(event: string): string {
  const [, , delay, , ...state] = event.split('.');
  return `${delay ?? event} @ ${state.join('.')}`;
}
