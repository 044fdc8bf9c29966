import { z } from 'zod';
import { DataCategory } from '../../src/domain/categories.ts';
import { dayNumber } from '../../src/domain/date.ts';
import { DemandRequest, RequestBase, Target } from '../../src/domain/request.ts';
import { RIGHTS } from './bespokeLaw.ts';
import { reaches } from './categoryLaw.ts';
import { DEMAND_LAW, type DemandKind } from './demandLaw.ts';

type Check = { test: (r: DemandRequest) => boolean; path: string[]; message: string };

const EU_STATES = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'EE', 'EL', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];

// The dates every demand must keep: a process and its gag order bear a date on or before receipt, a
// compliance date comes after it, and a gag order served with it has not run out before it came.
const DATED: readonly Check[] = [
  { test: (r) => !r.issuedOn || r.issuedOn <= r.receivedOn, path: ['issuedOn'], message: 'the process bears a date after it was received' },
  { test: (r) => !r.complyBy || r.complyBy > r.receivedOn, path: ['complyBy'], message: 'the compliance date is not after receipt' },
  { test: (r) => !r.secrecyOrder?.issuedOn || r.secrecyOrder.issuedOn <= r.receivedOn, path: ['secrecyOrder', 'issuedOn'], message: 'the gag order bears a date after receipt' },
  {
    test: (r) => !r.secrecyOrder?.days || !r.secrecyOrder.issuedOn || r.secrecyOrder.days >= dayNumber(r.receivedOn) - dayNumber(r.secrecyOrder.issuedOn),
    path: ['secrecyOrder', 'days'],
    message: 'the gag order ran out before the request was received',
  },
];

const demand = (kind: DemandKind, check?: Check) => {
  const schema = DemandRequest.extend({ kind: z.literal(kind, { message: `this request is for kind "${kind}"` }) });
  // DOMAIN §2 EU_EPOC_EMERGENCY: only a law with an emergency deadline reads an emergency order.
  const urgent: Check = { test: (r) => !r.emergency || DEMAND_LAW[kind].respondWithinEmergency !== undefined, path: ['emergency'], message: `a ${kind} has no shorter deadline for an emergency order` };
  // DOMAIN §1 row 18: whether the provider only carried the material decides a 512(h) subpoena, nothing else.
  const conduit: Check = { test: (r) => !r.conduit || DEMAND_LAW[kind].readsConduit === true, path: ['conduit'], message: `a ${kind} does not turn on whether the provider only carried the material` };
  // DOMAIN §8: serious crime decides an order under a CLOUD Act agreement, nothing else.
  const serious: Check = { test: (r) => r.seriousCrime === undefined || DEMAND_LAW[kind].readsSeriousCrime === true, path: ['seriousCrime'], message: `a ${kind} does not turn on whether the order concerns serious crime` };
  // DOMAIN §1 row 17: only a European Production Order names a notified enforcing authority, and only for traffic data or content (Art. 8(1)).
  const enforcing: Check = {
    test: (r) => !r.enforcingStateNotified || (DEMAND_LAW[kind].enforcingReview !== undefined && r.categories.some((c) => !reaches(['basicSubscriberInfo'], c))),
    path: ['enforcingStateNotified'],
    message: DEMAND_LAW[kind].enforcingReview ? 'an enforcing authority is notified of orders for traffic data or content only' : `a ${kind} has no enforcing authority to notify`,
  };
  return schema.superRefine((r, ctx) => {
    for (const c of [...DATED, urgent, conduit, serious, enforcing, ...(check ? [check] : [])]) if (!c.test(r)) ctx.addIssue({ code: 'custom', path: c.path, message: c.message });
  });
};

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
const hostOf = (site: string): string | null => {
  if (HOST.test(site)) return site;
  if (!URL.canParse(site)) return null;
  const url = new URL(site);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
};

const STORED = DataCategory.exclude(['realTimeNonContent'], {
  message: 'only stored data can be asked for: basicSubscriberInfo, subscriberIdentity, tollBillingRecords, nonContentRecords or content',
});

/**
 * The intake schema of every kind the tool handles. Defaults are filled in (`dataAgeDays: 0`,
 * `secrecyCertified: false`, `forwardToOwner: true`); unknown fields are refused.
 *
 * @example
 * INTAKE_SCHEMAS.mlat.safeParse(request).success // false without usProcess
 */
