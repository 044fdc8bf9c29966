/** An event as a step's actions carry it. */
export type RaisedEvent = { type: string; [k: string]: unknown };

const NONE: readonly RaisedEvent[] = [];

/**
 * The events a step raised for itself to take at once (`raise` with no delay), in order, from the
 * actions XState resolved: a machine that raises `notice.sent` or `data.disclosed` from an entry
 * action says it happened as surely as one that takes it from outside. Delayed raises are timers.
 *
 * @example
 * raisedEvents([{ type: 'xstate.raise', params: { event: { type: 'notice.sent' } } }]); // [{ type: 'notice.sent' }]
 */
export function raisedEvents(actions: readonly { type: string; params?: unknown }[]): readonly RaisedEvent[] {
  let raised: RaisedEvent[] | null = null;
  for (const a of actions) {
    if (a.type !== 'xstate.raise') continue;
    const p = a.params as { event?: RaisedEvent; delay?: unknown } | undefined;
    if (p?.event && p.delay === undefined) (raised ??= []).push(p.event);
  }
  return raised ?? NONE;
}
