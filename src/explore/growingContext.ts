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
 * quarter of a breadth-first search's states than anywhere in its first half, their largest
 * value rising from each quarter to the next: a counter or list that grows with every step has
 * no bound, and such a search never ends, whatever its budget. A value taken from a few an event
 * may carry (a gag's 90 or 400 days) rises once, not in every quarter, and is not named. A hint
 * for a search a budget stopped, not a proof; a bounded count the search had not yet run up can
 * show too.
 *
 * @example
 * growingContext(run.nodes.map((n) => n.snapshot)); // [{ path: 'extensions', early: 900, late: 1999 }]
 */
export function growingContext(snapshots: readonly { context?: unknown }[]): Growth[] {
  const n = snapshots.length;
  // Largest values by quarter; the first half is quarters 0 and 1, the last quarter is 3.
  const quarters = [0, 1, 2, 3].map(() => new Map<string, number>());
  snapshots.forEach((s, i) => numbersOf(s.context, '', 0, quarters[Math.min(3, Math.floor((i * 4) / n))] as Map<string, number>));
  // Each quarter's largest value of a path, -Infinity where the path did not occur.
  const maxima = (path: string) => quarters.map((q) => q.get(path) ?? Number.NEGATIVE_INFINITY);
  return [...(quarters[3] as Map<string, number>).keys()]
    .map((path) => ({ path, m: maxima(path) }))
    .filter(({ m }) => m.every((v, i) => i === 0 || (m[i - 1] as number) < v))
    .map(({ path, m }) => ({ path, early: Math.max(...m.slice(0, 2).map((v) => (v === Number.NEGATIVE_INFINITY ? 0 : v))), late: m[3] as number }))
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
