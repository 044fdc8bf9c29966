import { z } from 'zod';
import { IsoDate } from './date.ts';
import { MAX_DAYS } from './duration.ts';
import { VocabularyEvent } from './events.ts';

/** A line's day: whole days since receipt (day 0), at most `MAX_DAYS`. */
const Day = z
  .number()
  .int()
  .min(0, { message: 'day counts from receipt (day 0) and cannot be negative' })
  .max(MAX_DAYS, { message: `is more than ${MAX_DAYS} days (100 years) after receipt, longer than a case is modelled over` });

/**
 * One line of a case's event file: when (a day number from receipt, or a date) and, optionally,
 * what happened. A line with no event only moves the clock, firing the timers due by then.
 */
export const DatedEvent = z
  .object({
    day: Day.optional(),
    date: IsoDate.optional(),
    event: VocabularyEvent.optional(),
  })
  .strict()
  .refine((e) => (e.day === undefined) !== (e.date === undefined), {
    message: 'give exactly one of "day" (days since receipt) or "date" (YYYY-MM-DD)',
    path: ['day'],
  });
export type DatedEvent = z.infer<typeof DatedEvent>;

export const DatedEvents = z.array(DatedEvent);

/**
 * The lines of a story for a machine of the user's own: its events may be of its own types, so
 * an event here is any object with a string `type`; a vocabulary type is still checked against
 * the vocabulary when the story is replayed (`parseEvent` with `ownTypes`).
 */
export const OwnDatedEvents = z.array(
  z
    .object({
      day: Day.optional(),
      date: IsoDate.optional(),
      event: z.object({ type: z.string().min(1) }).passthrough().optional(),
    })
    .strict()
    .refine((e) => (e.day === undefined) !== (e.date === undefined), {
      message: 'give exactly one of "day" (days since receipt) or "date" (YYYY-MM-DD)',
      path: ['day'],
    }),
);
