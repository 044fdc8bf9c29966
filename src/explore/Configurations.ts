import type { StateValue } from 'xstate';
import { type ChartNode, type ChartTransition, isInFinalState, StatechartSets } from './statechartSets.ts';

/** Which transitions an event selects in a configuration, before guards: XState's `transitionNode` walk, with the nodes that have no candidates left out. */
export interface Selection {
  /** The candidates of this node, tried when no child's transition was taken. */
  own: readonly ChartTransition[];
  kids: readonly Selection[];
}

/** One step of a microstep that does not depend on the context: actions to resolve, or a done event to queue. */
export type PlanOp = { actions: readonly unknown[] } | { raise: { type: string; output: undefined } };

/** What a microstep does to a configuration, the same for every context. */
export interface MicroPlan {
  ops: readonly PlanOp[];
  to: Configuration;
  /** The active nodes changed (XState then builds a new snapshot). */
  changed: boolean;
  /** The machine is done after it. */
  done: boolean;
}

/** An active configuration in XState's node order, with what every step from it reuses. */
export interface Configuration {
  readonly nodes: readonly ChartNode[];
  readonly active: ReadonlySet<ChartNode>;
  readonly value: StateValue;
  readonly tags: ReadonlySet<string>;
  /** For each atomic node (in order) that has any, the `always` lists from it up to the root. */
  readonly eventless: readonly (readonly (readonly ChartTransition[])[])[];
  readonly selections: Map<string, Selection | null>;
  readonly plans: Map<string | number, MicroPlan>;
  /** `withoutConflicts` results by transition-id list. */
  readonly kept: Map<string, readonly ChartTransition[]>;
}

/**
 * Interned configurations of one machine and the context-free part of XState's microstep: which
 * nodes a set of transitions exits and enters, in which order their actions run, which done
 * events they raise, and whether the machine finishes. Only guards and actions depend on the
 * context; `fastStepper` runs those over these plans.
 */
export class Configurations {
  private readonly byHash = new Map<number, Configuration[]>();
  private readonly byArray = new WeakMap<readonly ChartNode[], Configuration>();
  private readonly transitionIds = new Map<ChartTransition, number>();
  private readonly candidateCache = new Map<ChartNode, Map<string, ChartTransition[]>>();
  private readonly sets: StatechartSets;

  constructor(private readonly root: ChartNode) {
    this.sets = new StatechartSets(root);
  }

  /** The configuration of these active nodes, in this order; null when they are not a complete configuration. */
  of(nodes: readonly ChartNode[]): Configuration | null {
    const known = this.byArray.get(nodes);
    if (known) return known;
    const config = this.ofList(nodes);
    if (config) this.byArray.set(nodes, config);
    return config;
  }

  /** `of` for a list met once (a microstep's result): found by a hash of its nodes, not remembered by the list's identity. */
  private ofList(nodes: readonly ChartNode[]): Configuration | null {
    // A node's order is its unique place in the machine's document order. A number, not a text of them: hashing a new text per step cost more than the rest of the look-up.
    let hash = nodes.length;
    for (let i = 0; i < nodes.length; i++) hash = Math.imul(hash ^ (nodes[i] as ChartNode).order, 0x01000193);
    let bucket = this.byHash.get(hash);
    if (bucket) {
      for (const known of bucket) if (sameList(known.nodes, nodes)) return known;
    } else {
      this.byHash.set(hash, (bucket = []));
    }
    const value = this.sets.value(nodes);
    if (value === null) return null;
    const eventless = nodes
      .filter((n) => n.type === 'atomic' || n.type === 'final')
      .map((atomic) => {
        const chain: ChartTransition[][] = [];
        for (let s: ChartNode | undefined = atomic; s; s = s.parent) if (s.always) chain.push(s.always);
        return chain;
      })
      .filter((chain) => chain.length > 0);
    const config: Configuration = { nodes, active: new Set(nodes), value, tags: new Set(nodes.flatMap((n) => n.tags)), eventless, selections: new Map(), plans: new Map(), kept: new Map() };
    bucket.push(config);
    return config;
  }

