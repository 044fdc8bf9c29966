import { gagDaysLeft } from '../domain/gagTerm.ts';
import type { DemandRequest } from '../domain/request.ts';
import { src } from '../domain/source.ts';
import type { Monitor, MonitorStep, StepInfo } from '../explore/Monitor.ts';
import { leaving, onEvent, type StepMatch } from './language.ts';
import type { Rule, RuleContext } from './Rule.ts';

/**
 * The dated order that governs the gag: days from the clock's start to its end date (null: none,
 * or an open-ended one), and whether the machine holds a gag with an end date now (tagged
 * `secrecy`, not `secrecyOpenEnded`).
 */
type Term = { due: number | null; held: boolean };

const CLOCK = '@gagTerm';

/** Terms longer than any the search meets cannot be told apart; used only when the rule is not given the search's inputs and events. */
const FALLBACK_MAX = 3650;

const servedDays = (input: unknown): number | null => gagDaysLeft((input ?? {}) as Pick<DemandRequest, 'receivedOn' | 'secrecyOrder'>);
const holdsDatedGag = (info: StepInfo): boolean => info.post.hasTag('secrecy') && !info.post.hasTag('secrecyOpenEnded');
/** An order imposed at this step that the machine took: its days (null: open-ended), from the day it is imposed. */
const imposition = onEvent('secrecy.imposed');
const imposed: StepMatch = (info) => imposition(info) && info.post.hasTag('secrecy');
const lifted = leaving('secrecy');

/**
 * A gag order with an end date binds until that date and no longer: a case that still holds the
 * request secret a day after it has kept the user from a notice the order no longer bars. The
 * term runs from the order's date: a served order from the date it bears (`secrecyOrder.issuedOn`),
 * an order imposed during the case from that day. A new order replaces the old one; a machine
 * that tags the gag `secrecyOpenEnded` says no end date binds it (a statute's gag, or a
 * certification), and is held to nothing here.
 */
export const gagEndsOnItsDate: Rule = {
  id: 'gag-ends-on-its-date',
  title: 'A gag order with an end date stops binding on that date: the case holds the request secret no longer',
  rationale: 'A 2705(b) order runs for the period the court sets and ends on its expiry date; from then the provider may notify, and providers do. A case that keeps the gag on past the date withholds notice no order bars.',
  sources: [src('§3', '2705(b) order: ends by expiry date, court vacatur or government stipulation', 'S'), src('§1 row 7', 'When it ends, notice is allowed, and providers notify by policy', 'S'), src('§10 note 2', 'Fixed-date gags: 2705(b) orders with an end date', '?')],
  scope: 'every machine with a state tagged secrecy',
  appliesTo: (ctx) => ctx.tags.has('secrecy'),
  premise: { text: 'a gag order with an end date comes into force', match: () => (info) => holdsDatedGag(info) && (imposed(info) ? info.event.days !== undefined : info.kind === 'start' && servedDays(info.input) !== null) },
  check: (ctx) => ({ type: 'monitor', monitor: gagTermMonitor(longestTerm(ctx)) }),
};

/** The longest term a search may meet: served orders' days left and imposed orders' days. */
function longestTerm(ctx: RuleContext): number {
  if (!ctx.explored) return FALLBACK_MAX;
  const served = ctx.explored.inputs.map(servedDays);
  const ordered = ctx.explored.events.filter((e) => e.type === 'secrecy.imposed').map((e) => (typeof e.days === 'number' ? e.days : null));
  return Math.max(0, ...[...served, ...ordered].filter((d): d is number => d !== null));
}

function gagTermMonitor(longest: number): Monitor<Term> {
  const start = [CLOCK];
  const restart = { stop: start, start };
  const next = (s: Term, info: StepInfo, first: boolean): MonitorStep<Term> => {
    const held = holdsDatedGag(info);
    if (imposed(info)) {
      const days = typeof info.event.days === 'number' ? info.event.days : null;
      if (days === null) return { state: { due: null, held }, ...(s.due === null ? {} : { stop: start }) };
      return { state: { due: days, held }, ...(s.due === null ? { start } : restart) };
    }
    if (first) {
      const due = servedDays(info.input);
      return due === null ? { state: { due, held } } : { state: { due, held }, start };
    }
    // Once the gag is gone its order is spent; a later one is imposed anew.
    if (s.due !== null && lifted(info)) return { state: { due: null, held }, stop: start };
    return { state: { due: s.due, held } };
  };
  return {
    initial: (info) => next({ due: null, held: false }, info, true),
    step: (s, info) => next(s, info, false),
    deadline: (s) => (s.due !== null && s.held ? { clock: CLOCK, days: s.due, message: `the gag order ran out after ${s.due} days, and the case still held the request secret the day after` } : null),
    key: (s) => `${s.due ?? '-'}${s.held ? '+' : ''}`,
    clockMax: { [CLOCK]: longest + 1 },
  };
}
