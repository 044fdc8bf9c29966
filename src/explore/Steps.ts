import type { AnyMachineSnapshot } from 'xstate';
import type { PendingTimer } from './Exploration.ts';
import type { EventEntry, Move } from './Move.ts';
import type { Zone } from './Zone.ts';

/** A symbolic state's discrete part and zone, as `Steps.canonical` sees and returns it. */
export interface Symbolic<S> {
  state: S;
  timers: readonly PendingTimer[];
  zone: Zone;
}

/**
 * What the explorer needs of a system of states: its discrete moves, each computed once. One
 * machine's `TransitionCache` is one; a product of machines (`ProductSteps`) is another. `S` is
 * what a symbolic state holds of the system (a snapshot, or one snapshot per component).
 */
export interface Steps<S = AnyMachineSnapshot> {
  /** Machine steps computed so far, by the port or by XState (a measure of work). */
  readonly transitions: number;
  start(input: unknown): Move<S>;
  /** A small number standing for the state's canonical key: equal states get equal ids. */
  id(state: S): number;
  /** A small number standing for an event list, so `enabled` can key on it cheaply. */
  listId(events: readonly EventEntry[]): number;
  /** The moves of every event in `events` the state takes; `id`, when known, saves looking it up. */
  enabled(state: S, events: readonly EventEntry[], listId: number, id?: number): readonly { event: { type: string }; move: Move<S> }[];
  /** The move a due timer's event makes (it always fires), or null when no timer of that name is known. */
  fire(state: S, timer: { type: string }, id?: number): Move<S> | null;
  /** The timer events, as outside events for `timers: 'asEvents'`. */
  timerEvents(): string[];
  /**
   * Symmetry reduction: the representative of the state's class (interchangeable parts put in a
   * canonical order), with `names` mapping each renamed name prefix back to the one it had;
   * null when the state already is its representative.
   */
  canonical?(s: Symbolic<S>): (Symbolic<S> & { names: ReadonlyMap<string, string> }) | null;
}
