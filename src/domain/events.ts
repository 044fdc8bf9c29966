import { z } from 'zod';
import { DataCategory } from './categories.ts';
import { MAX_DAYS } from './duration.ts';

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

/**
 * A gag's length in days, at most `MAX_DAYS`. A refinement, not `.max()`: the scenario file's
 * JSON Schema, generated from this one, stays as it is.
 */
export const GagDays = z
  .number()
  .int()
  .positive()
  .refine((d) => d <= MAX_DAYS, { message: `is more than ${MAX_DAYS} days (100 years)`, params: { fix: `give at most ${MAX_DAYS}, or leave days out for a gag with no end date` } });

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape }).strict();

/**
 * The compliance vocabulary every machine speaks (DESIGN.md "Vocabulary"). Rules and tools read
 * only these event types; a user's own machine that speaks them is checked the same way.
 */
export const VocabularyEvent = z.discriminatedUnion('type', [
  ev('review.completed', { finding: ReviewFinding }),
  ev('challenge.filed', { route: z.string().min(1) }),
  ev('challenge.governmentApplied', { route: z.string().min(1) }),
  ev('challenge.decided', { route: z.string().min(1), outcome: z.enum(['won', 'lost', 'modified']) }),
  ev('secrecy.imposed', { days: GagDays.optional() }),
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
]);
export type VocabularyEvent = z.infer<typeof VocabularyEvent>;
export type EventOf<T extends VocabularyEvent['type']> = Extract<VocabularyEvent, { type: T }>;

/** Every vocabulary event type, in declaration order. */
export const EVENT_TYPES = VocabularyEvent.options.map((o) => o.shape.type.value);
