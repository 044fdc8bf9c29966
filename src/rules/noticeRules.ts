import { durationDays } from '../domain/duration.ts';
import { statutoryEmergency } from '../domain/emergencyLaw.ts';
import { src } from '../domain/source.ts';
import type { Monitor, StepInfo } from '../explore/Monitor.ts';
import { allOf, anyOf, before, entering, enteringWithin, notWithin, neverStep, onEvent, precedence, raising, type StepMatch } from './language.ts';
import { gagSpent } from './gagEndsOnItsDate.ts';
import type { Rule, RuleContext } from './Rule.ts';

const speaks = (ctx: RuleContext, ...events: string[]) => events.every((e) => ctx.events.has(e));

/**
 * The user is told: the vocabulary's `notice.sent`, or a step into a state tagged `noticeSent`
 * (a machine's own way of giving notice), one it only passes through included. The tag is a
 * status, kept as the notice moves on (sent, then its objection window over), so a step from a
 * state that has it is no new notice, whatever it passes through: a second notice is seen as the
 * event only.
 */
const noticeGiven: StepMatch = anyOf(onEvent('notice.sent'), enteringWithin('noticeSent'));
/**
 * A microstep into `noticeSent` under a gag: into a state that keeps it, or out of one by a step
 * that does not end it as an order ends (`gagSpent`). A lift or a term's end that goes straight
 * to notice tells the user once the gag is over.
 */
const intoNoticeFromGag = enteringWithin('noticeSent', (before) => before?.hasTag('secrecy') ?? false);
const toldUnderGag = anyOf(
  enteringWithin('noticeSent', (_before, after) => after.hasTag('secrecy')),
  (info) => !gagSpent(info) && intoNoticeFromGag(info),
);

/** Notice waived for a reason the policy lists as an exception: any other waiver excuses nothing. */
const waivedAsAllowed = (ctx: RuleContext): StepMatch => onEvent('notice.waived', (e) => (ctx.policy.notice.exceptions as readonly string[]).includes(String(e.reason)));

export const noNoticeUnderSecrecy: Rule = {
  id: 'no-notice-under-secrecy',
  title: 'The user is never notified while a nondisclosure obligation covers the request',
  rationale: 'A gag (2705(b), NSL, FISA, 3123(d)) bars telling the user while it is in force; the statutes let the provider tell only those it needs to comply and its lawyer (2709(c)(2), 1861(d)).',
  sources: [src('§3', 'Secrecy rules by source', 'S'), src('§4', 'Modelling rule, derived and not law: notify(user) only if no active gag covers the request', '?')],
  scope: 'every machine that sends notice.sent or has a state tagged noticeSent',
  appliesTo: (ctx) => speaks(ctx, 'notice.sent') || ctx.tags.has('noticeSent'),
  premise: { text: 'a gag comes into force', match: () => entering('secrecy') },
  check: () =>
    neverStep(
      anyOf(allOf(onEvent('notice.sent'), before('secrecy')), toldUnderGag),
      'the user was notified while a gag was in force',
    ),
};

export const noticeBeforeDisclosure: Rule = {
  id: 'notice-before-disclosure',
  title: 'Notice comes before disclosure, unless a gag was in force or a policy exception was recorded',
  rationale: 'The provider promises to tell users before it discloses, unless legally prohibited (or, for some, futile or an emergency).',
  sources: [src('§4', 'Cloudflare, Let’s Encrypt, Google: notice before disclosure unless prohibited', 'S')],
  scope: 'policies that notify before disclosure; every machine that discloses (data.disclosed)',
  appliesTo: (ctx) => ctx.policy.notice.beforeDisclosure && speaks(ctx, 'data.disclosed'),
  premise: { text: 'data is disclosed', match: () => onEvent('data.disclosed') },
  check: (ctx) =>
    precedence({
      target: onEvent('data.disclosed'),
      after: noticeGiven,
      unless: before('secrecy'),
      excuse: waivedAsAllowed(ctx),
      // An emergency excuses notice first only while it lasts: a disclosure after it ended is an ordinary one.
      excuseWhile: { from: onEvent('emergency.assessed', (e) => statutoryEmergency(e.criterion)), until: onEvent('emergency.ended') },
      message: 'data was disclosed before the user was told, with no gag, no recorded exception and no emergency going on',
    }),
};

export const objectionWindow: Rule = {
  id: 'objection-window',
  title: 'A notified user gets the policy’s objection window before disclosure',
  rationale: 'Notice exists so the user can object; disclosing inside the window defeats it.',
  sources: [src('§4', 'Let’s Encrypt: prior notice so the user can object', 'S'), src('§11 q10', 'Cloudflare’s window is not published: a policy parameter', '?')],
  scope: 'policies that notify before disclosure; every machine that discloses (data.disclosed)',
  appliesTo: (ctx) => ctx.policy.notice.beforeDisclosure && speaks(ctx, 'data.disclosed'),
  premise: { text: 'the user is notified', match: () => noticeGiven },
  check: (ctx) =>
    notWithin({
      target: onEvent('data.disclosed'),
      since: noticeGiven,
      message: `data was disclosed within ${durationDays(ctx.policy.notice.objectionWindow)} days of notice, inside the user’s objection window`,
    })(durationDays(ctx.policy.notice.objectionWindow)),
};

