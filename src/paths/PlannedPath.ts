import type { Walk } from './TimedGraph.ts';

/** The path-generation strategies, each a reason a scenario exists. */
export type Strategy = 'transitions' | 'pairs' | 'states' | 'boundaries' | 'refusals' | 'rules' | 'random';

/** Where an event is placed against a deadline pending when it comes. */
export type BoundarySide = 'dayBefore' | 'dayOf' | 'dayAfter';

/** A walk through the timed graph, chosen by a strategy for a reason; dated when it becomes a scenario. */
export interface PlannedPath {
  strategy: Strategy;
  /** Why the strategy chose it, in words (`reaches process.challenged`). */
  purpose: string;
  walk: Walk;
  /** For a boundary path: after the walk, this event on the given side of this pending timer's deadline. */
  boundary?: { event: { type: string }; timer: string; side: BoundarySide };
  /** For a refusal path: after the walk, this event, which the machine refuses there. */
  refusal?: { type: string };
  /** For a rule witness: the rule whose premise the walk triggers. */
  rule?: string;
}
