import { type DataCategory, covers, sharedCategories } from '../domain/categories.ts';
import { partnerInForce } from '../domain/cloudActPartners.ts';
import { durationDays } from '../domain/duration.ts';
import { EMERGENCY_LAW, statutoryEmergency } from '../domain/emergencyLaw.ts';
import { src } from '../domain/source.ts';
import type { Monitor, MonitorStep, StepInfo } from '../explore/Monitor.ts';
import { decisionsFor } from '../policy/decisionsFor.ts';
import { CLOUD_ACT_ROUTE, COMPELLABLE } from './compellableByKind.ts';
import { anyOf, neverStep, onEvent, precedence, respondWithin } from './language.ts';
import type { Rule } from './Rule.ts';
import { courtPeriodDays } from '../domain/courtDays.ts';
import { IsoDate } from '../domain/date.ts';

type Request = { receivedOn?: string; usProcess?: string; requester?: { country?: string }; dataAgeDays?: number; target?: { usPerson: boolean; residesInUS: boolean; residenceCountry: string; foreignLawAtRisk?: string }; categories?: readonly DataCategory[] };
const request = (info: StepInfo) => (info.input ?? {}) as Request;
/** Legal process reviewed or received: a disclosure after it is made under process, not in an emergency. */
const underProcess = anyOf(onEvent('review.completed'), onEvent('process.received'));
const disclosed = (event: StepInfo['event']) => (event as { categories?: readonly DataCategory[] }).categories ?? [];

export const compellableOnly: Rule = {
  id: 'compellable-only',
  title: 'Data is disclosed only under a process that compels that category',
  rationale: 'No content without a warrant or equivalent, none to civil litigants; subpoenas reach basic subscriber information, pen registers forward-looking non-content, NSLs four record types. A process that reaches a category reaches its parts: an NSL’s subscriber identity and toll records are parts of basic subscriber information, so a subpoena reaches them, but an NSL does not reach the rest (IPs, payment).',
  sources: [
    src('§1 notes', 'SCA ladder: BSI by subpoena, non-content by 2703(d), content by warrant', 'S'),
    src('§1 row 11', 'NSL: name, address, length of service, toll billing records only; no IP addresses', 'S'),
    src('§10 note 3', 'Modelling inference, not law: invariants on production', '?'),
  ],
  scope: 'catalogue kinds (a machine’s meta.kind) with a row in the compellable table',
  appliesTo: (ctx) => ctx.kind !== undefined && ctx.kind in COMPELLABLE && ctx.events.has('data.disclosed'),
  premise: { text: 'data is disclosed', match: () => onEvent('data.disclosed') },
  check: (ctx) => {
    const allowed = COMPELLABLE[ctx.kind as string];
    return neverStep(
      onEvent('data.disclosed', (e, info) => disclosed(e).some((c) => !covers(allowed?.categories(request(info), ctx.policy) ?? [], c))),
      `data was disclosed beyond what ${/^[aeiou]/.test(ctx.kind ?? '') ? 'an' : 'a'} ${ctx.kind} compels or allows`,
    );
  },
};

export const emergencyAssessedFirst: Rule = {
  id: 'emergency-assessed-first',
  title: 'An emergency disclosure follows a positive good-faith assessment',
  rationale: '2702(b)(8) and (c)(4) allow disclosure without process only on a good-faith belief in danger of death or serious physical injury; a policy’s wider criteria (property damage, financial harm) do not open them. A disclosure after legal process was reviewed or received is made under that process, not in an emergency.',
  sources: EMERGENCY_LAW.sources.slice(0, 2),
  scope: 'machines with emergency.assessed and data.disclosed',
  appliesTo: (ctx) => ctx.events.has('emergency.assessed') && ctx.events.has('data.disclosed'),
  premise: { text: 'data is disclosed', match: () => onEvent('data.disclosed') },
  check: () =>
    precedence({
      target: onEvent('data.disclosed'),
      after: onEvent('emergency.assessed', (e) => statutoryEmergency(e.criterion)),
      excuse: underProcess,
      message: 'data was disclosed in an emergency without a good-faith assessment of danger of death or serious physical injury',
    }),
};

