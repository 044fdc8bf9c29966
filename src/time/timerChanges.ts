import { InputError } from '../domain/InputError.ts';
import { DAY_MS, MAX_DAYS } from '../domain/duration.ts';

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
    refuseDelayedSend(action);
    const params = (action.params ?? {}) as { id?: string; sendId?: string; delay?: number };
    if (action.type === 'xstate.cancel' && params.sendId) {
      next = next.filter((t) => t.event !== params.sendId);
    } else if (action.type === 'xstate.raise' && typeof params.delay === 'number' && params.id) {
      next = next.filter((t) => t.event !== params.id);
      next.push({ event: params.id, delay: delayName(params.id), startedDay: day, dueDay: day + wholeDays(params.id, params.delay), seq: seq++ });
    }
  }
  return next.sort((a, b) => a.dueDay - b.dueDay || a.seq - b.seq);
}

/**
 * A timer's delay in whole days; a delay that is not a whole number of days, is negative, or is
 * longer than `MAX_DAYS` is an InputError naming the delay, since model time is whole days and
 * no case is modelled over more than 100 years.
 *
 * @example
 * wholeDays('xstate.after.objectionWindow.subpoena.notice.pending', 14 * DAY_MS); // 14
 */
export function wholeDays(timerEvent: string, delayMs: number): number {
  const days = delayMs / DAY_MS;
  if (Number.isInteger(days) && days >= 0 && days <= MAX_DAYS) return days;
  const shown = Number(days.toFixed(3));
  const length = Number.isInteger(shown) ? `${Math.floor(days)} days and ${delayMs - Math.floor(days) * DAY_MS} ms` : `${shown} days`;
  const problem = days > MAX_DAYS ? `is longer than ${MAX_DAYS} days (100 years), the longest span a case is modelled over` : `${days < 0 ? 'is negative' : `is not a whole number of days (${length})`}: model time is whole days`;
  const name = delayName(timerEvent);
  // A delay written inline (`after: { 259200000: … }`) has no name in `delays`: name the state it is on.
  const field = /^\d+$/.test(name) ? `${timerEvent.slice(`xstate.after.${name}.`.length)}.after["${name}"]` : `delays.${name}`;
  const fix = days > MAX_DAYS ? `give it as a whole number of days × ${DAY_MS} ms, at most ${MAX_DAYS} days (${MAX_DAYS * DAY_MS} ms)` : `give it as a whole number of days × ${DAY_MS} ms`;
  throw new InputError('invalid', field, `${delayMs} ms`, problem, fix);
}

const AFTER = 'xstate.after.';

/** The delay name inside an `xstate.after.<delay>.<state id>` event type. */
export function delayName(timerEvent: string): string {
  if (!timerEvent.startsWith('xstate.after.')) return timerEvent;
  const end = timerEvent.indexOf('.', AFTER.length);
  return timerEvent.slice(AFTER.length, end < 0 ? undefined : end);
}

/**
 * Throws an InputError for an `after` timer whose named delay the machine does not define, or
 * whose delay function gives nothing (XState fires it at once, so a deadline would pass the
 * moment its state is entered), and for a delayed event other than an `after` timer: a `raise`
 * or `sendTo` with a `delay`. Only `after` timers are clocks here; such an event would be lost, and every
 * run that waits for it would be missing, so a proof would be wrong. Returns quietly otherwise.
 *
 * @example
 * refuseDelayedSend({ type: 'xstate.raise', params: { event: { type: 'remind' }, delay: 864e6 } }); // throws: use `after`
 */
export function refuseDelayedSend(action: ActionLike): void {
  const params = (action.params ?? {}) as { id?: unknown; delay?: unknown; event?: { type?: unknown } };
  const timer = action.type === 'xstate.raise' && typeof params.id === 'string' && params.id.startsWith('xstate.after.');
  if (timer && (params.delay === undefined || params.delay === null)) {
    const name = delayName(params.id as string);
    throw new InputError('invalid', `delays.${name}`, 'not defined', `is named by an \`after\` transition (${String(params.id)}) but setup({ delays }) does not define it (or its function gave nothing), so XState fires it at once`, `define it in setup({ delays: { ${name}: <whole days> * ${DAY_MS} } }), or give the delay in milliseconds in \`after\``);
  }
  if (params.delay === undefined || params.delay === null) return;
  if (timer || (action.type !== 'xstate.raise' && action.type !== 'xstate.sendTo')) return;
  const how = action.type === 'xstate.raise' ? 'raise' : 'sendTo';
  const event = typeof params.event?.type === 'string' ? params.event.type : '?';
  const days = typeof params.delay === 'number' ? ` after ${Number((params.delay / DAY_MS).toFixed(3))} days` : '';
  throw new InputError(
    'invalid',
    `${how}(${JSON.stringify(event)}, { delay })`,
    params.delay,
    `sends "${event}"${days}, but only \`after\` timers are clocks in the model: the delayed event would never arrive, and the check would miss every run that waits for it`,
    `wait with \`after\` instead: a state with \`after: { <delay>: { target, actions } }\` doing what "${event}" does`,
  );
}
