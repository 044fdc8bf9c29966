import { durationDays } from '../domain/duration.ts';
import { src } from '../domain/source.ts';
import type { Monitor, MonitorStep, StepInfo } from '../explore/Monitor.ts';
import { gagOfAnotherCase } from './answerHeldUnderGag.ts';
import { after, allOf, anyOf, entering, leaving, onEvent, raising } from './language.ts';
import type { Rule, RuleContext } from './Rule.ts';

const gagDays = (info: StepInfo): number | null => {
  if (info.post.hasTag('secrecyOpenEnded')) return null;
  if (info.kind === 'event' && info.event.type === 'secrecy.imposed') return (info.event.days as number | undefined) ?? null;
  return (info.input as { secrecyOrder?: { days?: number } } | undefined)?.secrecyOrder?.days ?? null;
};

/** A gag comes into force at this step: the first, or one imposed over it (an open-ended order replacing a 30-day one). */
const gagBegins = anyOf(entering('secrecy'), allOf(onEvent('secrecy.imposed'), after('secrecy')));

const leavesGag = leaving('secrecy');

/** A new order, or a court's word on the old one: a gag taken up at this step is a new one. */
const renewed = anyOf(onEvent('secrecy.imposed'), onEvent('challenge.decided'));

/** The gag is ended by the law at this step: lifted, or decided against. A machine leaving it any other way may be blinking. */
const endedByLaw = anyOf(onEvent('secrecy.lifted'), onEvent('challenge.decided'));

/** The gag entered at this step is open-ended or longer than the policy tolerates. */
function tooLong(ctx: RuleContext, info: StepInfo): boolean {
  const days = gagDays(info);
  const limit = ctx.policy.challenges.secrecyLongerThan;
  return days === null ? ctx.policy.challenges.openEndedSecrecy : limit !== null && days > durationDays(limit);
}

/**
 * `idle`: no challenge owed. `waiting`: a gag the policy challenges is in force, its clock
 * running. `suspended`: the machine left that gag other than by a lift or a decision; the clock
 * runs on, so a gag taken up again with no new order resumes the duty where it stood instead of
 * starting it over (a machine that steps out of its gag and back cannot put the challenge off).
 */
type Phase = 'idle' | 'waiting' | 'suspended';

function challengeMonitor(ctx: RuleContext, days: number): Monitor<Phase> {
  const clock = '@challenge';
  const message = `a gag the policy challenges was not challenged within ${days} days, and the case was not flagged overdue`;
  const challenged = entering('secrecyChallenged');
  // The gag's own flag: an overdue state inside the gag, not another duty's elsewhere.
  const alarm = raising('overdue', 'secrecy');
  const idle: MonitorStep<Phase> = { state: 'idle' };
  const wait: MonitorStep<Phase> = { state: 'waiting' };
  const start: MonitorStep<Phase> = { state: 'waiting', start: [clock] };
  const stop: MonitorStep<Phase> = { state: 'idle', stop: [clock] };
  const suspend: MonitorStep<Phase> = { state: 'suspended' };
  // A challenge before the court when a new order comes is heard with it: no second one is owed.
  const fresh = (info: StepInfo) => gagBegins(info) && tooLong(ctx, info) && !info.post.hasTag('secrecyChallenged') && !leavesGag(info);
  const next = (s: Phase, info: StepInfo): MonitorStep<Phase> => {
    if (s === 'idle') return fresh(info) ? start : idle;
    if (challenged(info)) return stop;
    if (s === 'waiting') {
      if (alarm(info) || (leavesGag(info) && endedByLaw(info))) return stop;
      return leavesGag(info) ? suspend : wait;
    }
    // Suspended: the law ending the gag closes the duty; the gag taken up again with no new order resumes it.
    if (!info.post.hasTag('secrecy')) return endedByLaw(info) ? stop : suspend;
    if (!renewed(info)) return wait;
    return fresh(info) ? start : stop;
  };
  return {
    initial: (info) => next('idle', info),
    step: next,
    deadline: (s) => (s === 'waiting' ? { clock, days, message } : null),
    key: (s) => s,
    clockMax: { [clock]: days + 1 },
  };
}

export const challengeLongSecrecy: Rule = {
  id: 'challenge-long-secrecy',
  title: 'Open-ended secrecy, or secrecy longer than the policy’s limit, is challenged within the policy’s time',
  rationale: 'Providers commit to challenge gags that restrict notice more than needed; DOJ policy seeks one year or less.',
  sources: [src('§4', 'Cloudflare challenges requests that unduly restrict notice', 'S'), src('§1 row 7', 'DOJ 2017 policy: one year or less', 'S')],
  scope: 'policies that challenge open-ended or long gags; machines with a secrecy tag, but a kind whose gag is another case’s (challenged there)',
  appliesTo: (ctx) => (ctx.policy.challenges.openEndedSecrecy || ctx.policy.challenges.secrecyLongerThan !== null) && ctx.tags.has('secrecy') && !gagOfAnotherCase(ctx),
  premise: { text: 'a gag the policy challenges comes into force', match: (ctx) => (info) => gagBegins(info) && tooLong(ctx, info) },
  check: (ctx) => ({ type: 'monitor', monitor: challengeMonitor(ctx, durationDays(ctx.policy.challenges.within)) }),
};
