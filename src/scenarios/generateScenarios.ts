import { policyDigest } from '../policy/policyDigest.ts';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import type { PlannedPath } from '../paths/PlannedPath.ts';
import { deadlineBoundaries } from '../paths/deadlineBoundaries.ts';
import { randomWalks } from '../paths/randomWalks.ts';
import { refusals } from '../paths/refusals.ts';
import { ruleWitnesses } from '../paths/ruleWitnesses.ts';
import { shortestToStates } from '../paths/shortestToStates.ts';
import { type TimedGraph, timedGraph } from '../paths/TimedGraph.ts';
import { transitionCover } from '../paths/transitionCover.ts';
import { transitionPairs } from '../paths/transitionPairs.ts';
import { policyVersionAt } from '../policy/policyVersionAt.ts';
import { withPolicy } from '../policy/withPolicy.ts';
import { RULES } from '../rules/catalogue.ts';
import { ruleContext } from '../rules/checkMachine.ts';
import type { StepMatch } from '../rules/language.ts';
import { type ScenarioContext, buildScenario } from './buildScenario.ts';
import { SCENARIO_FORMAT, type Scenario, type ScenarioFile } from './Scenario.ts';

/** The rules that apply to a kind under a policy version, with their premises. */
export function premisesFor(graph: TimedGraph, kind: string, version: ReturnType<typeof policyVersionAt>): { rule: string; match: StepMatch }[] {
  const ctx = ruleContext(graph.machine, kind, version);
  return RULES.filter((r) => r.premise && r.appliesTo(ctx)).map((r) => ({ rule: r.id, match: r.premise?.match(ctx) as StepMatch }));
}

/** A 32-bit seed from text (FNV-1a), so each kind and policy has its own reproducible walks. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ (c.codePointAt(0) as number), 0x01000193) >>> 0;
  return h;
}

/**
 * Every scenario of one kind under one policy (the version in force on the kind's check date):
 * transition cover, shortest paths to states, transition pairs, deadline boundaries, refusals,
 * rule witnesses and seeded random walks, in that order, each story kept once.
 *
 * @example
 * const file = scenariosFor(findKind('subpoena'), cloudflare);
 * file.scenarios.length
 */
export function scenariosFor(entry: KindEntry, policy: ProviderPolicy, graphReady?: TimedGraph): ScenarioFile {
  const receivedOn = (entry.inputs[0]?.input as { receivedOn: string }).receivedOn;
  const version = policyVersionAt(policy, receivedOn);
  const graph = graphReady ?? timedGraph(withPolicy(entry.machine, version), entry.inputs, entry.alphabet);
  const premises = premisesFor(graph, entry.kind, version);
  const ctx: ScenarioContext = { kind: entry.kind, kindTitle: entry.title.split(' (')[0] as string, policy: policy.id, premises };
  const plans: PlannedPath[] = [
    ...transitionCover(graph),
    ...shortestToStates(graph),
    ...transitionPairs(graph),
    ...deadlineBoundaries(graph),
    ...refusals(graph),
    ...ruleWitnesses(graph, premises),
    ...randomWalks(graph, { seed: seedOf(`${entry.kind}.${policy.id}`), walks: 3, maxSteps: 25, idleSteps: 8 }),
  ];
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  for (const plan of plans) {
    const scenario = buildScenario(graph, ctx, plan);
    if (!scenario) continue;
    const story = scenario.id.slice(scenario.id.lastIndexOf('.') + 1);
    if (seen.has(story)) continue;
    seen.add(story);
    scenarios.push(scenario);
  }
  return { format: SCENARIO_FORMAT, kind: entry.kind, policy: { id: policy.id, version: version.title, digest: policyDigest(version) }, scenarios };
}
