import { IsoDate, monthsInDays } from '../domain/date.ts';
import { durationDays, monthsDaysAtMost } from '../domain/duration.ts';
import { src } from '../domain/source.ts';
import type { Monitor, StepInfo } from '../explore/Monitor.ts';
import { snapshotKey } from '../explore/snapshotKey.ts';
import { ERASURE_GROUNDS } from './compellableByKind.ts';
import { anyOf, entering, neverStep, onEvent, raisingUnclaimed, terminates } from './language.ts';
import type { Rule } from './Rule.ts';

export const termination: Rule = {
  id: 'termination',
  title: 'Every run reaches an outcome or waits on an open-ended obligation: no dead ends',
  rationale: 'A case that can get stuck with nothing left to do and no outcome is a lost case.',
  sources: [src('§10 note 2', 'Modelling inference, not law: open-ended gags "may never end"; everything else ends', '?')],
  scope: 'every machine',
  appliesTo: () => true,
  premise: { text: 'the case reaches an outcome', match: () => entering('closed') },
  check: () => terminates(),
};

export const noSilentDeadline: Rule = {
  id: 'no-silent-deadline',
  title: 'A deadline never passes silently: every timer that fires changes the case',
  rationale: 'Each deadline ends in compliance, a challenge, a recorded refusal, or a flagged miss; a timer that fires and changes nothing was lost.',
  sources: [src('§10 note 1', 'Modelling inference, not law: separate clocks per request, each with an effect', '?'), src('§2', 'Every timer has an effect column', 'S')],
  scope: 'every machine with timers',
  appliesTo: () => true,
  premise: { text: 'a deadline passes', match: () => (info) => info.kind === 'timer' },
  check: () =>
    neverStep(
      (info) => info.kind === 'timer' && info.pre !== null && snapshotKey(info.pre) === snapshotKey(info.post) && !flaggedAlready(info),
      'a timer fired and nothing in the case changed: the deadline passed silently',
    ),
};

type ChartNode = { id: string; type: string; tags: readonly string[]; parent?: ChartNode };

/**
 * The timer's own duty is flagged already: a state tagged `overdue` is active inside the state
 * that started it, in the same region (a later limit of a duty already late). An `overdue` flag
 * elsewhere, for another duty, excuses nothing, nor one in another region under a parallel
 * state (the timer on a machine's root owns no region's flag).
 */
function flaggedAlready(info: StepInfo): boolean {
  const owner = info.event.type.slice(`xstate.after.${info.delay ?? ''}.`.length);
  const active = (info.pre as unknown as { _nodes: readonly ChartNode[] })._nodes;
  return active.some((n) => {
    if (!n.tags.includes('overdue')) return false;
    for (let at: ChartNode | undefined = n; at; at = at.parent) {
      if (at.id === owner) return at.type !== 'parallel';
      if (at.type === 'parallel') return false;
    }
    return false;
  });
}

export const preservationTerm: Rule = {
  id: 'preservation-term',
  title: 'Preservation lasts 90 days, extended at most once by 90, then is released unless process came',
  rationale: '2703(f)(2): 90 days, one 90-day extension on renewed request.',
  sources: [src('§2 SCA_PRESERVE_INITIAL', '90 days', 'L'), src('§2 SCA_PRESERVE_EXTENSION', '+90 days; repeated renewals debated', '?')],
  scope: 'machines with a preserving tag',
  appliesTo: (ctx) => ctx.tags.has('preserving'),
  premise: { text: 'preservation is extended', match: () => onEvent('preservation.extended') },
  check: () => ({ type: 'monitor', monitor: preservationMonitor() }),
};

function preservationMonitor(): Monitor<{ extensions: number; preserving: boolean }> {
  type S = { extensions: number; preserving: boolean };
  const clock = '@preserve';
  const next = (s: S, info: StepInfo) => {
    const extensions = s.extensions + (onEvent('preservation.extended')(info) ? 1 : 0);
    const state = { extensions: Math.min(extensions, 2), preserving: info.post.hasTag('preserving') };
    if (extensions > 1) return { state, violation: { message: 'preservation was extended more than once' } };
    const limit = extensions === 1 ? 180 : 90;
    if (entering('released')(info)) return { state, violation: { message: `preservation was released before its ${limit} days ran out`, when: { clock, op: '<=' as const, value: limit - 1 } } };
    return { state, ...(info.kind === 'start' ? { start: [clock] } : {}) };
  };
  return {
    initial: (info) => next({ extensions: 0, preserving: false }, info),
    step: next,
    deadline: (s) => (s.preserving ? { clock, days: s.extensions === 1 ? 180 : 90, message: 'records were still held after the preservation period and any single extension' } : null),
    key: (s) => `${s.extensions}${s.preserving ? 1 : 0}`,
    clockMax: { [clock]: 181 },
  };
}

export const abuseComplaintHandling: Rule = {
  id: 'abuse-complaint-handling',
  title: 'An abuse complaint is forwarded to host and owner, and never yields subscriber data without legal process',
  rationale: 'Cloudflare forwards complaints to the website owner and the host, tells the complainant who the host is, and otherwise follows legal process.',
  sources: [src('§intro source 2', 'Cloudflare 2018 letter: forward to owner and host unless asked otherwise; name the host', 'S')],
  scope: 'machines with complaint.forwarded',
  appliesTo: (ctx) => ctx.events.has('complaint.forwarded'),
  premise: { text: 'the complaint is forwarded', match: () => onEvent('complaint.forwarded') },
  check: () => ({ type: 'monitor', monitor: abuseMonitor() }),
};

