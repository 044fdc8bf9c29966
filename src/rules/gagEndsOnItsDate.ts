import { gagDaysLeft } from '../domain/gagTerm.ts';
import type { DemandRequest } from '../domain/request.ts';
import { src } from '../domain/source.ts';
import type { Monitor, MonitorStep, StepInfo } from '../explore/Monitor.ts';
import { gagOfAnotherCase } from './answerHeldUnderGag.ts';
import { onEvent } from './language.ts';
import type { Rule, RuleContext } from './Rule.ts';

/**
 * The dated order that governs: days from the clock's start to its end date (null: none, or an
 * open-ended one), and whether the machine holds the request secret now (tagged `secrecy`).
 */
type Term = { due: number | null; held: boolean; over: boolean; key: string };

const CLOCK = '@gagTerm';

const RETAKEN = { message: 'the case took up a gag again after its order had ended, with no new order (secrecy.imposed) to bind it' };
const OPEN_ENDED_CUT = { message: 'the case’s own timer ended a gag whose order has no end date, with no lift (secrecy.lifted) and no court decision: the user could be told while the order still binds' };
/** A dated gag the case's own timer ended before the order's clock reached its days. */
const endedEarly = (days: number) => ({
  message: `the case's own timer ended the gag before its order's ${days} days were over, while the order still bound: the user could be told too soon`,
  when: { clock: CLOCK, op: '<=' as const, value: days - 1 },
});

/** Terms longer than any the search meets cannot be told apart; used only when the rule is not given the search's inputs and events. */
const FALLBACK_MAX = 3650;

/** Days left of a served dated order at receipt; null without one (or without the receipt to count from, which intake refuses). */
const servedDays = (input: unknown): number | null => {
  const days = gagDaysLeft((input ?? {}) as Pick<DemandRequest, 'receivedOn' | 'secrecyOrder'>);
  return days !== null && Number.isFinite(days) ? days : null;
};
/** The machine says no end date binds its gag: a statute's or a certification's, in force as the order takes effect. */
const openEnded = (info: StepInfo): boolean => info.post.hasTag('secrecyOpenEnded');
/** An order the machine took at this step, with its days (from the day it is imposed; undefined: open-ended). */
const imposition = onEvent('secrecy.imposed');
const datedDays = (info: StepInfo): number | null => (typeof info.event.days === 'number' ? info.event.days : null);
/**
 * The gag ends as an order ends, spending it: by a deadline passing, a lift, or a court's
 * decision against it (won, or modified to terms the rule cannot see). Left any other way (a
 * machine moving to an untagged state while its order runs, a challenge lost), the order's clock
 * runs on, and a gag taken up again is held to the same date.
 */
export const gagSpent = (info: StepInfo): boolean => {
  if (!(info.pre?.hasTag('secrecy') ?? false) || info.post.hasTag('secrecy')) return false;
  const { type, outcome } = info.event;
  return info.kind === 'timer' || type === 'secrecy.lifted' || (type === 'challenge.decided' && (outcome === 'won' || outcome === 'modified'));
};

/**
 * A gag order with an end date binds until that date and no longer: a case that still holds the
 * request secret a day after it has kept the user from a notice the order no longer bars. The
 * term runs from the order's date: a served order from the date it bears (`secrecyOrder.issuedOn`),
 * an order imposed during the case from that day, whether the machine enters the gag then or
 * later; a gag that ends by a deadline, a lift or a court's decision spends its order, one left
 * any other way is still held to the date when taken up again; a deadline of the case's own ends
 * it on the date, never before (a lift or a decision may, any day); a gag taken up again after its
 * order was spent (not merely modified) binds under no order and breaks the rule at once. A new
 * order replaces the old one. A
 * machine that tags its gag `secrecyOpenEnded` as the order takes effect says another gag with
 * no end date binds (a statute's, a certification's); one that moves a dated gag to an
 * open-ended state later is still held to the date. A gag with no end date (open-ended, or
 * under no dated order the rule can see) ends only by a lift or a court's decision: a timer of
 * the case's own that ends it breaks the rule, for no date says the order is over.
 */
