import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { pureStepper } from '../../src/explore/pureStepper.ts';
import { snapshotKey } from '../../src/explore/snapshotKey.ts';
import { type Action, type Timer, withTimers } from './dayByDay.ts';

interface ProductDay {
  snapshots: readonly AnyMachineSnapshot[];
  eod: boolean;
  timers: readonly Timer[];
}

/**
 * `dayByDay` for `copies` copies of one machine side by side, named `c0`, `c1`, …: each takes its
 * own events and keeps its own timers, and one day passes for all. Returns every reachable
 * product state's key, each copy's `snapshotKey` joined by ` & ` in copy order.
 *
 * @example
 * dayByDayProduct(machine, 2, [{ type: 'a' }]).has('"s0"|{} & "s1"|{}');
 */
export function dayByDayProduct(machine: AnyStateMachine, copies: number, events: readonly { type: string }[], maxStates = 200_000): Set<string> {
  const stepper = pureStepper(machine);
  const names = Array.from({ length: copies }, (_, i) => `c${i}`);
  const own = (i: number, actions: readonly Action[]): Action[] =>
    actions.map((a) => {
      const p = (a.params ?? {}) as { id?: string; sendId?: string };
      return { ...a, params: { ...p, ...(p.id ? { id: `${names[i]}/${p.id}` } : {}), ...(p.sendId ? { sendId: `${names[i]}/${p.sendId}` } : {}) } };
    });
  let timers: Timer[] = [];
  const snapshots = names.map((_, i) => {
    const [snapshot, actions] = stepper.initial(undefined);
    timers = withTimers(timers, own(i, actions));
    return snapshot;
  });
  const reached = new Set<string>();
  const seen = new Set<string>();
  let today: ProductDay[] = [{ snapshots, eod: false, timers }];
  while (today.length) {
    const tomorrow: ProductDay[] = [];
    while (today.length) {
      const s = today.pop() as ProductDay;
      const state = s.snapshots.map((x) => snapshotKey(x)).join(' & ');
      const key = `${state}|${s.eod ? 1 : 0}|${s.timers.map((t) => `${t.event}:${t.due}`).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > maxStates) throw new Error(`dayByDayProduct: more than ${maxStates} states`);
      reached.add(state);
      const stepOne = (i: number, event: { type: string }, rest: readonly Timer[], eod: boolean) => {
        const [next, actions] = stepper.next(s.snapshots[i] as AnyMachineSnapshot, event);
        today.push({ snapshots: s.snapshots.map((x, j) => (j === i ? next : x)), eod, timers: withTimers(rest, own(i, actions)) });
      };
      if (!s.eod) {
        s.snapshots.forEach((snapshot, i) => {
          // A finished component takes nothing more.
          if (snapshot.status === 'active') for (const event of events) if (snapshot.can(event)) stepOne(i, event, s.timers, false);
        });
      }
      const soonest = s.timers[0];
      if (soonest && soonest.due === 0) {
        const slash = soonest.event.indexOf('/');
        stepOne(names.indexOf(soonest.event.slice(0, slash)), { type: soonest.event.slice(slash + 1) }, s.timers.slice(1), true);
      } else if (s.eod || s.timers.length > 0) {
        tomorrow.push({ snapshots: s.snapshots, eod: false, timers: s.timers.map((t) => ({ event: t.event, due: t.due - 1 })) });
      }
    }
    today = tomorrow;
  }
  return reached;
}
