import type { BoundarySide, PlannedPath } from './PlannedPath.ts';
import { type TimedGraph, shortestFrom, walkTo } from './TimedGraph.ts';

const SIDES: readonly BoundarySide[] = ['dayBefore', 'dayOf', 'dayAfter'];

/**
 * For every outside transition whose effect depends on which side of a pending deadline it
 * falls (after the deadline passes, the event is refused or takes other transitions), three
 * paths: the shortest walk to such a moment, then the event the day before, on, and the day
 * after the deadline's day. Transitions and deadlines are told apart by what the statechart
 * takes, not by payload, so each pair appears once; an event the deadline does not affect is
 * left out, as its order against the deadline changes nothing.
 *
 * @example
 * deadlineBoundaries(graph).filter((p) => p.boundary?.side === 'dayOf')
 */
export function deadlineBoundaries(graph: TimedGraph): PlannedPath[] {
  const { nodes, links } = graph.run;
  const seen = new Set<string>();
  const wanted: { key: string; node: number; link: (typeof links)[number][number]; timer: string; delay: string }[] = [];
  const same = (a: { type: string }, b: { type: string }) => JSON.stringify(a) === JSON.stringify(b);
  nodes.forEach((node) => {
    for (const link of links[node.id] ?? []) {
      if (link.step.kind !== 'event' || !link.step.event) continue;
      for (const timer of node.timers) {
        const key = `${link.taken.join('+')}@${timer.event}`;
        if (seen.has(key)) continue;
        const fired = (links[node.id] ?? []).find((l) => l.step.kind === 'timer' && l.step.event?.type === timer.event);
        if (!fired) continue;
        const later = (links[fired.to] ?? []).find((l) => l.step.kind === 'event' && same(l.step.event as { type: string }, link.step.event as { type: string }));
        if (later && later.taken.join('+') === link.taken.join('+')) continue;
        seen.add(key);
        wanted.push({ key, node: node.id, link, timer: timer.event, delay: timer.delay });
      }
    }
  });
  const table = shortestFrom(graph, graph.starts);
  return wanted.flatMap((w) => {
    const to = { origin: table.origin[w.node] as number, links: walkTo(table, w.node) };
    const event = w.link.step.event as { type: string };
    return SIDES.map((side) => ({
      strategy: 'boundaries' as const,
      purpose: `${event.type} ${side === 'dayBefore' ? 'the day before' : side === 'dayOf' ? 'on the day' : 'the day after'} ${w.delay} passes`,
      walk: { start: to.origin, links: to.links },
      boundary: { event, timer: w.timer, side },
    }));
  });
}
