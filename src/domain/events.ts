import { z } from 'zod';
import { DataCategory } from './categories.ts';
import { MAX_DAYS } from './duration.ts';
import { IsoDate } from './date.ts';

/** What a provider's review of the process can find (DOMAIN §1, "challenge route" column). */
export const ReviewFinding = z.enum(['sufficient', 'overbroad', 'defective', 'foreignLawConflict']);
export type ReviewFinding = z.infer<typeof ReviewFinding>;

/** Ways a nondisclosure obligation ends (DOMAIN §3). */
export const LiftReason = z.enum(['lifted', 'courtOrder', 'threeYearReview', 'investigationClosed']);
export type LiftReason = z.infer<typeof LiftReason>;

/** Grounds the provider may give for not notifying (DOMAIN §4: LE "futile", Google "hijacked"). */
export const NoticeException = z.enum(['futility', 'accountCompromised']);
export type NoticeException = z.infer<typeof NoticeException>;

/** Kinds of danger a good-faith emergency assessment can find (DOMAIN §5). */
export const EmergencyCriterion = z.enum(['deathOrSeriousInjury', 'propertyDamage', 'significantFinancialHarm']);
export type EmergencyCriterion = z.infer<typeof EmergencyCriterion>;

/** Whole days from `min` to `MAX_DAYS`; a refinement, not `.max()`, so the scenario file's JSON Schema, generated from it, stays as it is. */
const daysFrom = (min: 0 | 1) =>
  z
    .number()
    .int()
    .min(min)
    .refine((d) => d <= MAX_DAYS, { message: `is more than ${MAX_DAYS} days (100 years)`, params: { fix: `give at most ${MAX_DAYS}, or leave days out for a gag with no end date` } });

/** A gag's length in days, at most `MAX_DAYS`. */
export const GagDays = daysFrom(1);

/** A gag's days still to run after the day it comes, as a machine takes them: 0 binds for the rest of that day. */
const GagDaysLeft = daysFrom(0);

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape }).strict();

/**
 * Fields a sender may give that no machine sees: `eventAsOf` turns them into what a machine
 * takes (a dated order's days left) before a step, so the explorer never tries them.
 */
export const SENT_ONLY_FIELDS: Readonly<Record<string, readonly string[]>> = { 'secrecy.imposed': ['issuedOn'] };

const imposed = ev('secrecy.imposed', { days: GagDaysLeft.optional() });

/** `secrecy.imposed` as a case tool may send it: the order's term (a day at least), and the date it bears, its days counted from it. */
const imposedAsSent = ev('secrecy.imposed', { days: GagDays.optional(), issuedOn: IsoDate.optional() }).refine((e) => e.issuedOn === undefined || e.days !== undefined, {
  path: ['issuedOn'],
  message: 'is given for an order with no end date (no days): its date changes nothing',
  params: { fix: 'give the order’s term in days beside issuedOn, or leave issuedOn out' },
});

const vocabulary = <I extends typeof imposed | typeof imposedAsSent>(secrecyImposed: I) =>
  [
    ev('review.completed', { finding: ReviewFinding }),
    ev('challenge.filed', { route: z.string().min(1) }),
    ev('challenge.governmentApplied', { route: z.string().min(1) }),
    ev('challenge.decided', { route: z.string().min(1), outcome: z.enum(['won', 'lost', 'modified']) }),
    secrecyImposed,
    ev('secrecy.lifted', { reason: LiftReason }),
    ev('notice.sent', {}),
    ev('notice.waived', { reason: NoticeException }),
    ev('data.disclosed', { categories: z.array(DataCategory).min(1) }),
    ev('request.refused', { ground: z.string().min(1) }),
    ev('request.withdrawn', {}),
    ev('request.verified', { authentic: z.boolean() }),
    ev('request.fulfilled', {}),
    ev('emergency.assessed', { criterion: EmergencyCriterion.nullable() }),
    ev('emergency.ended', {}),
    ev('process.followUpRequested', {}),
    ev('process.received', {}),
    ev('preservation.extended', {}),
    ev('order.extended', {}),
    ev('complaint.forwarded', { to: z.enum(['host', 'owner']) }),
    ev('complainant.informed', {}),
    ev('response.extended', { reasons: z.string().min(1) }),
    ev('enforcingAuthority.cleared', {}),
    ev('enforcingAuthority.refused', { ground: z.string().min(1) }),
  ] as const;

/**
 * The compliance vocabulary every machine speaks (DESIGN.md "Vocabulary"), as a sender gives it.
 * Rules and tools read only these event types; a user's own machine that speaks them is checked
 * the same way. A machine takes each as `MachineEvent` has it.
 */
export const VocabularyEvent = z.discriminatedUnion('type', vocabulary(imposedAsSent));

/**
 * The vocabulary as a machine takes it: no field of `SENT_ONLY_FIELDS` (a gag order imposed
 * during a case comes with its days left, never its date). The explorer's events and a
 * scenario's steps are these.
 */
export const MachineEvent = z.discriminatedUnion('type', vocabulary(imposed));
export type MachineEvent = z.infer<typeof MachineEvent>;
export type VocabularyEvent = z.infer<typeof VocabularyEvent>;
export type EventOf<T extends VocabularyEvent['type']> = Extract<VocabularyEvent, { type: T }>;

/** Every vocabulary event type, in declaration order. */
export const EVENT_TYPES = VocabularyEvent.options.map((o) => o.shape.type.value);
