import { isoDate } from '../domain/date.ts';
import { OUTCOME_TAGS } from '../domain/tags.ts';
import { noticeStatus } from './noticeStatus.ts';
import { type Step, stateLabel } from './TimedRun.ts';

/** A step as plain data for printing or JSON: dates, state, secrecy, notice, pending deadlines. */
export interface StepView {
  day: number;
  date: string;
  trigger: string;
  event?: { type: string };
  state: string;
  tags: string[];
  secrecy: boolean;
  notice: string;
  outcome: string | null;
  /** Each pending timer: its delay name, the state that started it, and when it fires. */
  deadlines: { timer: string; state: string; due: string; dueDay: number }[];
}

/** Describes a step of a run whose day 0 is the day number `start`. */
export function describeStep(step: Step, start: number): StepView {
  const t = step.trigger;
  return {
    day: step.day,
    date: isoDate(start + step.day),
    trigger: t.kind === 'start' ? 'received' : t.kind === 'timer' ? `timer ${t.delay} fired` : t.event.type,
    ...(t.kind === 'event' ? { event: t.event } : {}),
    state: stateLabel(step.snapshot),
    tags: [...step.snapshot.tags].sort(),
    secrecy: step.snapshot.hasTag('secrecy'),
    notice: noticeStatus(step.snapshot),
    outcome: OUTCOME_TAGS.filter((t) => step.snapshot.hasTag(t)).join(', ') || null,
    deadlines: step.timers.map((p) => ({
      timer: p.delay,
      state: p.event.split('.').slice(4).join('.'),
      due: isoDate(start + p.dueDay),
      dueDay: p.dueDay,
    })),
  };
}
