import { z } from 'zod';
import { DataCategory } from './categories.ts';
import { IsoDate } from './date.ts';
import { GagDays } from './events.ts';

const Country = z.string().regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166 two-letter country code like US, GB or DE' });

/** Fields every request carries, whatever its kind. */
export const RequestBase = z
  .object({
    id: z.string().min(1).optional(),
    kind: z.string().min(1),
    receivedOn: IsoDate,
    account: z.string().min(1),
    requester: z.object({ name: z.string().min(1), country: Country.default('US') }).strict(),
  })
  .strict();

/** The person whose data is sought: nationality and residence decide comity and CLOUD Act routes (DOMAIN §8). */
export const Target = z
  .object({
    usPerson: z.boolean(),
    residesInUS: z.boolean(),
    residenceCountry: Country,
    /** Whose law disclosure risks breaking, when not the residence country's (2703(h)(2)(A)(ii): data held under another partner's law). */
    foreignLawAtRisk: Country.optional(),
  })
  .strict();
export type Target = z.infer<typeof Target>;

/** Intake of a demand for data: what is sought, how old it is, and any gag served with it. */
export const DemandRequest = RequestBase.extend({
  target: Target,
  categories: z.array(DataCategory).min(1),
  dataAgeDays: z.number().int().min(0).default(0),
  /** A gag served with the request: its length, none for open-ended, and the date it bears when it is not the day of receipt (its term runs from that date). */
  secrecyOrder: z.object({ days: GagDays.optional(), issuedOn: IsoDate.optional() }).strict().optional(),
  secrecyCertified: z.boolean().default(false),
  usProcess: z.enum(['subpoena', 'courtOrder', 'searchWarrant']).optional(),
  /** The date the process bears, when it was issued before it was received: an order's term runs from it. */
  issuedOn: IsoDate.optional(),
  /** The compliance date the process sets: a window that closes at the earlier of its length and this date ends here. */
  complyBy: IsoDate.optional(),
  /** An emergency order, for a kind whose law answers one sooner (a European Production Order's 8 hours). */
  emergency: z.boolean().optional(),
  /**
   * The order's certificate says the issuing authority notified the enforcing authority of the
   * provider's Member State (Reg. 2023/1543 Art. 8): that authority may raise a ground for
   * refusal within 10 days of receipt (96 hours for an emergency order), and an order that is not
   * an emergency waits for it.
   */
  enforcingStateNotified: z.boolean().optional(),
  /** The provider only carried the material (a 17 U.S.C. 512(a) conduit) and stored none of it: a DMCA 512(h) subpoena does not reach it. */
  conduit: z.boolean().optional(),
  /**
   * Whether the order concerns serious crime, as a CLOUD Act agreement requires of a partner's
   * order (2523(b)); absent, as such an order asserts, it does. `false` turns the order away.
   */
  seriousCrime: z.boolean().optional(),
}).strict();
export type DemandRequest = z.infer<typeof DemandRequest>;

export { Country };
