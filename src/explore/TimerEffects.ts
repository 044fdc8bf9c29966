import type { PendingTimer } from './Exploration.ts';
import type { TimerOp } from './Move.ts';
import type { Zone } from './Zone.ts';
import type { ZoneOps } from './ZoneOps.ts';

/** The clock that marks "a timer fired today": outside events wait until it reads at least 1. */
export const EOD = '@eod';

/** What one list of timer operations does, remembered per pending-timer list and per zone. */
class OpsEffect {
  private readonly lists = new Map<number, number>();
  private readonly zones: [Map<Zone, Zone>, Map<Zone, Zone>] = [new Map(), new Map()];
  readonly starts: [readonly string[], readonly string[]];

  constructor(
    private readonly owner: TimerEffects,
    private readonly ops: readonly TimerOp[],
  ) {
    const started = ops.flatMap((op) => (op.op === 'start' ? [op.event] : []));
    this.starts = [started, [...started, EOD]];
  }

  /** The pending-timer list after the operations: a cancelled or restarted timer leaves its place, a started one goes last. */
  list(before: number): number {
    let after = this.lists.get(before);
    if (after === undefined) {
      const pending = [...(this.owner.lists[before] as readonly PendingTimer[])];
      for (const op of this.ops) {
        const at = pending.findIndex((t) => t.event === op.event);
        if (at >= 0) pending.splice(at, 1);
        if (op.op === 'start') pending.push({ event: op.event, delay: op.delay, days: op.days });
      }
      this.lists.set(before, (after = this.owner.listId(pending)));
    }
    return after;
  }

  /** The zone after the operations: each touched timer's clock dropped, a started one added at 0; the end-of-day clock started or dropped. */
  zone(before: Zone, eod: boolean): Zone {
    const memo = this.zones[eod ? 1 : 0];
    let after = memo.get(before);
    if (after === undefined) {
      const zones = this.owner.zones;
      let z = before;
      for (const op of this.ops) {
        z = zones.removeClock(z, op.event);
        if (op.op === 'start') z = zones.addClock(z, op.event);
      }
      memo.set(before, (after = eod ? zones.addClock(z, EOD) : zones.removeClock(z, EOD)));
    }
    return after;
  }
}

function timerOpsText(ops: readonly TimerOp[]): string {
  let text = '';
  for (const op of ops) text += op.op === 'start' ? `+${op.event}\u0000${op.delay}\u0000${op.days}\n` : `-${op.event}\n`;
  return text;
}

/**
 * One array per distinct list of timer operations: steps hand out their lists through one, so
 * the explorer meets few distinct lists and remembers their effects by identity.
 *
 * @example
 * const lists = new TimerOpLists();
 * lists.intern([{ op: 'cancel', event: 'x' }]) === lists.intern([{ op: 'cancel', event: 'x' }]); // true
 */
export class TimerOpLists {
  private readonly byText = new Map<string, readonly TimerOp[]>();

  intern(ops: readonly TimerOp[]): readonly TimerOp[] {
    const text = timerOpsText(ops);
    let known = this.byText.get(text);
    if (!known) this.byText.set(text, (known = ops));
    return known;
  }
}

/**
 * Pending-timer lists interned to small numbers, and what a step's timer operations make of a
 * list and a zone, each computed once per operation list (moves share theirs, so the explorer
 * asks once per distinct step, not once per edge).
 *
 * @example
 * const effects = new TimerEffects(new ZoneOps());
 * const none = effects.listId([]);
 * const ops = effects.of([{ op: 'start', event: 'x', delay: 'P7D', days: 7 }]);
 * effects.lists[ops.list(none)]; // [{ event: 'x', delay: 'P7D', days: 7 }]
 */
export class TimerEffects {
  /** Pending-timer lists by id; equal lists share one id and one array. */
  readonly lists: (readonly PendingTimer[])[] = [];
  private readonly ids = new Map<string, number>();
  private readonly effects = new Map<readonly TimerOp[], OpsEffect>();
  private readonly opLists = new TimerOpLists();
  private readonly fired = new Map<readonly TimerOp[], Map<string, readonly TimerOp[]>>();

  constructor(readonly zones: ZoneOps) {}

  /** The id of a pending-timer list (in start order). */
  listId(timers: readonly PendingTimer[]): number {
    let text = '';
    for (const t of timers) text += `${t.event}\u0000${t.delay}\u0000${t.days}\n`;
    let id = this.ids.get(text);
    if (id === undefined) {
      this.ids.set(text, (id = this.lists.length));
      this.lists.push(timers);
    }
    return id;
  }

  /** The effect of an operation list. */
  of(ops: readonly TimerOp[]): OpsEffect {
    let effect = this.effects.get(ops);
    if (!effect) {
      // Lists from different sources (two caches, a fired timer's) are matched by content.
      const canonical = this.opLists.intern(ops);
      effect = this.effects.get(canonical) ?? new OpsEffect(this, canonical);
      this.effects.set(canonical, effect);
      this.effects.set(ops, effect);
    }
    return effect;
  }

  /** A due timer's move's operations: the timer's own cancel first, then the move's. */
  firedOps(ops: readonly TimerOp[], event: string): readonly TimerOp[] {
    let byEvent = this.fired.get(ops);
    if (!byEvent) this.fired.set(ops, (byEvent = new Map()));
    let out = byEvent.get(event);
    if (!out) byEvent.set(event, (out = [{ op: 'cancel', event }, ...ops]));
    return out;
  }
}