/**
 * After a disclosure made without notice (under a gag, or in an emergency when the policy
 * promises notice after one), notice goes out within the policy's delay once the gag ends or the
 * emergency has passed, or the case is flagged overdue by then.
 */
export const delayedNotice: Rule = {
  id: 'delayed-notice',
  title: 'When secrecy ends after a secret disclosure, notice goes out within the policy’s delay',
  rationale: 'Providers notify once a gag lifts or an emergency passes; a case that misses the delay must at least be flagged.',
  sources: [
    src('§4', 'Google: notice after the prohibition ends; after an emergency has passed', 'S'),
    src('§4', 'Cloudflare and Let’s Encrypt promise notice for legal process only: after an emergency, as the policy says (notice.afterEmergency)', 'S'),
    src('§10 note 2', 'Modelling inference, not law: notice within N days after the gag ends, if it ends', '?'),
  ],
  scope: 'every machine that discloses (data.disclosed)',
  appliesTo: (ctx) => speaks(ctx, 'data.disclosed'),
  premise: { text: 'notice falls due after a disclosure made without it', match: () => entering('noticeDue') },
  check: (ctx) => ({ type: 'monitor', monitor: delayedNoticeMonitor(durationDays(ctx.policy.notice.delayedNoticeWithin), waivedAsAllowed(ctx), ctx.policy.notice.afterEmergency !== false) }),
};

/**
 * The monitor's facts: notice is owed for a disclosure made without it; its clock runs; a waiver
 * the policy allows was recorded; the user was told (by the event or the tag); an emergency the
 * statute recognises is on.
 */
type DN = { owed: boolean; waiting: boolean; waived: boolean; told: boolean; emergency: boolean };

/** The notice's own flag, raised now: an overdue state that is the notice's (tagged `noticeDue`, or inside one that is). */
const alarm = raising('overdue', 'noticeDue');

function delayedNoticeMonitor(days: number, noticeWaived: StepMatch, afterEmergency: boolean): Monitor<DN> {
  const clock = '@notice';
  const message = `a disclosure made without notice was not followed by notice within ${days} days of the gag ending (with no gag, of the disclosure), and the case was not flagged overdue`;
  const [disclosed, emergencyEnded] = ['data.disclosed', 'emergency.ended'].map((type) => onEvent(type)) as [StepMatch, StepMatch];
  const emergencyFound = onEvent('emergency.assessed', (e) => statutoryEmergency(e.criterion));
  const enteringSecrecy = entering('secrecy');
  // Each of the 32 states, and each step into one (staying, starting the clock, stopping it), is built once: the monitor runs on every explored step.
  const states = Array.from({ length: 32 }, (_, b): DN => ({ owed: (b & 16) !== 0, waiting: (b & 8) !== 0, waived: (b & 4) !== 0, told: (b & 2) !== 0, emergency: (b & 1) !== 0 }));
  const [start, stop] = [[clock], [clock]];
  const steps = states.map((state) => ({ stay: { state }, start: { state, start }, stop: { state, stop } }));
  const into = (owed: boolean, waiting: boolean, facts: { waived: boolean; told: boolean; emergency: boolean }) =>
    steps[(owed ? 16 : 0) + (waiting ? 8 : 0) + (facts.waived ? 4 : 0) + (facts.told ? 2 : 0) + (facts.emergency ? 1 : 0)] as (typeof steps)[number];
  const next = (s: DN, info: StepInfo): ReturnType<Monitor<DN>['step']> => {
    const waived = s.waived || noticeWaived(info);
    const told = s.told || noticeGiven(info);
    const emergency = (s.emergency || emergencyFound(info)) && !emergencyEnded(info);
    const facts = { waived, told, emergency };
    if (noticeGiven(info) || noticeWaived(info) || (s.waiting && alarm(info))) return s.waiting ? into(false, false, facts).stop : into(false, false, facts).stay;
    // A waiver counts only as the event the policy allows, never as a tag a machine puts on itself.
    // A disclosure in an emergency, with no gag on it, owes notice only where the policy promises it once the emergency passes.
    const owed = s.owed || (disclosed(info) && !told && !info.post.hasTag('noticeSent') && !waived && (afterEmergency || !emergency || info.post.hasTag('secrecy')));
    if (s.waiting && enteringSecrecy(info)) return into(owed, false, facts).stop;
    // Notice falls due as soon as nothing holds it back: no gag in force, no emergency going on.
    if (owed && !s.waiting && !info.post.hasTag('secrecy') && !emergency) return into(owed, true, facts).start;
    return into(owed, s.waiting, facts).stay;
  };
  return {
    initial: (info) => next(states[0] as DN, info),
    step: next,
    deadline: (s) => (s.waiting ? { clock, days, message } : null),
    key: (s) => `${+s.owed}${+s.waiting}${+s.waived}${+s.told}${+s.emergency}`,
    clockMax: { [clock]: days + 1 },
  };
}
