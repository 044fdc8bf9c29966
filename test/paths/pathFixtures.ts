import { type AnyStateMachine, setup, stateIn } from 'xstate';
import { findKind } from '../../machines/catalogue.ts';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { DAY_MS } from '../../src/domain/duration.ts';
import type { ProviderPolicy } from '../../src/domain/policy.ts';
import type { Link } from '../../src/explore/Exploration.ts';
import type { PlannedPath } from '../../src/paths/PlannedPath.ts';
import { type TimedGraph, activeStates, timedGraph } from '../../src/paths/TimedGraph.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import type { ScenarioContext } from '../../src/scenarios/buildScenario.ts';
import { premisesFor } from '../../src/scenarios/generateScenarios.ts';

/**
 * A small parallel machine with two timers and an eventless intake, written by hand so every
 * expected walk can be worked out on paper:
 *
 * - `case`: intake —always→ open; open —process.received→ served, —request.withdrawn→ withdrawn,
 *   after P5D → lapsed; served —request.fulfilled [user is notified]→ done.
 * - `user`: pending —notice.sent→ notified, after P3D → late; late —notice.sent→ notified.
 *
 * `case.done` (3 steps away) can only be reached with `user.notified` active, though
 * `user.notified` itself is 1 step away; `case` sorts before `user`.
 */
export const handMachine: AnyStateMachine = setup({
  types: {} as { events: { type: 'process.received' } | { type: 'request.withdrawn' } | { type: 'request.fulfilled' } | { type: 'notice.sent' } },
  delays: { P3D: 3 * DAY_MS, P5D: 5 * DAY_MS },
}).createMachine({
  id: 'hand',
  type: 'parallel',
  states: {
    case: {
      initial: 'intake',
      states: {
        intake: { always: 'open' },
        open: { after: { P5D: 'lapsed' }, on: { 'process.received': 'served', 'request.withdrawn': 'withdrawn' } },
        served: { on: { 'request.fulfilled': { guard: stateIn('#hand.user.notified') as never, target: 'done' } } },
        done: { tags: ['closed'] },
        withdrawn: { tags: ['closed'] },
        lapsed: { tags: ['closed'] },
      },
    },
    user: {
      initial: 'pending',
      states: {
        pending: { tags: ['noticeDue'], after: { P3D: 'late' }, on: { 'notice.sent': 'notified' } },
        late: { tags: ['noticeDue', 'overdue'], on: { 'notice.sent': 'notified' } },
        notified: { tags: ['noticeSent'] },
      },
    },
  },
}) as unknown as AnyStateMachine;

export const HAND_INPUTS = [{ name: 'only', input: { receivedOn: '2026-03-02' } }] as const;
export const handContext: ScenarioContext = { kind: 'hand', kindTitle: 'Hand', policy: 'test', premises: [] };

let handCache: TimedGraph | undefined;
export function handGraph(): TimedGraph {
  handCache ??= timedGraph(handMachine, HAND_INPUTS, {});
  return handCache;
}

const cache = new Map<string, { entry: KindEntry; graph: TimedGraph; ctx: ScenarioContext }>();

/** A catalogue kind's timed graph under the policy version in force on its inputs' date, with its scenario context. */
export function catalogueGraph(kind: string, policy: ProviderPolicy = cloudflare): { entry: KindEntry; graph: TimedGraph; ctx: ScenarioContext } {
  const key = `${kind}.${policy.id}`;
  const known = cache.get(key);
  if (known) return known;
  const entry = findKind(kind);
  if (!entry) throw new Error(`no kind ${kind}`);
  const version = policyVersionAt(policy, (entry.inputs[0]?.input as { receivedOn: string }).receivedOn);
  const graph = timedGraph(withPolicy(entry.machine, version), entry.inputs, entry.alphabet);
  const ctx: ScenarioContext = { kind, kindTitle: entry.title.split(' (')[0] as string, policy: policy.id, premises: premisesFor(graph, kind, version) };
  const made = { entry, graph, ctx };
  cache.set(key, made);
  return made;
}

/** The node a walk ends at. */
export const endOf = (path: PlannedPath): number => (path.walk.links.length ? (path.walk.links[path.walk.links.length - 1] as Link).to : path.walk.start);

/** Active states at a node. */
export const statesAt = (graph: TimedGraph, node: number): string[] => activeStates((graph.run.nodes[node] as TimedGraph['run']['nodes'][number]).snapshot);

/**
 * Breadth-first distances (fewest steps) from the starts to every node, written independently
 * of `shortestFrom`, and from them the fewest steps to a moment each state is active.
 */
export function bruteForceStateDistances(graph: TimedGraph): Map<string, number> {
  const dist = new Map<number, number>(graph.starts.map((s) => [s, 0]));
  const queue = [...graph.starts];
  while (queue.length) {
    const u = queue.shift() as number;
    for (const link of graph.run.links[u] ?? []) {
      if (dist.has(link.to)) continue;
      dist.set(link.to, (dist.get(u) as number) + 1);
      queue.push(link.to);
    }
  }
  const best = new Map<string, number>();
  for (const [node, d] of dist) for (const s of statesAt(graph, node)) best.set(s, Math.min(best.get(s) ?? Infinity, d));
  return best;
}

/** The transitions a walk takes, step by step, its start's included. */
export function takenAlong(graph: TimedGraph, path: PlannedPath): (readonly string[])[] {
  const input = graph.run.nodes[path.walk.start]?.input ?? 0;
  return [graph.startTaken[input] ?? [], ...path.walk.links.map((l) => l.taken)];
}