  /** XState's `removeConflictingTransitions` over the configuration's active nodes, worked out once per configuration and list. */
  withoutConflicts(config: Configuration, enabled: readonly ChartTransition[]): readonly ChartTransition[] {
    if (enabled.length < 2) return enabled;
    const key = `!${enabled.map((t) => this.idOf(t)).join(',')}`;
    let kept = config.kept.get(key);
    if (!kept) config.kept.set(key, (kept = this.sets.withoutConflicts(enabled, config.active)));
    return kept;
  }

  selection(config: Configuration, type: string): Selection | null {
    let found = config.selections.get(type);
    if (found === undefined) config.selections.set(type, (found = this.select(this.root, config.value, type)));
    return found;
  }

  /** The microstep plan of these (selected, not yet filtered) transitions from `config`; `fromDone` when the machine already was done. */
  plan(config: Configuration, transitions: readonly ChartTransition[], fromDone: boolean): MicroPlan {
    // Most microsteps take one transition: its id is the key, with no text built.
    const key = transitions.length === 1 && !fromDone ? this.idOf(transitions[0] as ChartTransition) : `${fromDone ? 'd' : ''}${transitions.map((t) => this.idOf(t)).join(',')}`;
    let plan = config.plans.get(key);
    if (!plan) config.plans.set(key, (plan = this.build(config, transitions, fromDone)));
    return plan;
  }

  private build(config: Configuration, transitions: readonly ChartTransition[], fromDone: boolean): MicroPlan {
    return this.buildQuick(config, transitions, fromDone) ?? this.buildInFull(config, transitions, fromDone);
  }

  /**
   * `buildInFull` for the common microstep, which enters no final state from a machine not yet
   * done: no done event to raise and no exit actions of a finishing machine, so the active set
   * after the step is built once, as a list, from the configuration's own set.
   */
  private buildQuick(config: Configuration, transitions: readonly ChartTransition[], fromDone: boolean): MicroPlan | null {
    if (fromDone) return null;
    const filtered = this.sets.withoutConflicts(transitions, config.active);
    const { enter, byDefault } = this.sets.entrySet(filtered);
    for (const node of enter) if (node.type === 'final') return null;
    const ops: PlanOp[] = [];
    const exit = this.sets.exitSet(filtered, config.active);
    if (exit.length > 1) exit.sort((a, b) => b.order - a.order);
    for (const s of exit) if (s.exit.length) ops.push({ actions: s.exit });
    const actions = filtered.length === 1 ? (filtered[0] as ChartTransition).actions : filtered.flatMap((t) => t.actions);
    if (actions.length) ops.push({ actions });
    const entered = [...enter];
    if (entered.length > 1) entered.sort((a, b) => a.order - b.order);
    const exited = new Set(exit);
    // As a Set would keep them: a node left and entered again goes last, one never left keeps its place.
    const nodes: ChartNode[] = [];
    for (const n of config.nodes) if (!exited.has(n)) nodes.push(n);
    let back = 0;
    for (const node of entered) {
      const entry = byDefault.has(node) ? [...node.entry, ...node.initial.actions] : node.entry;
      if (entry.length) ops.push({ actions: entry });
      if (config.active.has(node) && !exited.has(node)) continue;
      nodes.push(node);
      if (exited.has(node)) back++;
    }
    const changed = !(back === exit.length && nodes.length === config.nodes.length);
    const to = changed ? this.ofList(nodes) : config;
    if (!to) throw new Error('a microstep left an incomplete configuration');
    return { ops, to, changed, done: false };
  }

