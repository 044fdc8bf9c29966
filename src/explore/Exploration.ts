import type { AnyMachineSnapshot } from 'xstate';
import type { ClockBound, Monitor } from './Monitor.ts';
import type { Zone } from './Zone.ts';

/** A named input (request) to start the machine with. */
export interface ExploreInput {
  name: string;
  input: unknown;
}

export interface ExploreOptions {
  inputs: readonly ExploreInput[];
  /** Every concrete outside event to try in every state. */
  events: readonly { type: string }[];
  /** One rule's monitor; or `monitors`, run together in one product. */
  monitor?: Monitor;
  monitors?: readonly Monitor[];
  maxStates?: number;
  maxMs?: number;
  /** Reuse a stored zone that covers a new one (default). Off, only equal zones merge: slower, but every edge is exact. */
  subsumption?: boolean;
  /** `exact` (default): named delays are clocks. `asEvents`: timers are plain events that may come at any time, and time is ignored. */
  timers?: 'exact' | 'asEvents';
  /** Keep every edge's step and the statechart transitions it took (`Exploration.links`), for path generation. */
  links?: boolean;
  onProgress?: (p: { states: number; queued: number; ms: number }) => void;
}

/** An edge of the explored graph: the step taken and the statechart transitions it took. */
export interface Link {
  to: number;
  step: PathStep;
  taken: readonly string[];
  /** States the step passed through and left within it (`Move.through`). */
  through?: readonly unknown[];
  /** Events the step raised for itself (`Move.raised`). */
  raised?: readonly { type: string }[];
}

/** A timer pending in a symbolic state; its clock is named after its event. */
export interface PendingTimer {
  event: string;
  delay: string;
  days: number;
}

/** One step on a path, with what the concretiser needs to date it. */
export interface PathStep {
  kind: 'start' | 'event' | 'timer' | 'wait';
  input?: string;
  event?: { type: string };
  delay?: string;
  /** Bounds that hold at the instant of this step (guards, invariants, monitor conditions). */
  bounds: ClockBound[];
  /** Clocks that start at this step, after it. */
  starts: string[];
}

/** A symbolic state: a machine snapshot (or, for a product, one per component), its pending timers (in start order), a zone and a monitor state. */
export interface ExploredNode<S = AnyMachineSnapshot> {
  id: number;
  parent: number;
  step: PathStep;
  snapshot: S;
  timers: readonly PendingTimer[];
  /** True right after a timer fired: outside events must wait for the next day. */
  eod: boolean;
  zone: Zone;
  monitor: unknown;
  /** Index of the input the run started from. */
  input: number;
  /** On a start node: the states the start passed through on its way there (`Move.through`), when any. */
  through?: readonly unknown[] | undefined;
  /** On a start node: the events the start raised for itself (`Move.raised`), when any. */
  raised?: readonly { type: string }[] | undefined;
  /**
   * Under symmetry reduction, when the state was stored renamed: each name prefix (a product
   * component's name) it now has, mapped to the one it had in the step that reached it.
   */
  renamed?: ReadonlyMap<string, string>;
}

export interface Violation {
  message: string;
  /** Node ids from a start to the violating step's source, then the violating step. */
  path: PathStep[];
  nodes: number[];
}

export interface Exploration<S = AnyMachineSnapshot> {
  nodes: ExploredNode<S>[];
  /** The first violation of each monitor, in the order given; null where it held. */
  violations: (Violation | null)[];
  /** Per monitor, in the order given: whether the rule was put to the test, a violation weighed at some step or a deadline running in some state. */
  tested: boolean[];
  /** Successor node ids of each node (after subsumption). */
  edges: number[][];
  /** With `links`: each node's outgoing edges, parallel to `edges`; empty otherwise. */
  links: Link[][];
  violation: Violation | null;
  complete: boolean;
  /** Whether a stored zone that covered a new one was reused (`ExploreOptions.subsumption`): when false, every edge is exact. */
  subsumption: boolean;
  /** Why the search stopped early, with the size of the unexplored frontier. */
  stopped?: { reason: 'states' | 'time'; frontier: number };
  /** Machine steps this exploration computed (by the port or by XState), refused events included (a measure of work). */
  transitions: number;
  ms: number;
}
