import type { StateValue } from 'xstate';

/** What `fastStepper` reads of an XState state node (its public shape, typed narrowly). */
export interface ChartNode {
  id: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  parent?: ChartNode;
  order: number;
  states: Record<string, ChartNode>;
  entry: unknown[];
  exit: unknown[];
  tags: string[];
  always?: ChartTransition[];
  transitions: Map<string, ChartTransition[]>;
  initial: { target: ChartNode[]; actions: unknown[] };
  invoke: unknown[];
  output?: unknown;
}

/** What `fastStepper` reads of an XState transition definition. */
export interface ChartTransition {
  source: ChartNode;
  target?: ChartNode[];
  reenter: boolean;
  guard?: unknown;
  actions: unknown[];
}

/**
 * XState v5's configuration algorithms (its `raise` module: `getTransitionDomain`,
 * `computeExitSet`, `removeConflictingTransitions`, `computeEntrySet`, `getStateValue`), ported
 * line for line for charts without history states, with each transition's domain computed once.
 * `fastStepper` refuses a machine with history states, so none is handled here.
 */
export class StatechartSets {
  private readonly domains = new Map<ChartTransition, ChartNode | undefined>();

  constructor(private readonly root: ChartNode) {}

  domain(t: ChartTransition): ChartNode | undefined {
    if (this.domains.has(t)) return this.domains.get(t);
    const targets = [...new Set(t.target ?? [])];
    let domain: ChartNode | undefined;
    if (!t.reenter && targets.every((s) => s === t.source || isDescendant(s, t.source))) domain = t.source;
    else domain = leastCommonAncestor([...targets, t.source]) ?? (t.reenter ? undefined : this.root);
    this.domains.set(t, domain);
    return domain;
  }

  exitSet(transitions: readonly ChartTransition[], active: ReadonlySet<ChartNode>): ChartNode[] {
    const exit = new Set<ChartNode>();
    for (const t of transitions) {
      if (!t.target?.length) continue;
      const domain = this.domain(t);
      if (t.reenter && t.source === domain && domain) exit.add(domain);
      for (const s of active) if (isDescendant(s, domain)) exit.add(s);
    }
    return [...exit];
  }

  /** Of transitions whose exit sets meet, the one from the deeper source wins, else the earlier one. */
  withoutConflicts(enabled: readonly ChartTransition[], active: ReadonlySet<ChartNode>): ChartTransition[] {
    if (enabled.length < 2) return [...enabled];
    const filtered = new Set<ChartTransition>();
    for (const t1 of enabled) {
      let preempted = false;
      const remove = new Set<ChartTransition>();
      for (const t2 of filtered) {
        if (meet(this.exitSet([t1], active), this.exitSet([t2], active))) {
          if (isDescendant(t1.source, t2.source)) remove.add(t2);
          else {
            preempted = true;
            break;
          }
        }
      }
      if (!preempted) {
        for (const t3 of remove) filtered.delete(t3);
        filtered.add(t1);
      }
    }
    return [...filtered];
  }

  /** The states the transitions enter, and those of them entered by default (whose initial actions run). */
  entrySet(transitions: readonly ChartTransition[]): { enter: Set<ChartNode>; byDefault: Set<ChartNode> } {
    const enter = new Set<ChartNode>();
    const byDefault = new Set<ChartNode>();
    const descendants = (s: ChartNode): void => {
      if (s.type === 'compound') {
        const initial = s.initial.target[0] as ChartNode;
        enter.add(initial);
        byDefault.add(initial);
        descendants(initial);
        ancestors(properAncestors(initial, s), undefined);
      } else if (s.type === 'parallel') {
        for (const child of children(s)) {
          if (![...enter].some((x) => isDescendant(x, child))) {
            enter.add(child);
            byDefault.add(child);
            descendants(child);
          }
        }
      }
    };
    const ancestors = (list: readonly ChartNode[], domain: ChartNode | undefined): void => {
      for (const anc of list) {
        if (!domain || isDescendant(anc, domain)) enter.add(anc);
        if (anc.type !== 'parallel') continue;
        for (const child of children(anc)) {
          if (![...enter].some((x) => isDescendant(x, child))) {
            enter.add(child);
            descendants(child);
          }
        }
      }
    };
    for (const t of transitions) {
      const domain = this.domain(t);
      for (const s of t.target ?? []) {
        if (t.source !== s || t.source !== domain || t.reenter) {
          enter.add(s);
          byDefault.add(s);
        }
        descendants(s);
      }
      for (const s of new Set(t.target ?? [])) {
        const list = properAncestors(s, domain);
        if (domain?.type === 'parallel') list.push(domain);
        ancestors(list, !t.source.parent && t.reenter ? undefined : domain);
      }
    }
    return { enter, byDefault };
  }

  /**
   * The state value of an active configuration, built as XState builds it (children in the
   * order the configuration lists them); null when the configuration is not complete.
   */
  value(nodes: readonly ChartNode[]): StateValue | null {
    const adjacency = new Map<ChartNode, ChartNode[]>();
    for (const s of nodes) {
      if (!adjacency.has(s)) adjacency.set(s, []);
      if (!s.parent) continue;
      let siblings = adjacency.get(s.parent);
      if (!siblings) adjacency.set(s.parent, (siblings = []));
      siblings.push(s);
    }
    for (const [s, list] of adjacency) {
      if (s.type === 'compound' && list.length === 0) return null;
      if (s.type === 'parallel' && list.length !== children(s).length) return null;
      if (s.parent && !adjacency.has(s.parent)) return null;
    }
    const of = (base: ChartNode): StateValue => {
      const list = adjacency.get(base) ?? [];
      const first = list[0];
      if (base.type === 'compound' && first && (first.type === 'atomic' || first.type === 'final')) return first.key;
      const value: Record<string, StateValue> = {};
      for (const child of list) value[child.key] = of(child);
      return value;
    };
    return adjacency.has(this.root) ? of(this.root) : null;
  }
}

function isDescendant(child: ChartNode, parent: ChartNode | undefined): boolean {
  let marker = child;
  while (marker.parent && marker.parent !== parent) marker = marker.parent;
  return marker.parent === parent;
}

export function isInFinalState(active: ReadonlySet<ChartNode>, node: ChartNode): boolean {
  if (node.type === 'compound') return children(node).some((s) => s.type === 'final' && active.has(s));
  if (node.type === 'parallel') return children(node).every((s) => isInFinalState(active, s));
  return node.type === 'final';
}

function children(node: ChartNode): ChartNode[] {
  return Object.values(node.states).filter((s) => s.type !== 'history');
}

function properAncestors(node: ChartNode, upTo: ChartNode | undefined): ChartNode[] {
  const out: ChartNode[] = [];
  if (upTo === node) return out;
  for (let m = node.parent; m && m !== upTo; m = m.parent) out.push(m);
  return out;
}

function leastCommonAncestor(nodes: readonly ChartNode[]): ChartNode | undefined {
  const [head, ...tail] = nodes as [ChartNode, ...ChartNode[]];
  for (const anc of properAncestors(head, undefined)) if (tail.every((s) => isDescendant(s, anc))) return anc;
  return undefined;
}

function meet(a: readonly ChartNode[], b: readonly ChartNode[]): boolean {
  const set = new Set(a);
  return b.some((s) => set.has(s));
}
