/**
 * A difference-bound matrix over named clocks, with integer bounds (time is whole days, so a
 * strict bound x < c is stored as x ≤ c − 1). Entry (i, j) bounds x_i − x_j from above; index 0
 * is the constant zero. Zones are immutable: every operation returns a new one, canonical.
 */
export interface Zone {
  readonly clocks: readonly string[];
  /** (n+1)² bounds, row-major. */
  readonly m: Int32Array;
}

export const INF = 0x3fffffff;


/** The zone with no clocks: only "now". */
export function emptyClockZone(): Zone {
  return { clocks: [], m: new Int32Array([0]) };
}

function at(z: Zone, i: number, j: number): number {
  return z.m[i * (z.clocks.length + 1) + j] as number;
}

/** Index of a clock in the matrix (1-based), or -1. */
export function clockIndex(z: Zone, clock: string): number {
  const i = z.clocks.indexOf(clock);
  return i < 0 ? -1 : i + 1;
}

function close(clocks: readonly string[], m: Int32Array): Zone {
  const n = clocks.length + 1;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const ik = m[i * n + k] as number;
      if (ik >= INF) continue;
      for (let j = 0; j < n; j++) {
        const kj = m[k * n + j] as number;
        if (kj >= INF) continue;
        const via = ik + kj;
        if (via < (m[i * n + j] as number)) m[i * n + j] = via;
      }
    }
  }
  return { clocks, m };
}

/** True when no clock valuation satisfies the zone. */
export function isEmpty(z: Zone): boolean {
  const n = z.clocks.length + 1;
  for (let i = 0; i < n; i++) if ((z.m[i * n + i] as number) < 0) return true;
  return false;
}

/** Adds a clock that is 0 now; the clock list stays sorted so equal zones have equal keys. */
export function addClock(z: Zone, clock: string): Zone {
  if (z.clocks.includes(clock)) return resetClock(z, clock);
  const clocks = [...z.clocks, clock].sort();
  const pos = clocks.indexOf(clock) + 1;
  const n = clocks.length + 1;
  const m = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    const oi = i === pos ? 0 : i < pos ? i : i - 1;
    for (let j = 0; j < n; j++) m[i * n + j] = at(z, oi, j === pos ? 0 : j < pos ? j : j - 1);
  }
  return { clocks, m };
}

/** Sets a clock to 0 now (a timer restarted). */
export function resetClock(z: Zone, clock: string): Zone {
  const c = clockIndex(z, clock);
  if (c < 0) return addClock(z, clock);
  const n = z.clocks.length + 1;
  const m = z.m.slice();
  for (let j = 0; j < n; j++) {
    m[c * n + j] = at(z, 0, j);
    m[j * n + c] = at(z, j, 0);
  }
  m[c * n + c] = 0;
  return { clocks: z.clocks, m };
}

/** Forgets a clock (its timer fired or was cancelled). Projection keeps the matrix canonical. */
export function removeClock(z: Zone, clock: string): Zone {
  const c = clockIndex(z, clock);
  if (c < 0) return z;
  const clocks = z.clocks.filter((x) => x !== clock);
  const n = clocks.length + 1;
  const m = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    const oi = i < c ? i : i + 1;
    for (let j = 0; j < n; j++) m[i * n + j] = at(z, oi, j < c ? j : j + 1);
  }
  return { clocks, m };
}

/** Lets any amount of time pass. */
export function up(z: Zone): Zone {
  const n = z.clocks.length + 1;
  const m = z.m.slice();
  for (let i = 1; i < n; i++) m[i * n] = INF;
  return { clocks: z.clocks, m };
}

/** Intersects with `clock ≤ value` (op '<=') or `clock ≥ value` (op '>='). */
export function constrain(z: Zone, clock: string, op: '<=' | '>=', value: number): Zone {
  const c = clockIndex(z, clock);
  if (c < 0) throw new Error(`zone has no clock "${clock}"`);
  const n = z.clocks.length + 1;
  const [x, y, bound] = op === '<=' ? [c, 0, value] : [0, c, -value];
  if (bound >= (z.m[x * n + y] as number)) return z;
  const m = z.m.slice();
  tighten(m, n, x, y, bound);
  return { clocks: z.clocks, m };
}

/**
 * Adds x_x − x_y ≤ bound to a canonical matrix and restores canonical form in O(n²): every
 * shortest path that improves goes through the new edge.
 */
