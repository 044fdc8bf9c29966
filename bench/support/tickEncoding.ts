import { type AnyMachineSnapshot, type AnyStateMachine, fromTransition } from 'xstate';
import { DAY_MS } from '../../src/domain/duration.ts';
import { pureStepper } from '../../src/explore/pureStepper.ts';
import { snapshotKey } from '../../src/explore/snapshotKey.ts';

/** A pending timer of the wrapped machine: its event and the day at whose end it fires. */
export interface TickTimer {
  event: string;
  due: number;
}

/**
 * The day-counter encoding of a timed machine, the only exact way to ask xstate/graph about
 * deadlines: the wrapped snapshot, today, whether a timer already fired at the end of today (then
 * outside events wait for tomorrow), and the pending timers in firing order (due day, then start).
 */
export interface TickState {
  machine: AnyMachineSnapshot;
  day: number;
  eod: boolean;
  timers: readonly TickTimer[];
}

export const TICK = { type: 'tick' } as const;

type Action = { type: string; params?: unknown };

/** Pending timers after a step's actions on `day`: cancels removed, starts (re)added as due `day` + their days, in firing order. */
export function applyTimers(timers: readonly TickTimer[], actions: readonly Action[], day: number): TickTimer[] {
  let next = [...timers];
  for (const a of actions) {
    const p = (a.params ?? {}) as { id?: string; sendId?: string; delay?: number };
    if (a.type === 'xstate.cancel' && p.sendId) next = next.filter((t) => t.event !== p.sendId);
    if (a.type === 'xstate.raise' && typeof p.delay === 'number' && p.id) {
      next = next.filter((t) => t.event !== p.id);
      next.push({ event: p.id, due: day + p.delay / DAY_MS });
    }
  }
  return next.sort((a, b) => a.due - b.due);
}

/**
 * The encoding as XState actor logic. `tick` fires the next timer due today (one per tick, so
 * every intermediate state is visible), or else moves to tomorrow; it is refused when nothing is
 * pending (waiting then changes nothing) and past `horizon`. Outside events happen today.
 */
export function tickLogic(machine: AnyStateMachine, horizon: number) {
  const stepper = pureStepper(machine);
  return fromTransition(
    (s: TickState, event: { type: string }): TickState => {
      if (event.type === TICK.type) {
        const next = s.timers[0];
        if (next && next.due <= s.day) {
          const [snapshot, actions] = stepper.next(s.machine, { type: next.event });
          return { machine: snapshot, day: s.day, eod: true, timers: applyTimers(s.timers.slice(1), actions, s.day) };
        }
        if (s.eod || (s.timers.length > 0 && s.day < horizon)) return { ...s, day: s.day + 1, eod: false };
        return s;
      }
      if (s.eod || !s.machine.can(event)) return s;
      const [snapshot, actions] = stepper.next(s.machine, event);
      return { machine: snapshot, day: s.day, eod: false, timers: applyTimers(s.timers, actions, s.day) };
    },
    ({ input }: { input: unknown }): TickState => {
      const [snapshot, actions] = stepper.initial(input);
      return { machine: snapshot, day: 0, eod: false, timers: applyTimers([], actions, 0) };
    },
  );
}

/** The canonical text of an encoded state. */
export function tickKey(s: TickState): string {
  return `${snapshotKey(s.machine)}|${s.day}|${s.eod ? 1 : 0}|${s.timers.map((t) => `${t.event}@${t.due}`).join(',')}`;
}