function abuseMonitor(): Monitor<{ host: boolean; owner: boolean; told: boolean }> {
  type S = { host: boolean; owner: boolean; told: boolean };
  const next = (s: S, info: StepInfo) => {
    const state = {
      host: s.host || onEvent('complaint.forwarded', (e) => e.to === 'host')(info),
      owner: s.owner || onEvent('complaint.forwarded', (e) => e.to === 'owner')(info),
      told: s.told || onEvent('complainant.informed')(info),
    };
    const ownerNeeded = (info.input as { forwardToOwner?: boolean } | undefined)?.forwardToOwner !== false;
    if (onEvent('data.disclosed')(info)) return { state, violation: { message: 'subscriber data was given out on an abuse complaint, with no legal process' } };
    if (entering('forwarded')(info) && !(state.host && (state.owner || !ownerNeeded) && state.told)) {
      return { state, violation: { message: 'the complaint was closed as forwarded without reaching the host, the owner (unless declined) and the complainant' } };
    }
    return { state };
  };
  return { initial: (info) => next({ host: false, owner: false, told: false }, info), step: next, key: (s) => `${+s.host}${+s.owner}${+s.told}` };
}

export const dataSubjectDeadline: Rule = {
  id: 'data-subject-deadline',
  title: 'A data-subject request is answered within one month, or three when the extension was announced within the first',
  rationale: 'GDPR Art. 12(3).',
  sources: [src('§2 GDPR_RESPONSE', 'one month', 'S'), src('§2 GDPR_EXTENSION', '+2 months, announced within the first', 'S'), src('§2', 'Modelling cautions: months counted by the calendar under Regulation 1182/71', 'L')],
  scope: 'machines with response.extended or request.fulfilled',
  appliesTo: (ctx) => ctx.events.has('response.extended') || ctx.events.has('request.fulfilled'),
  premise: { text: 'the response is extended', match: () => onEvent('response.extended') },
  check: (ctx) => ({ type: 'monitor', monitor: dsrMonitor(Math.max(0, ...(ctx.explored?.inputs ?? []).map((i) => dsrDays(i)[1])) || monthsDaysAtMost(3)) }),
};

/**
 * The first month and the three months of a run from `input`, in days: by the calendar from the
 * day it was received (DOMAIN §2 cautions), or at their shortest when it bears no date.
 */
function dsrDays(input: unknown): readonly [number, number] {
  const on = (input as { receivedOn?: unknown } | undefined)?.receivedOn;
  return typeof on === 'string' && IsoDate.safeParse(on).success ? [monthsInDays(on, 1), monthsInDays(on, 3)] : [durationDays('P1M'), durationDays('P3M')];
}

/** `longest`: the most days the three months of any explored run last (the clock's bound). */
function dsrMonitor(longest: number): Monitor<{ waiting: boolean; extended: boolean; month: number; months: number }> {
  type S = { waiting: boolean; extended: boolean; month: number; months: number };
  const clock = '@dsr';
  const answer = anyOf(onEvent('request.fulfilled'), onEvent('request.refused'), onEvent('request.withdrawn'));
  const flagged = raisingUnclaimed('overdue');
  const next = (s: S, info: StepInfo) => {
    if (info.kind === 'start') {
      const [month, months] = dsrDays(info.input);
      return { state: { waiting: true, extended: false, month, months }, start: [clock] };
    }
    if (s.waiting && (answer(info) || flagged(info))) return { state: { ...s, waiting: false }, stop: [clock] };
    if (s.waiting && onEvent('response.extended')(info)) {
      return { state: { ...s, extended: true }, violation: { message: 'the extension was announced after the first month', when: { clock, op: '>=' as const, value: s.month + 1 } } };
    }
    return { state: s };
  };
  return {
    initial: (info) => next({ waiting: false, extended: false, month: 0, months: 0 }, info),
    step: next,
    deadline: (s) => (s.waiting ? { clock, days: s.extended ? s.months : s.month, message: 'the request was neither answered nor flagged overdue in time' } : null),
    key: (s) => `${+s.waiting}${+s.extended}/${s.month}/${s.months}`,
    clockMax: { [clock]: longest + 1 },
  };
}

export const erasureGround: Rule = {
  id: 'erasure-ground',
  title: 'An erasure refusal names a listed ground',
  rationale: 'GDPR Art. 17(3) lists the exceptions, and no erasure is owed where none of the Art. 17(1) grounds applies; Let’s Encrypt cannot erase what is public in Certificate Transparency logs.',
  sources: [
    src('§7', 'GDPR Art. 17(3) exceptions', 'S'),
    src('§7', 'GDPR Art. 17(1): erasure is owed only where one of its grounds applies; DOMAIN names Art. 17(1) only for erasure “without undue delay”, not its grounds, unverified', '?'),
    src('§1 row 20', 'Let’s Encrypt: issuance records are public', 'S'),
  ],
  scope: 'machines with response.extended or request.fulfilled, and request.refused',
  appliesTo: (ctx) => (ctx.events.has('response.extended') || ctx.events.has('request.fulfilled')) && ctx.events.has('request.refused'),
  premise: { text: 'an erasure request is refused', match: () => onEvent('request.refused', (_e, info) => (info.input as { right?: string } | undefined)?.right === 'erasure') },
  check: () =>
    neverStep(
      onEvent('request.refused', (e, info) => (info.input as { right?: string } | undefined)?.right === 'erasure' && !ERASURE_GROUNDS.includes(String(e.ground))),
      'an erasure request was refused on a ground the law does not list',
    ),
};
