import type { AnyMachineSnapshot } from 'xstate';
import type { RaisedEvent } from './raisedEvents.ts';

/** A timer started or cancelled by a transition, in the order XState reported it. */
export type TimerOp = { op: 'cancel'; event: string } | { op: 'start'; event: string; delay: string; days: number };

/** What one discrete transition does: the next snapshot (the first one met of that state, whichever step reached it) and its interned id, and its timer starts and cancels. */
export interface Move<S = AnyMachineSnapshot> {
  snapshot: S;
  id: number;
  /** Equal lists are one array within a cache. */
  timerOps: readonly TimerOp[];
  /** Ids of the statechart transitions taken, eventless ones included (`machineTransitions`). */
  taken: readonly string[];
  /** States the step passed through and left within it (eventless transitions, raised events), in order; most steps pass through none. */
  through: readonly S[];
  /** Events the step raised for itself and took at once (`raisedEvents`); most raise none. */
  raised: readonly RaisedEvent[];
}

/** A step a cache computed: the state it left, the event, and whether the event's guards were checked (`taken`) or it fires anyway (`next`, a due timer). */
export interface LoggedStep {
  snapshot: AnyMachineSnapshot;
  event: { type: string };
  how: 'next' | 'taken';
}

/** An event a state takes, its move, and its place in the event list it was found in. */
export interface EnabledMove {
  event: { type: string };
  move: Move;
  index: number;
}

/** An outside event to try, with its canonical text. */
export interface EventEntry {
  event: { type: string };
  key: string;
}