export const emergencyFollowUp: Rule = {
  id: 'emergency-follow-up',
  title: 'An emergency disclosure is followed by a request for legal process',
  rationale: 'Providers ask for the legal process afterwards; policy sets how soon. Process that arrives meanwhile answers the duty.',
  sources: [src('§intro source 1', 'Cloudflare: legal process asked for afterwards', 'S')],
  scope: 'machines with emergency.assessed or process.followUpRequested, and data.disclosed',
  appliesTo: (ctx) => (ctx.events.has('emergency.assessed') || ctx.events.has('process.followUpRequested')) && ctx.events.has('data.disclosed'),
  premise: { text: 'data is disclosed', match: () => onEvent('data.disclosed') },
  check: (ctx) =>
    respondWithin({
      trigger: onEvent('data.disclosed'),
      response: onEvent('process.followUpRequested'),
      cancel: onEvent('process.received'),
      // On a machine that assesses emergencies, only a disclosure after an assessment is an emergency one, and none after legal process came.
      ...(ctx.events.has('emergency.assessed') ? { arm: onEvent('emergency.assessed'), disarm: underProcess } : {}),
      message: `no legal process was asked for within ${durationDays(ctx.policy.emergency.followUpWithin)} days of an emergency disclosure, and the case was not flagged overdue`,
    })(durationDays(ctx.policy.emergency.followUpWithin)),
};

/** A disclosure of a non-US person's data that conflicts with their residence country's law comes only after a challenge. */
export const foreignLawConflictChallenged: Rule = {
  id: 'foreign-law-conflict-challenged',
  title: 'A demand that conflicts with the user’s residence-country law is challenged before any disclosure',
  rationale: 'Cloudflare commits to challenge requests that conflict with the privacy law of the user’s country of residence.',
  sources: [src('§8', 'Provider stance: challenge requests conflicting with residence-country privacy law', 'S')],
  scope: 'policies that challenge foreignLawConflict findings; machines with review.completed and data.disclosed',
  appliesTo: (ctx) => ctx.policy.challenges.grounds.includes('foreignLawConflict') && ['review.completed', 'data.disclosed'].every((e) => ctx.events.has(e)),
  premise: { text: 'review finds a conflict with foreign law', match: () => onEvent('review.completed', (e) => e.finding === 'foreignLawConflict') },
  check: () => ({ type: 'monitor', monitor: conflictMonitor() }),
};

/**
 * States are 2 bits: conflict found (2), challenge filed (1). Once a challenge is filed the rule
 * can no longer fail, whether a conflict was found or not, so those two states share a key: the
 * graph walk keeps a node apart for each key its runs reach, and a split that decides nothing only
 * makes the walk longer (by a third on the largest graphs).
 */
function conflictMonitor(): Monitor<number> {
  const disclosed = onEvent('data.disclosed');
  const conflict = onEvent('review.completed', (e) => e.finding === 'foreignLawConflict');
  const challenged = onEvent('challenge.filed');
  const violation = { message: 'data was disclosed despite a conflict with the residence country’s law, with no challenge filed' };
  // Steps are read, never changed: one object per state and verdict, made once.
  const fine = [0, 1, 2, 3].map((state): MonitorStep<number> => ({ state }));
  const broken = [0, 1, 2, 3].map((state): MonitorStep<number> => ({ state, violation }));
  const keys = ['none', 'challenged', 'conflict', 'challenged'];
  const next = (s: number, info: StepInfo): MonitorStep<number> => {
    const bad = s === 2 && disclosed(info);
    const state = s | (conflict(info) ? 2 : 0) | (challenged(info) ? 1 : 0);
    return (bad ? broken : fine)[state] as MonitorStep<number>;
  };
  return { initial: (info) => next(0, info), step: next, key: (s) => keys[s] as string };
}

