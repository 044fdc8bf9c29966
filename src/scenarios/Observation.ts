import { z } from 'zod';
import { DataCategory } from '../domain/categories.ts';
import { IsoDate } from '../domain/date.ts';

/** User-notice status, as `noticeStatus` reads it from the vocabulary tags. */
export const NoticeStatus = z.enum(['not sent', 'due', 'sent', 'deferred', 'waived', 'not required', 'overdue']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/** A deadline pending on a case: the delay's name and the day at whose end it passes. */
export const PendingDeadline = z.object({ name: z.string().min(1), due: IsoDate }).strict();
export type PendingDeadline = z.infer<typeof PendingDeadline>;

/**
 * What any implementation of a case tool can be asked about a case, in the compliance
 * vocabulary only (no state names): the conformance suite compares exactly these fields.
 */
export const Observation = z
  .object({
    /** The vocabulary tags of the case's current state, sorted. */
    tags: z.array(z.string()),
    /** Whether a nondisclosure obligation covers the request now. */
    secrecy: z.boolean(),
    notice: NoticeStatus,
    /** Every category disclosed so far, in `DATA_CATEGORIES` order. */
    disclosed: z.array(DataCategory),
    /** Pending deadlines, by due date then name. */
    deadlines: z.array(PendingDeadline),
  })
  .strict();
export type Observation = z.infer<typeof Observation>;
