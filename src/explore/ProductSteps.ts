import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { InputError } from '../domain/InputError.ts';
import { stableJson } from './snapshotKey.ts';
import type { Steps } from './Steps.ts';
import { type EventEntry, type Move, type TimerOp, type TransitionCache, transitionCacheOf } from './transitionCache.ts';

/** One machine of a product, under the name its events, timers and transitions are prefixed with. */
export interface Component {
  name: string;
  machine: AnyStateMachine;
}

/** A product state: one snapshot per component, in the order the components were given. */
export type ProductState = readonly AnyMachineSnapshot[];

/** An event list split by component: each part with the component's own (unprefixed) entries. */
interface Split {
  parts: { entries: EventEntry[]; originals: { type: string }[]; listId: number }[];
}

/**
 * The moves of machines running side by side (interleaved, independent), built from each
 * machine's own transition cache: XState computes a component's step once however many product
 * states share it, and components that are the same machine share one cache. Events are
 * `<name>/<type>`; timers and statechart transitions are prefixed the same way, so each
 * component's clocks stay its own.
 */
export class ProductSteps implements Steps<ProductState> {
  private readonly caches: TransitionCache[];
  private readonly prefixes: string[];
  /** Product ids, as a trie over the components' own ids. */
  private readonly interned = new Map<number, unknown>();
  private count = 0;
  private readonly renamed: WeakMap<Move, { timerOps: TimerOp[]; taken: string[] }>[];
  private readonly splits: Split[] = [];
  private readonly lists = new Map<string, number>();
  private readonly timers = new Map<string, { i: number; own: { type: string } }>();

  constructor(readonly components: readonly Component[]) {
    if (components.length === 0) throw new InputError('invalid', 'components', components, 'a product needs at least one machine', 'give one { name, machine } per request');
    const seen = new Set<string>();
    components.forEach(({ name }, i) => {
      if (typeof name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(name)) {
        throw new InputError('invalid', `components[${i}].name`, name, 'is not a plain name', 'use letters, digits, "_", "." or "-" (it prefixes the component\'s events as name/event)');
      }
      if (seen.has(name)) throw new InputError('invalid', `components[${i}].name`, name, 'names another component too', 'give each component its own name');
      seen.add(name);
    });
    this.caches = components.map((c) => transitionCacheOf(c.machine));
    this.prefixes = components.map((c) => `${c.name}/`);
    this.renamed = components.map(() => new WeakMap());
  }

  get transitions(): number {
    return [...new Set(this.caches)].reduce((n, c) => n + c.transitions, 0);
  }

  /** `input` holds each component's input under its name. */
  start(input: unknown): Move<ProductState> {
    if (input === null || typeof input !== 'object') throw new InputError('invalid', 'input', input, 'a product input is an object with one input per component', `give { ${this.components.map((c) => `"${c.name}": …`).join(', ')} }`);
    const moves = this.caches.map((cache, i) => cache.start((input as Record<string, unknown>)[(this.components[i] as Component).name]));
    const snapshot = moves.map((m) => m.snapshot);
    const lifted = moves.map((m, i) => this.lift(i, m));
    return { snapshot, id: this.id(snapshot), timerOps: lifted.flatMap((l) => l.timerOps), taken: lifted.flatMap((l) => l.taken) };
  }

  id(state: ProductState): number {
    let level = this.interned;
    const last = state.length - 1;
    for (let i = 0; i < last; i++) {
      const own = (this.caches[i] as TransitionCache).id(state[i] as AnyMachineSnapshot);
      let next = level.get(own) as Map<number, unknown> | undefined;
      if (!next) level.set(own, (next = new Map()));
      level = next;
    }
    const own = (this.caches[last] as TransitionCache).id(state[last] as AnyMachineSnapshot);
    let id = level.get(own) as number | undefined;
    if (id === undefined) level.set(own, (id = this.count++));
    return id;
  }

  listId(events: readonly EventEntry[]): number {
    const text = events.map((e) => e.key).join('\n');
    let id = this.lists.get(text);
    if (id === undefined) {
      id = this.splits.length;
      this.lists.set(text, id);
      this.splits.push(this.split(events));
    }
    return id;
  }

  enabled(state: ProductState, _events: readonly EventEntry[], listId: number): { event: { type: string }; move: Move<ProductState> }[] {
    const out: { event: { type: string }; move: Move<ProductState> }[] = [];
    const { parts } = this.splits[listId] as Split;
    parts.forEach((part, i) => {
      const own = (this.caches[i] as TransitionCache).enabled(state[i] as AnyMachineSnapshot, part.entries, part.listId);
      for (const { index, move } of own) out.push({ event: part.originals[index] as { type: string }, move: this.step(state, i, move) });
    });
    return out;
  }

  fire(state: ProductState, timer: { type: string }): Move<ProductState> | null {
    let route = this.timers.get(timer.type);
    if (!route) {
      const i = this.prefixes.findIndex((p) => timer.type.startsWith(p));
      route = { i, own: { type: timer.type.slice((this.prefixes[i] ?? '').length) } };
      this.timers.set(timer.type, route);
    }
    if (route.i < 0) return null;
    const move = (this.caches[route.i] as TransitionCache).fire(state[route.i] as AnyMachineSnapshot, route.own);
    return move && this.step(state, route.i, move);
  }

  timerEvents(): string[] {
    return this.caches.flatMap((c, i) => c.timerEvents().map((t) => `${this.prefixes[i]}${t}`));
  }

  private step(state: ProductState, i: number, move: Move): Move<ProductState> {
    const snapshot = state.slice();
    snapshot[i] = move.snapshot;
    return { snapshot, id: this.id(snapshot), ...this.lift(i, move) };
  }

  /** A component move's timer operations and transitions under the component's prefix, made once per move. */
  private lift(i: number, move: Move): { timerOps: TimerOp[]; taken: string[] } {
    const cache = this.renamed[i] as WeakMap<Move, { timerOps: TimerOp[]; taken: string[] }>;
    let lifted = cache.get(move);
    if (!lifted) {
      const prefix = this.prefixes[i] as string;
      lifted = { timerOps: move.timerOps.map((op) => ({ ...op, event: `${prefix}${op.event}` })), taken: move.taken.map((t) => `${prefix}${t}`) };
      cache.set(move, lifted);
    }
    return lifted;
  }

  private split(events: readonly EventEntry[]): Split {
    const parts = this.components.map((_, i) => {
      const prefix = this.prefixes[i] as string;
      const mine = events.filter((e) => e.event.type.startsWith(prefix));
      const entries = mine.map((e) => {
        const event = { ...e.event, type: e.event.type.slice(prefix.length) };
        return { event, key: stableJson(event) };
      });
      return { entries, originals: mine.map((e) => e.event), listId: (this.caches[i] as TransitionCache).listId(entries) };
    });
    const unrouted = events.find((e) => !this.prefixes.some((p) => e.event.type.startsWith(p)));
    if (unrouted) throw new InputError('invalid', 'events', unrouted.event, 'names no component', `prefix each event with its component's name: ${this.prefixes.map((p) => `"${p}…"`).join(', ')}`);
    return { parts };
  }
}
