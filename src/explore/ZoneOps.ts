import { type Zone, ZoneSet, addClock, constrain, extrapolate, isEmpty, removeClock, upTo } from './Zone.ts';

const OP_AT_MOST = 1;
const OP_AT_LEAST = 2;
const OP_ADD = 3;
const OP_REMOVE = 4;
const OP_UP_TO = 5;
/** Bounds within ±2^16 days and up to 256 clocks keep a memo key a small integer; others are not remembered. */
const VALUE_OFFSET = 1 << 16;

/**
 * The explorer's zone operations over interned zones, each computed once per zone and operand:
 * few distinct zones recur across many states (261 among 67,556 for three civil subpoenas), so
 * most operations are a look-up and equal zones are one object (compare them with `===`).
 * Results equal `Zone.ts`'s functions' results; only their identity is shared.
 *
 * @example
 * const ops = new ZoneOps();
 * const z = ops.addClock(ops.intern(emptyClockZone()), 'x');
 * ops.addClock(ops.intern(emptyClockZone()), 'x') === z; // true
 */
export class ZoneOps {
  private readonly set = new ZoneSet();
  private readonly memo = new Map<Zone, Map<number, Zone>>();
  private readonly empty = new Map<Zone, boolean>();
  private readonly clocks = new Map<string, number>();
  private readonly lists = new Map<string, number>();
  private readonly listIds = new WeakMap<readonly { event: string; days: number }[], number>();

  intern(z: Zone): Zone {
    return this.set.intern(z);
  }

  isEmpty(z: Zone): boolean {
    let e = this.empty.get(z);
    if (e === undefined) this.empty.set(z, (e = isEmpty(z)));
    return e;
  }

  constrain(z: Zone, clock: string, op: '<=' | '>=', value: number): Zone {
    return this.once(z, op === '<=' ? OP_AT_MOST : OP_AT_LEAST, clock, value);
  }

  addClock(z: Zone, clock: string): Zone {
    return this.once(z, OP_ADD, clock, 0);
  }

  removeClock(z: Zone, clock: string): Zone {
    return this.once(z, OP_REMOVE, clock, 0);
  }

  /** `extrapolate(upTo(z, timers), max)`, with `max` the same for every call on one `ZoneOps`. */
  upToExtrapolated(z: Zone, timers: readonly { event: string; days: number }[], max: ReadonlyMap<string, number>): Zone {
    let list = this.listIds.get(timers);
    if (list === undefined) {
      const text = timers.map((t) => `${t.event}:${t.days}`).join('\n');
      list = this.lists.get(text);
      if (list === undefined) this.lists.set(text, (list = this.lists.size));
      this.listIds.set(timers, list);
    }
    let row = this.memo.get(z);
    if (!row) this.memo.set(z, (row = new Map()));
    const key = -(list * 8 + OP_UP_TO) - 1;
    let found = row.get(key);
    if (!found) row.set(key, (found = this.set.intern(extrapolate(upTo(z, timers), max))));
    return found;
  }

  /** The operation's interned result, remembered; no closure per call, as most calls are look-ups. */
  private once(z: Zone, op: number, clock: string, value: number): Zone {
    let c = this.clocks.get(clock);
    if (c === undefined) this.clocks.set(clock, (c = this.clocks.size));
    const v = value + VALUE_OFFSET;
    if (c > 255 || v < 0 || v >= 2 * VALUE_OFFSET) return this.set.intern(compute(z, op, clock, value));
    let row = this.memo.get(z);
    if (!row) this.memo.set(z, (row = new Map()));
    const key = (v * 256 + c) * 8 + op;
    let found = row.get(key);
    if (!found) row.set(key, (found = this.set.intern(compute(z, op, clock, value))));
    return found;
  }
}

function compute(z: Zone, op: number, clock: string, value: number): Zone {
  if (op === OP_ADD) return addClock(z, clock);
  if (op === OP_REMOVE) return removeClock(z, clock);
  return constrain(z, clock, op === OP_AT_MOST ? '<=' : '>=', value);
}