  private buildInFull(config: Configuration, transitions: readonly ChartTransition[], fromDone: boolean): MicroPlan {
    const ops: PlanOp[] = [];
    const run = (actions: readonly unknown[]) => {
      if (actions.length) ops.push({ actions });
    };
    const active = new Set(config.nodes);
    const filtered = this.sets.withoutConflicts(transitions, active);
    for (const s of this.sets.exitSet(filtered, active).sort((a, b) => b.order - a.order)) {
      run(s.exit);
      active.delete(s);
    }
    run(filtered.flatMap((t) => t.actions));
    const { enter, byDefault } = this.sets.entrySet(filtered);
    const completed = new Set<ChartNode>();
    let done = fromDone;
    for (const node of [...enter].sort((a, b) => a.order - b.order)) {
      active.add(node);
      run(byDefault.has(node) ? [...node.entry, ...node.initial.actions] : node.entry);
      if (node.type !== 'final') continue;
      const parent = node.parent;
      let marker = parent?.type === 'parallel' ? parent : parent?.parent;
      if (parent?.type === 'compound') ops.push({ raise: { type: `xstate.done.state.${parent.id}`, output: undefined } });
      while (marker?.type === 'parallel' && !completed.has(marker) && isInFinalState(active, marker)) {
        completed.add(marker);
        ops.push({ raise: { type: `xstate.done.state.${marker.id}`, output: undefined } });
        marker = marker.parent;
      }
      if (!marker) done = true;
    }
    const nodes = [...active];
    if (done) run(nodes.sort((a, b) => b.order - a.order).flatMap((s) => s.exit));
    const changed = !(config.nodes.length === active.size && config.nodes.every((n) => active.has(n)));
    const to = changed ? this.ofList(nodes) : config;
    if (!to) throw new Error('a microstep left an incomplete configuration');
    return { ops, to, changed, done };
  }

  private select(node: ChartNode, value: StateValue, type: string): Selection | null {
    const own = this.candidates(node, type);
    let kids: Selection[];
    if (typeof value === 'string') {
      const leaf = this.candidates(child(node, value), type);
      kids = leaf.length ? [{ own: leaf, kids: [] }] : [];
    } else {
      kids = [];
      for (const key of Object.keys(value)) {
        const sub = value[key];
        if (!sub) continue;
        const kid = this.select(child(node, key), sub, type);
        if (kid) kids.push(kid);
      }
    }
    return kids.length || own.length ? { own, kids } : null;
  }

  /** XState's `getCandidates`: the node's transitions on the type, then on matching wildcards, longest first. */
  private candidates(node: ChartNode, type: string): ChartTransition[] {
    let row = this.candidateCache.get(node);
    if (!row) this.candidateCache.set(node, (row = new Map()));
    let list = row.get(type);
    if (!list) {
      const wild = [...node.transitions.keys()].filter((d) => d !== type && matchesDescriptor(type, d)).sort((a, b) => b.length - a.length);
      row.set(type, (list = [...(node.transitions.get(type) ?? []), ...wild.flatMap((d) => node.transitions.get(d) ?? [])]));
    }
    return list;
  }

  private idOf(t: ChartTransition): number {
    let id = this.transitionIds.get(t);
    if (id === undefined) this.transitionIds.set(t, (id = this.transitionIds.size));
    return id;
  }
}

function sameList(a: readonly ChartNode[], b: readonly ChartNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function child(node: ChartNode, key: string): ChartNode {
  const found = key.startsWith('#') ? undefined : node.states[key];
  if (!found) throw new Error(`no state ${key} in #${node.id}`);
  return found;
}

function matchesDescriptor(type: string, descriptor: string): boolean {
  if (descriptor === type || descriptor === '*') return true;
  if (!descriptor.endsWith('.*')) return false;
  const partial = descriptor.split('.');
  const tokens = type.split('.');
  for (let i = 0; i < partial.length; i++) {
    if (partial[i] === '*') return i === partial.length - 1;
    if (partial[i] !== tokens[i]) return false;
  }
  return true;
}
