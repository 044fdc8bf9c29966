/** A context field whose value kept rising as a search went deeper. */
export interface Growth {
  /** Where in the context: `extensions`, `log.length`. */
  path: string;
  /** Its largest value in the first half of the states found. */
  early: number;
  /** Its largest value in the last quarter. */
  late: number;
}

const MAX_DEPTH = 4;

/**
 * The numbers in snapshots' contexts (array lengths included) that are larger in the last
 * quarter of a breadth-first search's states than anywhere in its first half: a counter or list
 * that grows with every step has no bound, and such a search never ends, whatever its budget.
 * A hint for a search a budget stopped, not a proof; a bounded count the search had not yet
 * run up can show too.
 *
 * @example
 * growingContext(run.nodes.map((n) => n.snapshot)); // [{ path: 'extensions', early: 900, late: 1999 }]
 */
export function growingContext(snapshots: readonly { context?: unknown }[]): Growth[] {
  const half = Math.floor(snapshots.length / 2);
  const lastQuarter = snapshots.length - Math.floor(snapshots.length / 4);
  const early = new Map<string, number>();
  const late = new Map<string, number>();
  snapshots.forEach((s, i) => {
    const into = i < half ? early : i >= lastQuarter ? late : null;
    if (into) numbersOf(s.context, '', 0, into);
  });
  return [...late]
    .filter(([path, value]) => value > (early.get(path) ?? Number.NEGATIVE_INFINITY))
    .map(([path, value]) => ({ path, early: early.get(path) ?? 0, late: value }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function numbersOf(value: unknown, path: string, depth: number, into: Map<string, number>): void {
  const keep = (at: string, n: number) => into.set(at, Math.max(n, into.get(at) ?? Number.NEGATIVE_INFINITY));
  if (typeof value === 'number' && Number.isFinite(value)) keep(path, value);
  else if (Array.isArray(value)) keep(`${path}.length`.replace(/^\./, ''), value.length);
  else if (depth < MAX_DEPTH && value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, child] of Object.entries(value)) numbersOf(child, path ? `${path}.${key}` : key, depth + 1, into);
  }
}
