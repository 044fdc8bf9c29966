import type { StatechartJson, StatechartNode } from './StatechartJson.ts';

/** Navigation over a statechart model's nodes. */
export interface ChartTree {
  root: StatechartNode;
  node(id: string): StatechartNode;
  children(id: string): StatechartNode[];
  /** Whether a node has children drawn inside it (compound or parallel). */
  isContainer(id: string): boolean;
  /** The leaf entered first when a transition enters `id`: itself, or its initial (first) descendant. */
  entryLeaf(id: string): string;
  /** Whether `inner` is `outer` or lies inside it. */
  contains(outer: string, inner: string): boolean;
}

/**
 * Parent, children and entry leaves of a statechart model, for renderers that need to pick
 * a representative state inside a compound one.
 *
 * @example
 * chartTree(chart).entryLeaf('secrecy') // 'secrecy.atReceipt'
 */
export function chartTree(chart: StatechartJson): ChartTree {
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const kids = new Map<string, StatechartNode[]>();
  for (const n of chart.nodes) if (n.parent !== null) kids.set(n.parent, [...(kids.get(n.parent) ?? []), n]);
  const root = chart.nodes.find((n) => n.parent === null);
  if (!root) throw new Error(`statechart ${chart.machine} has no root node`);
  const node = (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`statechart ${chart.machine} has no node ${id}`);
    return found;
  };
  const children = (id: string) => kids.get(id) ?? [];
  const isContainer = (id: string) => children(id).length > 0;
  const entryLeaf = (id: string): string => {
    const n = node(id);
    const first = n.initial ?? children(id)[0]?.id;
    return first === undefined ? id : entryLeaf(first);
  };
  const contains = (outer: string, inner: string): boolean => {
    for (let at: string | null = inner; at !== null; at = node(at).parent) if (at === outer) return true;
    return false;
  };
  return { root, node, children, isContainer, entryLeaf, contains };
}