export const gagEndsOnItsDate: Rule = {
  id: 'gag-ends-on-its-date',
  title: 'A gag ends as its order ends: on its end date, or, with none, only when lifted or decided',
  rationale: 'A 2705(b) order runs for the period the court sets and ends on its expiry date, by the court’s vacatur or by the government’s stipulation; from then the provider may notify, and providers do. A case that keeps the gag on past the date withholds notice no order bars; one that drops an order with no date on a clock of its own may tell the user while the order still binds.',
  sources: [src('§3', '2705(b) order: ends by expiry date, court vacatur or government stipulation', 'S'), src('§1 row 7', 'When it ends, notice is allowed, and providers notify by policy', 'S'), src('§10 note 2', 'Fixed-date gags: 2705(b) orders with an end date', '?')],
  scope: 'every machine with a state tagged secrecy, but a kind whose gag is another case’s (a data-subject request held by one)',
  appliesTo: (ctx) => ctx.tags.has('secrecy') && !gagOfAnotherCase(ctx),
  premise: { text: 'a gag comes into force', match: () => (info) => imposition(info) || (info.kind === 'start' && servedDays(info.input) !== null) || (info.post.hasTag('secrecy') && !(info.pre?.hasTag('secrecy') ?? false)) },
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
  /** Steps are read, never changed: one object per state and clock change, made once; by the order's days (-1: none), then the rest packed in one number. */
  const made = new Map<number, Map<number, MonitorStep<Term>>>();
  const CLOCKS = { '': 0, start: 1, stop: 2, restart: 3 } as const;
  const BROKEN = { '': 0, retaken: 1, cut: 2 } as const;
  const deadlines = new Map<number, { clock: string; days: number; message: string }>();
  /** `early`: the days of an order whose gag the case's own timer ends now, a breach unless the order's clock has reached them. */
  const outcome = (due: number | null, held: boolean, clock: '' | 'start' | 'stop' | 'restart', over = false, broken: '' | 'retaken' | 'cut' = '', early: number | null = null): MonitorStep<Term> => {
    let byDue = made.get(due ?? -1);
    if (!byDue) made.set(due ?? -1, (byDue = new Map()));
    const key = (((early === null ? 0 : early + 1) * 4 + CLOCKS[clock]) * 3 + BROKEN[broken]) * 4 + (held ? 2 : 0) + (over ? 1 : 0);
    let step = byDue.get(key);
    if (!step) {
      const changes = clock === 'start' ? { start } : clock === 'stop' ? { stop: start } : clock === 'restart' ? { stop: start, start } : {};
      const violation = broken === 'retaken' ? RETAKEN : broken === 'cut' ? OPEN_ENDED_CUT : early !== null ? endedEarly(early) : null;
      byDue.set(key, (step = { state: { due, held, over, key: `${due ?? '-'}${held ? '+' : ''}${over ? '!' : ''}` }, ...changes, ...(violation ? { violation } : {}) }));
    }
    return step;
  };
  const next = (s: Term, info: StepInfo, first: boolean): MonitorStep<Term> => {
    const held = info.post.hasTag('secrecy');
    if (imposition(info)) {
      const days = openEnded(info) ? null : datedDays(info);
      if (days === null) return outcome(null, held, s.due === null ? '' : 'stop');
      return outcome(days, held, s.due === null ? 'start' : 'restart');
    }
    if (first) {
      const due = openEnded(info) ? null : servedDays(info.input);
      return outcome(due, held, due === null ? '' : 'start');
    }
    // A lift or a court's decision may end a gag on any day; the case's own timer only on the order's date.
    if (s.due !== null && gagSpent(info)) return outcome(null, held, 'stop', info.event.outcome !== 'modified', '', info.kind === 'timer' ? s.due : null);
    // An order with no end date ends only by a lift or a court's decision, never by a timer of the case's own.
    if (s.due === null && info.kind === 'timer' && gagSpent(info)) return outcome(null, held, '', true, 'cut');
    // An order that ended binds no more: a gag taken up again needs a new one (or a statute's, tagged open-ended).
    if (s.over && held && !(info.pre?.hasTag('secrecy') ?? false) && !openEnded(info)) return outcome(null, held, '', true, 'retaken');
    return outcome(s.due, held, '', s.over);
  };
  const deadline = (days: number) => {
    let d = deadlines.get(days);
    if (!d) deadlines.set(days, (d = { clock: CLOCK, days, message: `the gag order ran out after ${days} days, and the case still held the request secret the day after` }));
    return d;
  };
  return {
    initial: (info) => next({ due: null, held: false, over: false, key: '-' }, info, true),
    step: (s, info) => next(s, info, false),
    deadline: (s) => (s.due !== null && s.held ? deadline(s.due) : null),
    key: (s) => s.key,
    clockMax: { [CLOCK]: longest + 1 },
  };
}
