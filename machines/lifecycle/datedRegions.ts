import { not } from 'xstate';
import { dayNumber } from '../../src/domain/date.ts';
import { courtPeriodDays } from '../../src/domain/courtDays.ts';
import { DAY_MS, durationDays } from '../../src/domain/duration.ts';
import type { DemandRequest } from '../../src/domain/request.ts';
import type { ChallengeRoute, OrderTerm } from './DemandSpec.ts';

/** Whether a route's window depends on the request's dates: the compliance date may cut it short, or a weekend or holiday draw it out. */
const datedWindow = (route: ChallengeRoute): boolean => route.endsByComplianceDate === true || route.rollsForward === true;

/** The delay a route's window closes on: its own name when the request's dates set it (`datedWindow`), its length otherwise. */
export const windowDelay = (route: ChallengeRoute): string => (datedWindow(route) ? `${route.id}Window` : (route.window as string));

/** Days a rolled-forward window can run past its length: a Saturday, a Sunday and a Monday holiday, or a Friday holiday and the weekend. */
const MOST_ROLLED_DAYS = 3;

/** The delay of an order's first term, counted from the order's date. */
const ORDER_TERM = 'orderTerm';

/** Days from the date on the process (`issuedOn`) to its receipt; 0 when it bears none. */
export function daysIssuedBeforeReceipt(request: DemandRequest): number {
  return request.issuedOn ? dayNumber(request.receivedOn) - dayNumber(request.issuedOn) : 0;
}

/**
 * Days from receipt to the last whole day before the compliance date the process sets
 * (`complyBy`), or null when it sets none: FRCP 45(d)(2)(B) wants the objection served before
 * the time set for compliance, which may fall early on that day.
 */
function daysToComplianceDate(request: DemandRequest): number | null {
  return request.complyBy ? dayNumber(request.complyBy) - dayNumber(request.receivedOn) - 1 : null;
}

/**
 * The delays that read the request's dates: a window that closes at the earlier of its length and
 * the compliance date (FRCP 45(d)(2)(B)), its last day rolled past a weekend or legal holiday
 * where the route says so (FRCP 6(a)(1)(C); the compliance date is a date, not a period, and does
 * not roll), and a first term that runs from the order's date, not
 * from its receipt (3123(c)(1)). A delay never ends later than the law's deadline.
 */
export function datedDelays(routes: readonly ChallengeRoute[], term: OrderTerm | undefined) {
  type Args = { context: { request: DemandRequest } };
  const windows = routes
    .filter((r) => r.window && datedWindow(r))
    .map((r) => {
      const days = durationDays(r.window as string);
      const lasts = (request: DemandRequest) => (r.rollsForward ? courtPeriodDays(request.receivedOn, days) : days);
      const cut = (request: DemandRequest) => (r.endsByComplianceDate ? daysToComplianceDate(request) : null);
      return [windowDelay(r), atMost(days + (r.rollsForward ? MOST_ROLLED_DAYS : 0), ({ context }: Args) => Math.min(lasts(context.request), cut(context.request) ?? Infinity) * DAY_MS)] as const;
    });
  const termDays = term ? durationDays(term.length) : 0;
  const terms = term ? [[ORDER_TERM, atMost(termDays, ({ context }: Args) => (termDays - daysIssuedBeforeReceipt(context.request)) * DAY_MS)] as const] : [];
  return Object.fromEntries([...windows, ...terms]);
}

/**
 * A delay set per case, marked with the law's limit on it (`machineTimers` reads it as `atMostDays`).
 *
 * @example
 * delays: { P1M: atMost(31, ({ context }) => monthsInDays(context.request.receivedOn, 1) * DAY_MS) }
 */
export function atMost<F extends (args: never) => number>(days: number, delay: F): F & { atMostDays: number } {
  return Object.assign(delay, { atMostDays: days });
}

/** One challenge route's window: open from service until it lapses, or used once filed. */
export function routeWindow(route: ChallengeRoute) {
  const cut = `${route.rollsForward ? ', its last day rolled past a weekend or legal holiday' : ''}${route.endsByComplianceDate ? ', or until the compliance date if earlier' : ''}`;
  return {
    initial: 'open',
    description: `${route.title}: open for ${route.window} from service${cut}.`,
    states: {
      open: {
        always: { guard: { type: 'routeFiled', params: { route: route.id } }, target: 'used' },
        after: { [windowDelay(route)]: { target: 'lapsed', meta: { sources: route.sources } } },
      },
      used: { type: 'final' as const, description: 'The challenge was filed in time.' },
      lapsed: { type: 'final' as const, description: 'The window closed; this route is no longer available.' },
    },
  };
}

/** An extension granted during a term starts when that term ends, so each term keeps its own timer. */
export function orderTermRegion(machineId: string, length: string, extension: string) {
  const next = [{ guard: 'extensionPending', target: 'extension', reenter: true, actions: 'consumeExtension' }, { target: `#${machineId}.orderTerm.ended` }];
  const grant = { 'order.extended': { guard: not('extensionPending'), actions: 'grantExtension' } };
  return {
    initial: 'active',
    states: {
      active: {
        initial: 'initial',
        states: {
          initial: { description: `Order in force for ${length} from the date it bears.`, after: { [ORDER_TERM]: next }, on: grant },
          extension: { description: `Extended by the court for ${extension}.`, after: { [extension]: next }, on: grant },
        },
      },
      ended: { type: 'final' as const, description: 'The order ran its term.' },
    },
  };
}
