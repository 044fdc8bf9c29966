import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { InputError } from '../domain/InputError.ts';
import { stableJson } from './snapshotKey.ts';
import type { PendingTimer } from './Exploration.ts';
import type { Steps, Symbolic } from './Steps.ts';
import { TimerOpLists } from './TimerEffects.ts';
import type { EventEntry, Move, TimerOp } from './Move.ts';
import { type TransitionCache, transitionCacheOf } from './transitionCache.ts';
import { renameZone } from './Zone.ts';

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
  private readonly renamed: WeakMap<Move, { timerOps: readonly TimerOp[]; taken: string[]; raised: Move['raised'] }>[];
  private readonly opLists = new TimerOpLists();
  private readonly splits: Split[] = [];
  private readonly lists = new Map<string, number>();
  private readonly timers = new Map<string, { i: number; own: { type: string } }>();

  private readonly indexOf = new Map<string, number>();
  private readonly owners = new Map<string, [number, string]>();
  /** By permutation: component renames both ways, and clock names renamed so far. */
  private readonly renamings = new Map<string, { toNew: Map<string, string>; names: Map<string, string>; clocks: Map<string, string> }>();

  /** With `symmetry`, the components are one machine given one input and one event list, so any order of them is as good as another. */
  constructor(
    readonly components: readonly Component[],
    readonly options: { symmetry?: boolean } = {},
  ) {
    if (components.length === 0) throw new InputError('invalid', 'components', components, 'a product needs at least one machine', 'give one { name, machine } per request');
    const seen = new Set<string>();
    components.forEach(({ name }, i) => {
      if (typeof name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(name)) {
        throw new InputError('invalid', `components[${i}].name`, name, 'is not a plain name', 'use letters, digits, "_", "." or "-" (it prefixes the component\'s events as name/event)');
      }
      if (seen.has(name)) throw new InputError('invalid', `components[${i}].name`, name, 'names another component too', 'give each component its own name');
      seen.add(name);
    });
    if (options.symmetry) {
      const other = components.findIndex((c) => c.machine !== components[0]?.machine);
      if (other > 0) throw new InputError('invalid', `components[${other}].machine`, (components[other] as Component).name, 'is not the machine of components[0], so the components are not interchangeable', 'give every component the same machine object, or leave symmetry off');
    }
    components.forEach((c, i) => this.indexOf.set(c.name, i));
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
    const own = this.components.map((c) => (input as Record<string, unknown>)[c.name]);
    const unlike = own.findIndex((x) => stableJson(x) !== stableJson(own[0]));
    if (this.options.symmetry && unlike > 0) throw new InputError('invalid', `input.${(this.components[unlike] as Component).name}`, own[unlike], 'differs from the first component\'s input, so the components are not interchangeable', 'give every component the same input, or leave symmetry off');
    const moves = this.caches.map((cache, i) => cache.start(own[i]));
    const snapshot = moves.map((m) => m.snapshot);
    const lifted = moves.map((m, i) => this.lift(i, m));
    // Each component starts on its own; the states one passes through are not placed among the others'.
    return { snapshot, id: this.id(snapshot), timerOps: this.opLists.intern(lifted.flatMap((l) => l.timerOps)), taken: lifted.flatMap((l) => l.taken), through: [], raised: lifted.flatMap((l) => l.raised) };
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

  /**
   * The representative of a state under symmetry: components sorted by their snapshot and then
   * by where their timers stand in the pending list (start order), renamed to their new places.
   * Components that tie have the same snapshot and no timers, so the order is exact.
   */
  canonical({ state, timers, zone }: Symbolic<ProductState>): (Symbolic<ProductState> & { names: ReadonlyMap<string, string> }) | null {
    if (!this.options.symmetry) return null;
    const cache = this.caches[0] as TransitionCache;
    const order = { ids: state.map((s) => cache.id(s)), timers, texts: null as string[] | null };
    let sorted = true;
    for (let i = 1; i < state.length && sorted; i++) sorted = this.compare(order, i - 1, i) < 0;
    if (sorted) return null;
    const placed = state.map((_, i) => i).sort((a, b) => this.compare(order, a, b));
    const permutation = placed.join(',');
    let renaming = this.renamings.get(permutation);
    if (!renaming) {
      const toNew = new Map<string, string>();
      const names = new Map<string, string>();
      placed.forEach((old, j) => {
        if (old === j) return;
        toNew.set((this.components[old] as Component).name, (this.components[j] as Component).name);
        names.set((this.components[j] as Component).name, (this.components[old] as Component).name);
      });
      this.renamings.set(permutation, (renaming = { toNew, names, clocks: new Map() }));
    }
    const named = renaming;
    return {
      state: placed.map((i) => state[i] as AnyMachineSnapshot),
      timers: timers.map((t): PendingTimer => ({ ...t, event: this.rename(named, t.event) })),
      zone: renameZone(zone, (c) => this.rename(named, c)),
      names: named.names,
    };
  }

  /** Orders components a and b by snapshot id, then by their timers' places in the pending list. */
  private compare(o: { ids: number[]; timers: readonly PendingTimer[]; texts: string[] | null }, a: number, b: number): number {
    const byId = (o.ids[a] as number) - (o.ids[b] as number);
    if (byId !== 0) return byId;
    if (!o.texts) {
      const texts = o.ids.map(() => '');
      o.timers.forEach((t, at) => {
        const [owner, own] = this.ownerOf(t.event);
        texts[owner] += `${at}:${own},`;
      });
      o.texts = texts;
    }
    const [x, y] = [o.texts[a] as string, o.texts[b] as string];
    return x < y ? -1 : x > y ? 1 : a - b;
  }

  private rename(renaming: { toNew: Map<string, string>; clocks: Map<string, string> }, name: string): string {
    let now = renaming.clocks.get(name);
    if (now === undefined) {
      const slash = name.indexOf('/');
      const component = slash > 0 ? renaming.toNew.get(name.slice(0, slash)) : undefined;
      renaming.clocks.set(name, (now = component === undefined ? name : `${component}${name.slice(slash)}`));
    }
    return now;
  }

  /** The component a timer belongs to, and its own name for it. */
  private ownerOf(event: string): [number, string] {
    let owner = this.owners.get(event);
    if (!owner) {
      const slash = event.indexOf('/');
      this.owners.set(event, (owner = [this.indexOf.get(event.slice(0, slash)) as number, event.slice(slash + 1)]));
    }
    return owner;
  }

  private step(state: ProductState, i: number, move: Move): Move<ProductState> {
    const snapshot = state.slice();
    snapshot[i] = move.snapshot;
    const through = move.through.map((passed) => {
      const at = state.slice();
      at[i] = passed;
      return at;
    });
    return { snapshot, id: this.id(snapshot), ...this.lift(i, move), through };
  }

  /** A component move's timer operations and transitions under the component's prefix, made once per move. */
  private lift(i: number, move: Move): { timerOps: readonly TimerOp[]; taken: string[]; raised: Move['raised'] } {
    const cache = this.renamed[i] as WeakMap<Move, { timerOps: readonly TimerOp[]; taken: string[]; raised: Move['raised'] }>;
    let lifted = cache.get(move);
    if (!lifted) {
      const prefix = this.prefixes[i] as string;
      lifted = { timerOps: this.opLists.intern(move.timerOps.map((op) => ({ ...op, event: `${prefix}${op.event}` }))), taken: move.taken.map((t) => `${prefix}${t}`), raised: move.raised.length ? move.raised.map((e) => ({ ...e, type: `${prefix}${e.type}` })) : move.raised };
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
    const text = (i: number) => (parts[i]?.entries ?? []).map((e) => e.key).join('\n');
    const uneven = parts.findIndex((_, i) => text(i) !== text(0));
    if (this.options.symmetry && uneven > 0) throw new InputError('invalid', 'events', (this.components[uneven] as Component).name, 'differ between components, so the components are not interchangeable', 'give every component the same events, or leave symmetry off');
    return { parts };
  }
}