export const INTAKE_SCHEMAS = {
  subpoena: demand('subpoena'),
  administrativeSubpoena: demand('administrativeSubpoena'),
  courtOrder: demand('courtOrder'),
  searchWarrant: demand('searchWarrant'),
  // DOMAIN §1 row 9: a pen register reaches routing data only.
  penRegister: demand('penRegister', {
    test: (r) => r.categories.every((c) => reaches(DEMAND_LAW.penRegister.compels(r), c)),
    path: ['categories'],
    message: 'a pen register order reaches only "realTimeNonContent"; list only that category',
  }),
  nationalSecurityLetter: demand('nationalSecurityLetter'),
  fisaOrder: demand('fisaOrder'),
  // DOMAIN §1 row 16: the request names the US process the court issued.
  mlat: demand('mlat', { test: (r) => r.usProcess !== undefined, path: ['usProcess'], message: 'say which US process the court issued: "subpoena", "courtOrder" or "searchWarrant"' }),
  // DOMAIN §intro source 1: a direct foreign request comes from a non-US authority.
  foreignDirect: demand('foreignDirect', {
    test: (r) => r.requester.country !== 'US',
    path: ['requester', 'country'],
    message: 'a direct foreign request comes from a non-US authority; use another kind for US process',
  }),
  // DOMAIN §1 row 15, §8: only partner countries with an executive agreement (UK, Australia).
  cloudActAgreement: demand('cloudActAgreement', {
    test: (r) => ['GB', 'AU'].includes(r.requester.country),
    path: ['requester', 'country'],
    message: 'only partner countries with an agreement may use it: "GB" or "AU"',
  }),
  // DOMAIN §1 row 17, §8: issued by a Member State bound by the Regulation (not Denmark), from 18 Aug 2026.
  euProductionOrder: demand('euProductionOrder', {
    test: (r) => EU_STATES.includes(r.requester.country) && r.receivedOn >= '2026-08-18',
    path: ['requester', 'country'],
    message: 'a European Production Order comes from a Member State bound by Regulation 2023/1543 (not Denmark), received from 2026-08-18',
  }),
  civilSubpoena: demand('civilSubpoena'),
  // DOMAIN §1 row 18: information sufficient to identify the alleged infringer.
  dmcaSubpoena: demand('dmcaSubpoena', {
    test: (r) => r.categories.every((c) => reaches(['basicSubscriberInfo'], c)),
    path: ['categories'],
    message: 'a 512(h) subpoena reaches only identifying information: list only "basicSubscriberInfo" or its parts',
  }),
  // DOMAIN §1 row 8: stored data relating to the emergency.
  // 2702(b)(8), 2711(4): content only to a US governmental entity, so the requester's country is never assumed.
  emergency: RequestBase.extend({
    kind: z.literal('emergency'),
    requester: z.object({ name: z.string().min(1), country: z.string().regex(/^[A-Z]{2}$/, { message: 'give the requester’s two-letter country code' }) }).strict(),
    categories: z.array(STORED).min(1, { message: 'name at least one category of stored data the emergency needs' }),
    dataAgeDays: z.number().int().min(0).default(0),
    supervisorContact: z.string().min(1).optional(),
  }).strict(),
  // DOMAIN §1 row 5, §7: existing records only; forward-looking data needs a pen register order.
  preservation: RequestBase.extend({
    kind: z.literal('preservation'),
    target: Target.optional(),
    categories: z.array(STORED).min(1),
    dataAgeDays: z.number().int().min(0).default(0),
  }).strict(),
  // DOMAIN §intro source 2: forwarded to host and owner unless the complainant asks otherwise.
  abuseComplaint: RequestBase.extend({
    kind: z.literal('abuseComplaint'),
    complainant: z.object({ name: z.string().min(1), email: z.email().optional() }).strict(),
    site: z.string().refine((s) => hostOf(s) !== null, { message: 'expected the site as a URL (https://example.com/page) or a hostname (example.com)' }),
    forwardToOwner: z.boolean().default(true),
    hostingProvider: z.string().min(1),
  }).strict(),
  // DOMAIN §1 row 20: the right invoked decides which refusal grounds can answer it.
  dataSubjectRequest: RequestBase.extend({
    kind: z.literal('dataSubjectRequest'),
    right: z.enum(RIGHTS, { message: `right must be one of ${RIGHTS.join(', ')}` }),
    categories: z.array(DataCategory).min(1).optional(),
    // DOMAIN §8: an access answer names the recipients, so a gag on another case holds it.
    gagOnAccount: z.boolean().optional(),
  })
    .strict()
    .refine((r) => !r.gagOnAccount || r.right === 'access', { path: ['gagOnAccount'], message: 'only an access answer can reveal a gagged demand: set gagOnAccount on an access request only' }),
};

export type CaseKind = keyof typeof INTAKE_SCHEMAS;
