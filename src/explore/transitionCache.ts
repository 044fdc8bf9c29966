import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { DAY_MS } from '../domain/duration.ts';
import { delayName } from '../time/timerChanges.ts';
import { pureStepper } from './pureStepper.ts';
import { snapshotKey, stableJson } from './snapshotKey.ts';

/** A timer started or cancelled by a transition, in the order XState reported it. */
export type TimerOp = { op: 'cancel'; event: string } | { op: 'start'; event: string; delay: string; days: number };

/** What one discrete transition does: the next snapshot, and its timer starts and cancels. */
export interface Move {
  snapshot: AnyMachineSnapshot;
  key: string;
  timerOps: TimerOp[];
}

/**
 * XState's pure transitions for one machine, each computed once: rules explored one by one all
 * walk the same machine, and `transition()` is the costly part.
 */
export class TransitionCache {
  private readonly moves = new Map<string, Map<string, Move | null>>();
  private readonly keys = new WeakMap<AnyMachineSnapshot, string>();
  private readonly listening = new Map<string, Set<string>>();
  private readonly stepper: ReturnType<typeof pureStepper>;
  transitions = 0;

  constructor(readonly machine: AnyStateMachine) {
    this.stepper = pureStepper(machine);
  }

  key(snapshot: AnyMachineSnapshot): string {
    let k = this.keys.get(snapshot);
    if (k === undefined) {
      k = snapshotKey(snapshot);
      this.keys.set(snapshot, k);
    }
    return k;
  }

  start(input: unknown): Move {
    const [snapshot, actions] = this.stepper.initial(input);
    this.transitions++;
    return this.move(snapshot, actions);
  }

  /** The move an event makes from a snapshot, or null when the machine does not take it. */
  next(snapshot: AnyMachineSnapshot, event: { type: string }, eventKey = stableJson(event)): Move | null {
    const from = this.key(snapshot);
    let row = this.moves.get(from);
    if (!row) this.moves.set(from, (row = new Map()));
    const hit = row.get(eventKey);
    if (hit !== undefined) return hit;
    let result: Move | null = null;
    if (event.type.startsWith('xstate.after.') || (this.listensFor(from, snapshot).has(event.type) && snapshot.can(event))) {
      const [next, actions] = this.stepper.next(snapshot, event);
      this.transitions++;
      result = this.move(next, actions);
    }
    row.set(eventKey, result);
    return result;
  }

  /** Event types some active state node has a transition for (guards aside). */
  private listensFor(key: string, snapshot: AnyMachineSnapshot): Set<string> {
    let types = this.listening.get(key);
    if (!types) {
      const nodes = (snapshot as unknown as { _nodes: { ownEvents: string[] }[] })._nodes;
      types = new Set(nodes.flatMap((n) => n.ownEvents));
      this.listening.set(key, types);
    }
    return types;
  }

  private move(snapshot: AnyMachineSnapshot, actions: readonly { type: string; params?: unknown }[]): Move {
    const timerOps: TimerOp[] = [];
    for (const a of actions) {
      const p = (a.params ?? {}) as { id?: string; sendId?: string; delay?: number };
      if (a.type === 'xstate.cancel' && p.sendId) timerOps.push({ op: 'cancel', event: p.sendId });
      if (a.type === 'xstate.raise' && typeof p.delay === 'number' && p.id) {
        if (p.delay % DAY_MS !== 0 || p.delay < 0) throw new RangeError(`timer ${p.id} has a delay of ${p.delay} ms; model time is whole days`);
        timerOps.push({ op: 'start', event: p.id, delay: delayName(p.id), days: p.delay / DAY_MS });
      }
    }
    return { snapshot, key: this.key(snapshot), timerOps };
  }
}

const caches = new WeakMap<AnyStateMachine, TransitionCache>();

/** The shared cache of a machine. */
export function transitionCacheOf(machine: AnyStateMachine): TransitionCache {
  let c = caches.get(machine);
  if (!c) caches.set(machine, (c = new TransitionCache(machine)));
  return c;
}
