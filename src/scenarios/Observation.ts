import { z } from 'zod';
import { DataCategory } from '../domain/categories.ts';
import { IsoDate } from '../domain/date.ts';

/** User-notice status, as `noticeStatus` reads it from the vocabulary tags. */
export const NoticeStatus = z.enum(['not sent', 'due', 'sent', 'deferred', 'waived', 'not required', 'overdue']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/** A deadline pending on a case: the delay's name and the day at whose end it passes. */
export const PendingDeadline = z
  .object({
    name: z.string().min(1).describe('the delay’s name: P14D, objectionWindow, secrecyTerm, …'),
    due: IsoDate.describe('the day at whose end the deadline passes'),
  })
  .strict();
export type PendingDeadline = z.infer<typeof PendingDeadline>;

/**
 * What any implementation of a case tool can be asked about a case, in the compliance
 * vocabulary only (no state names): the conformance suite compares exactly these fields.
 */
export const Observation = z
  .object({
    /** The vocabulary tags of the case's current state, sorted. */
    tags: z.array(z.string()).describe('the vocabulary tags of the current state, sorted'),
    /** Whether a nondisclosure obligation covers the request now. */
    secrecy: z.boolean().describe('whether a nondisclosure obligation covers the request now'),
    notice: NoticeStatus.describe('the user-notice status'),
    /** Every category disclosed so far, in `DATA_CATEGORIES` order. */
    disclosed: z.array(DataCategory).describe('every category disclosed so far, in catalogue order'),
    /** Pending deadlines, by due date then name. */
    deadlines: z.array(PendingDeadline).describe('pending deadlines, by due date then name'),
  })
  .strict();
export type Observation = z.infer<typeof Observation>;
