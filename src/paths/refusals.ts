import type { AnyMachineSnapshot } from 'xstate';
import { stableJson } from '../explore/snapshotKey.ts';
import type { PlannedPath } from './PlannedPath.ts';
import { type TimedGraph, activeStates, shortestFrom, walkTo } from './TimedGraph.ts';

/** Tags that change what a case may do whatever its states: a gag in force, a notice sent. */
const SITUATION_TAGS = ['secrecy', 'noticeSent'];

/**
 * Events the machine refuses: a notice while a gag is in force, a disclosure before review or
 * inside the objection window, a second extension, a filing after its window. A refusal is told
 * apart by the event type and either the transitions that listen for it but do not fire, with
 * the situation tags, or, when no active state listens, the active state of each region that
 * has a transition on it elsewhere; and, for each request, an event refused for its payload
 * where another payload is taken (content on a subpoena that asked for it, where subscriber
 * information would be disclosed). For each, the shortest walk to a moment some variant of the
 * event is refused, then that variant. A suite then checks that the system
 * refuses it too, and leaves the case as it was.
 *
 * @example
 * refusals(graph).map((p) => p.purpose) // ['notice.sent is refused (notice.pending|notice.sent|0 does not fire), under secrecy', …]
 */
export function refusals(graph: TimedGraph): PlannedPath[] {
  const { nodes, links } = graph.run;
  const byTrigger = new Map<string, string[]>();
  for (const t of graph.transitions) byTrigger.set(`${t.source}@${t.trigger}`, [...(byTrigger.get(`${t.source}@${t.trigger}`) ?? []), t.id]);
  const order = new Map(graph.transitions.map((t, i) => [t.id, i]));
  const parallel = graph.machine.root.type === 'parallel';
  const region = (state: string) => (parallel ? (state.split('.')[0] as string) : '');
  const regionsOf = new Map<string, Set<string>>();
  for (const t of graph.transitions) regionsOf.set(t.trigger, (regionsOf.get(t.trigger) ?? new Set()).add(region(t.source)));
  const active = new Map<AnyMachineSnapshot, string[]>();
  const statesOf = (snapshot: AnyMachineSnapshot) => {
    let states = active.get(snapshot);
    if (!states) active.set(snapshot, (states = activeStates(snapshot)));
    return states;
  };
  const reasons = new Map<AnyMachineSnapshot, Map<string, string[]>>();
  /** Why the snapshot refuses an event type, the same for every payload: its keys before the situation tags. */
  const why = (snapshot: AnyMachineSnapshot, type: string) => {
    let row = reasons.get(snapshot);
    if (!row) reasons.set(snapshot, (row = new Map()));
    let keys = row.get(type);
    if (!keys) {
      // In the machine's order, not the snapshot's: two snapshots of one state may list their active states in different orders.
      const blocked = statesOf(snapshot)
        .flatMap((s) => byTrigger.get(`${s}@${type}`) ?? [])
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      const under = SITUATION_TAGS.filter((t) => snapshot.hasTag(t));
      const situation = under.length ? `, under ${under.join(' and ')}` : '';
      keys = blocked.length
        ? [`${type} is refused (${blocked.join(', ')} ${blocked.length > 1 ? 'do' : 'does'} not fire)${situation}`]
        : silentIn(snapshot, type).map((s) => `${type} is refused in ${s}, where nothing listens for it`);
      row.set(type, keys);
    }
    return keys;
  };
  /** Where nothing listens: the active leaf state of each region that has a transition on the event somewhere. */
  const silentIn = (snapshot: AnyMachineSnapshot, type: string) => {
    const states = statesOf(snapshot);
    const regions = regionsOf.get(type) ?? new Set<string>();
    return states.filter((s) => regions.has(region(s)) && !states.some((c) => c.startsWith(`${s}.`)));
  };
  const events = graph.events.map((event) => ({ event, key: stableJson(event) }));
  const table = shortestFrom(graph, graph.starts);
  const seen = new Set<string>();
  const paths: PlannedPath[] = [];
  for (const node of nodes) {
    const out = (links[node.id] ?? []).flatMap((l) => (l.step.kind === 'event' && l.step.event ? [l.step.event] : []));
    const taken = new Set(out.map((e) => stableJson(e)));
    const acceptedTypes = new Set(out.map((e) => e.type));
    for (const { event, key } of events) {
      if (taken.has(key)) continue;
      const keys = [...why(node.snapshot, event.type)];
      if (acceptedTypes.has(event.type)) keys.push(`${event.type} is refused for this payload, from request "${graph.inputs[node.input]?.name ?? ''}", where another is taken`);
      const fresh = keys.filter((k) => !seen.has(k));
      if (!fresh.length) continue;
      fresh.forEach((k) => seen.add(k));
      const purpose = fresh.join('; ');
      paths.push({ strategy: 'refusals', purpose, walk: { start: table.origin[node.id] as number, links: walkTo(table, node.id) }, refusal: event });
    }
  }
  return paths;
}