export const cloudActMotionWindow: Rule = {
  id: 'cloud-act-motion-window',
  title: 'A CLOUD Act motion is filed within its 14 days, for an eligible customer, or not at all',
  rationale: '2703(h)(2): 14 days from service, counted as a court counts them (a last day on a weekend or legal holiday runs on to the next court day); only for a non-US person not residing in the US, for content, where a qualifying foreign government’s law is at risk.',
  sources: [
    src('§1 row 14', '18 U.S.C. 2703(h)', 'S'),
    src('§2 CLOUD_MOTION_TO_QUASH', '14 days from service', 'S'),
    src('§2', 'Day-counting: FRCP 6(a) and Fed. R. Crim. P. 45 for U.S. federal rules', 'L'),
    src('§8', 'Qualifying foreign governments: partners with an agreement in force', 'S'),
  ],
  scope: 'machines that can file the cloudActComityMotion route',
  appliesTo: (ctx) => ctx.events.has('challenge.filed'),
  premise: { text: 'a CLOUD Act motion is filed', match: () => onEvent('challenge.filed', (e) => e.route === CLOUD_ACT_ROUTE.id) },
  check: () => {
    const filing = onEvent('challenge.filed', (e) => e.route === CLOUD_ACT_ROUTE.id);
    const covered = (info: StepInfo) => {
      const { target, receivedOn, categories } = request(info);
      return !!target && !target.usPerson && !target.residesInUS && partnerInForce(target.foreignLawAtRisk ?? target.residenceCountry, receivedOn) && sharedCategories(categories ?? [], ['content']).length > 0;
    };
    return { type: 'monitor', monitor: motionWindowMonitor(filing, covered) };
  },
};

/**
 * The motion's days for a run: 14 from service, its last day rolled past a weekend or legal
 * holiday as a court counts a statute's days (FRCP 6(a)(1)(C), Fed. R. Crim. P. 45(a)(1)(C)); 14
 * when the request bears no date.
 */
function motionDays(input: unknown): number {
  const on = (input as { receivedOn?: unknown } | undefined)?.receivedOn;
  if (typeof on !== 'string' || !IsoDate.safeParse(on).success) return CLOUD_ACT_ROUTE.days;
  return courtPeriodDays(on, CLOUD_ACT_ROUTE.days);
}

/**
 * Its state is the run's number of days (`motionDays`), a filing after them breaking the rule; or
 * 0 on a run whose request the statute does not cover, where any filing breaks it. Only a covered
 * run starts the clock: on the others it would split zones for a bound nothing reads.
 */
function motionWindowMonitor(filing: (info: StepInfo) => boolean, covered: (info: StepInfo) => boolean): Monitor<number> {
  const clock = '@since';
  const uncovered = { stay: { state: 0 }, filed: { state: 0, violation: { message: 'a CLOUD Act motion was filed for a customer the statute does not cover' } } };
  const steps = new Map<number, { stay: MonitorStep<number>; start: MonitorStep<number>; late: MonitorStep<number> }>();
  const stepsFor = (days: number) => {
    let known = steps.get(days);
    if (!known) {
      const rolled = days === CLOUD_ACT_ROUTE.days ? '' : ` (${CLOUD_ACT_ROUTE.days}, the last rolled past a weekend or legal holiday)`;
      const violation = { message: `the CLOUD Act motion was filed more than ${days} days after service${rolled}`, when: { clock, op: '>=' as const, value: days + 1 } };
      steps.set(days, (known = { stay: { state: days }, start: { state: days, start: [clock] }, late: { state: days, violation } }));
    }
    return known;
  };
  return {
    initial: (info) => (covered(info) ? stepsFor(motionDays(info.input)).start : uncovered.stay),
    step: (days, info) => {
      if (days === 0) return filing(info) ? uncovered.filed : uncovered.stay;
      return filing(info) ? stepsFor(days).late : stepsFor(days).stay;
    },
    key: (days) => String(days),
    clockMax: { [clock]: CLOUD_ACT_ROUTE.days + 4 },
  };
}

export const noDisclosurePastRetention: Rule = {
  id: 'no-disclosure-past-retention',
  title: 'No disclosure of data past its retention: such a request ends in “no records”',
  rationale: 'A provider cannot produce what its published retention says is gone; claiming otherwise misstates the policy.',
  sources: [src('§7', 'Retention rules (Let’s Encrypt, Cloudflare)', 'S')],
  scope: 'machines with data.disclosed whose request gives dataAgeDays',
  appliesTo: (ctx) => ctx.events.has('data.disclosed'),
  premise: { text: 'a request asks for data past its retention', match: (ctx) => (info) => info.kind === 'start' && (request(info).categories ?? []).some((c) => !decisionsFor(ctx.policy).retained(c, request(info).dataAgeDays ?? 0)) },
  check: (ctx) => {
    const d = decisionsFor(ctx.policy);
    return neverStep(
      onEvent('data.disclosed', (e, info) => disclosed(e).some((c) => !d.retained(c, request(info).dataAgeDays ?? 0))),
      'data older than the policy’s retention was disclosed',
    );
  },
};
