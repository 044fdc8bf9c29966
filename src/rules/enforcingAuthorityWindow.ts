import { src } from '../domain/source.ts';
import type { Monitor, MonitorStep, StepInfo } from '../explore/Monitor.ts';
import { onEvent } from './language.ts';
import type { Rule } from './Rule.ts';

/** Days from receipt in which a notified enforcing authority may raise a ground for refusal (DOMAIN §2 EU_ENFORCING_OBJECTION). */
export const ENFORCING_WINDOW_DAYS = 10;

const notified = (info: StepInfo) => (info.input as { enforcingStateNotified?: unknown } | undefined)?.enforcingStateNotified === true;
const emergency = (info: StepInfo) => (info.input as { emergency?: unknown } | undefined)?.emergency === true;

export const enforcingAuthorityWindow: Rule = {
  id: 'enforcing-authority-window',
  title: 'An order whose enforcing authority was notified is not carried out while that authority may still refuse it, nor after it refused',
  rationale:
    'Reg. 2023/1543 Art. 10: when the enforcing authority is notified, the data goes at the end of its 10-day window unless it confirms sooner that it raises no ground; a ground it raises stops the order (Art. 12). An emergency order is answered within 8 hours, without waiting, but a ground raised before then stops it too.',
  sources: [
    src('§2 EU_ENFORCING_OBJECTION', '10 days (96 hours in emergencies) from receipt of the notification: the enforcing state may raise refusal grounds (Arts 10, 12)', 'S'),
    src('§2 EU_EPOC_PRODUCTION', 'produce within 10 days of receipt, or at the end of the enforcing authority’s 10-day window', 'S'),
    src('§1 row 17', 'Art. 12: a ground raised stops execution; DOMAIN gives the window, not this effect, unverified', '?'),
  ],
  scope: 'every machine that discloses (data.disclosed) and either speaks enforcingAuthority.refused or is explored with a request whose enforcing authority was notified (enforcingStateNotified)',
  appliesTo: (ctx) => ctx.events.has('data.disclosed') && (ctx.events.has('enforcingAuthority.refused') || (ctx.explored?.inputs ?? []).some((i) => (i as { enforcingStateNotified?: unknown } | null)?.enforcingStateNotified === true)),
  premise: { text: 'an order arrives whose enforcing authority was notified', match: () => (info) => info.kind === 'start' && notified(info) },
  check: () => ({ type: 'monitor', monitor: enforcingMonitor(ENFORCING_WINDOW_DAYS) }),
};

/**
 * Two flags as bits: the window holds the order back (1: notified, not an emergency, not yet
 * cleared), and the authority has refused (2). A disclosure while held back breaks the rule on
 * any day of the window (its own last day included); after a refusal, on any day.
 */
function enforcingMonitor(days: number): Monitor<number> {
  const clock = '@enforcing';
  const early = { message: `data was disclosed within ${days} days of receipt, while the notified enforcing authority could still raise a ground for refusal and had not cleared the order`, when: { clock, op: '<=' as const, value: days } };
  const afterRefusal = { message: 'data was disclosed after the enforcing authority raised a ground for refusal' };
  const cleared = onEvent('enforcingAuthority.cleared');
  const refused = onEvent('enforcingAuthority.refused');
  const disclosed = onEvent('data.disclosed');
  const step = (state: number, extra: Partial<MonitorStep<number>> = {}): MonitorStep<number> => ({ state, ...extra });
  const next = (s: number, info: StepInfo): MonitorStep<number> => {
    const wasRefused = (s & 2) !== 0;
    const held = (s & 1) !== 0;
    if (disclosed(info)) {
      if (wasRefused) return step(s, { violation: afterRefusal });
      if (held) return step(s, { violation: early });
    }
    const nowRefused = wasRefused || refused(info);
    const stillHeld = held && !cleared(info) && !nowRefused;
    const state = (stillHeld ? 1 : 0) + (nowRefused ? 2 : 0);
    return step(state, held && !stillHeld ? { stop: [clock] } : {});
  };
  return {
    initial: (info) => (notified(info) && !emergency(info) ? step(1, { start: [clock] }) : next(0, info)),
    step: next,
    key: (s) => String(s),
    clockMax: { [clock]: days + 1 },
  };
}