function tighten(m: Int32Array, n: number, x: number, y: number, bound: number): void {
  m[x * n + y] = bound;
  for (let i = 0; i < n; i++) {
    const ix = m[i * n + x] as number;
    if (ix >= INF) continue;
    for (let j = 0; j < n; j++) {
      const yj = m[y * n + j] as number;
      if (yj >= INF) continue;
      const via = ix + bound + yj;
      if (via < (m[i * n + j] as number)) m[i * n + j] = via;
    }
  }
}

/**
 * Lets time pass, then bounds each timer's clock by its length (the timer's invariant). Letting
 * time pass keeps a canonical matrix canonical, so each ceiling is added in O(n²).
 */
export function upTo(z: Zone, ceilings: readonly { event: string; days: number }[]): Zone {
  const n = z.clocks.length + 1;
  if (n === 1) return z;
  const m = z.m.slice();
  for (let i = 1; i < n; i++) m[i * n] = INF;
  for (const { event, days } of ceilings) {
    const c = z.clocks.indexOf(event) + 1;
    if (c > 0 && days < (m[c * n] as number)) tighten(m, n, c, 0, days);
  }
  return { clocks: z.clocks, m };
}

/** True when every valuation of `inner` is in `outer` (same clocks, both canonical). */
export function includes(outer: Zone, inner: Zone): boolean {
  if (!sameClocks(outer, inner)) return false;
  for (let i = 0; i < outer.m.length; i++) if ((inner.m[i] as number) > (outer.m[i] as number)) return false;
  return true;
}

/** The largest and smallest value a clock can take in the zone. */
export function clockRange(z: Zone, clock: string): { min: number; max: number } {
  const c = clockIndex(z, clock);
  const lower = at(z, 0, c);
  return { min: lower === 0 ? 0 : -lower, max: at(z, c, 0) };
}

/**
 * Classic max-constant extrapolation (Extra_M) for the clocks in `max`: a clock that will only
 * ever be compared with constants up to M cannot tell values above M apart, so bounds beyond
 * it are dropped. Keeps the zone graph finite when monitor clocks run without a bound.
 */
export function extrapolate(z: Zone, max: ReadonlyMap<string, number>): Zone {
  if (!z.clocks.some((c) => max.has(c))) return z;
  const n = z.clocks.length + 1;
  const bounds = new Int32Array(n);
  for (let i = 1; i < n; i++) bounds[i] = max.get(z.clocks[i - 1] as string) ?? INF;
  let changed = false;
  const m = z.m.slice();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const c = m[i * n + j] as number;
      if (c >= INF) continue;
      const mi = bounds[i] as number;
      const mj = bounds[j] as number;
      if (mi < INF && c > mi) {
        m[i * n + j] = INF;
        changed = true;
      } else if (mj < INF && -c > mj) {
        m[i * n + j] = -(mj + 1);
        changed = true;
      }
    }
  }
  return changed ? close(z.clocks, m) : z;
}

/**
 * The same zone with its clocks renamed (a permutation of names), re-sorted so equal zones keep
 * equal matrices.
 */
export function renameZone(z: Zone, rename: (clock: string) => string): Zone {
  const named = z.clocks.map(rename);
  const order = named.map((_, i) => i).sort((a, b) => ((named[a] as string) < (named[b] as string) ? -1 : 1));
  const n = z.clocks.length + 1;
  const from = [0, ...order.map((i) => i + 1)];
  const m = new Int32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = at(z, from[i] as number, from[j] as number);
  return { clocks: order.map((i) => named[i] as string), m };
}

/** Zones stored once each: `intern` returns the stored zone equal to the one given, or stores it. */
export class ZoneSet {
  private readonly byHash = new Map<number, Zone[]>();

  intern(z: Zone): Zone {
    let h = z.clocks.length;
    for (let i = 0; i < z.m.length; i++) h = Math.imul(h ^ (z.m[i] as number), 0x01000193);
    const bucket = this.byHash.get(h);
    if (!bucket) {
      this.byHash.set(h, [z]);
      return z;
    }
    for (const known of bucket) if (equalZones(known, z)) return known;
    bucket.push(z);
    return z;
  }
}

/** True when the two zones have the same clocks and bounds. */
export function equalZones(a: Zone, b: Zone): boolean {
  if (!sameClocks(a, b)) return false;
  for (let i = 0; i < a.m.length; i++) if (a.m[i] !== b.m[i]) return false;
  return true;
}

function sameClocks(a: Zone, b: Zone): boolean {
  if (a.clocks === b.clocks) return true;
  if (a.clocks.length !== b.clocks.length) return false;
  // A loop, not `every`: this runs for each stored zone a new one is compared with, and the callbacks were about 7% of a repeat check's garbage.
  for (let i = 0; i < a.clocks.length; i++) if (a.clocks[i] !== b.clocks[i]) return false;
  return true;
}
