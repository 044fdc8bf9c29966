import { DAY_MS } from '../domain/duration.ts';

/** A timer the machine started and has not cancelled: it fires at the end of `dueDay`. */
export interface PendingTimer {
  /** The XState event the timer sends, `xstate.after.<delay>.<state id>`. */
  event: string;
  /** The delay's name in the machine (`P14D`, `objectionWindow`). */
  delay: string;
  startedDay: number;
  dueDay: number;
  /** Start order: among timers due the same day, the earlier-started fires first. */
  seq: number;
}

interface ActionLike {
  type: string;
  params?: unknown;
}

/**
 * Applies the timer starts and cancels that an XState `transition()` returned to a timer list.
 * XState's own clock is never used: it overflows past ~24.8 days and persisted snapshots drop
 * pending timers, so every legal deadline is kept here, in whole days.
 *
 * @example
 * const [next, actions] = transition(machine, snapshot, event);
 * timers = applyTimerChanges(timers, actions, today, nextSeq);
 */
export function applyTimerChanges(timers: readonly PendingTimer[], actions: readonly ActionLike[], day: number, firstSeq: number): PendingTimer[] {
  let next = [...timers];
  let seq = firstSeq;
  for (const action of actions) {
    const params = (action.params ?? {}) as { id?: string; sendId?: string; delay?: number };
    if (action.type === 'xstate.cancel' && params.sendId) {
      next = next.filter((t) => t.event !== params.sendId);
    } else if (action.type === 'xstate.raise' && typeof params.delay === 'number' && params.id) {
      if (params.delay % DAY_MS !== 0 || params.delay < 0) {
        throw new RangeError(`timer ${params.id} has a delay of ${params.delay} ms; model time is whole days, so provide delays as days × ${DAY_MS}`);
      }
      next = next.filter((t) => t.event !== params.id);
      next.push({ event: params.id, delay: delayName(params.id), startedDay: day, dueDay: day + params.delay / DAY_MS, seq: seq++ });
    }
  }
  return next.sort((a, b) => a.dueDay - b.dueDay || a.seq - b.seq);
}

/** The delay name inside an `xstate.after.<delay>.<state id>` event type. */
export function delayName(timerEvent: string): string {
  return timerEvent.startsWith('xstate.after.') ? (timerEvent.slice('xstate.after.'.length).split('.')[0] ?? timerEvent) : timerEvent;
}
