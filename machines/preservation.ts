import { assign, not, setup } from 'xstate';
import { z } from 'zod';
import { canonicalCategorySets, covers } from '../src/domain/categories.ts';
import { DAY_MS, durationDays } from '../src/domain/duration.ts';
import type { VocabularyEvent } from '../src/domain/events.ts';
import { DemandRequest, RequestBase, Target } from '../src/domain/request.ts';
import { src } from '../src/domain/source.ts';
import { CHECK_DATE } from './lifecycle/demandInputs.ts';
import type { KindEntry } from './lifecycle/KindEntry.ts';
import { DEFAULT_DECISIONS, POLICY_DELAYS, policyGuards } from './lifecycle/policySlots.ts';

/** Intake of a 2703(f) preservation request: the existing records to freeze, and how old they are. */
export const PreservationRequest = RequestBase.extend({
  kind: z.literal('preservation'),
  target: Target.optional(),
  categories: DemandRequest.shape.categories.refine((cs) => !cs.some((c) => covers(['realTimeNonContent'], c)), {
    message: 'preservation freezes records that already exist; realTimeNonContent is forward-looking and needs a pen register order',
  }),
  dataAgeDays: DemandRequest.shape.dataAgeDays,
}).strict();
export type PreservationRequest = z.infer<typeof PreservationRequest>;

/** The finite facts of a preservation case. */
export interface PreservationContext {
  request: PreservationRequest;
  /** An extension was asked for during the first period; it starts when that period ends. */
  extensionPending: boolean;
  outcome: string | null;
}

const PRESERVE = [
  src('§1 row 5', '18 U.S.C. 2703(f): the provider "shall take all necessary steps" to preserve records pending process', 'L'),
  src('§2 SCA_PRESERVE_INITIAL', '2703(f)(2): records retained for 90 days', 'L'),
];
const EXTEND = [
  src('§2 SCA_PRESERVE_EXTENSION', '2703(f)(2): one further 90-day period on a renewed request before expiry', 'L'),
  src('§11 q8', 'Whether more than one 90-day renewal is allowed is debated; one is accepted here', '?'),
];
const EXISTING_ONLY = [src('§7', 'Google: preservation covers only data existing at the time of the request', 'S')];
const NOTHING_DISCLOSED = [src('§1 row 5', '2703(f): nothing is disclosed; records are frozen pending process', 'L')];

const closed = (tag: string, description: string) => ({ type: 'final' as const, tags: ['closed', tag], description });
const ends = [
  { guard: 'extensionPending', target: 'extensionPeriod', actions: 'consumeExtension', meta: { sources: EXTEND } },
  { target: '#preservation.released', meta: { sources: PRESERVE } },
] as const;

/**
 * A preservation request (18 U.S.C. 2703(f)): existing records are frozen for 90 days, once
 * extendable by 90 more, until follow-up process arrives, the request is withdrawn or the
 * period runs out. Nothing is ever disclosed under it.
 */
export const preservationMachine = setup({
  types: {} as { context: PreservationContext; events: VocabularyEvent; input: PreservationRequest },
  guards: {
    ...policyGuards(DEFAULT_DECISIONS),
    extensionPending: ({ context }) => context.extensionPending,
  },
  actions: {
    grantExtension: assign({ extensionPending: true }),
    consumeExtension: assign({ extensionPending: false }),
    recordOutcome: assign({ outcome: (_, params: { outcome: string }) => params.outcome }),
  },
  delays: { ...POLICY_DELAYS, P90D: durationDays('P90D') * DAY_MS },
}).createMachine({
  id: 'preservation',
  description: 'Preservation request: freeze existing records for 90 days (+90 once) pending legal process.',
  context: ({ input }) => ({ request: input, extensionPending: false, outcome: null }),
  meta: { kind: 'preservation', title: 'Preservation request', legalBasis: '18 U.S.C. 2703(f)', sources: [...PRESERVE, ...NOTHING_DISCLOSED] },
  initial: 'intake',
  states: {
    intake: {
      description: 'Request logged; is any of the named data still held? Nothing new is collected.',
      always: [
        { guard: not('policyHasRecords'), target: 'noRecords', actions: { type: 'recordOutcome', params: { outcome: 'no records: past retention' } }, meta: { sources: EXISTING_ONLY } },
        { target: 'preserving', meta: { sources: PRESERVE } },
      ],
    },
    preserving: {
      tags: ['preserving'],
      description: 'Existing records are frozen; nothing is disclosed until legal process arrives.',
      initial: 'firstPeriod',
      on: {
        'process.received': { target: 'handedToProcess', actions: { type: 'recordOutcome', params: { outcome: 'follow-up process received' } } },
        'request.withdrawn': { target: 'withdrawn', actions: { type: 'recordOutcome', params: { outcome: 'withdrawn' } } },
      },
      states: {
        firstPeriod: {
          description: 'First 90-day period from receipt; the requester may renew once before it ends.',
          after: { P90D: ends },
          on: { 'preservation.extended': { guard: not('extensionPending'), actions: 'grantExtension', meta: { sources: EXTEND } } },
        },
        extensionPeriod: {
          description: 'The one further 90-day period, running from the end of the first; no further renewal.',
          after: { P90D: { target: '#preservation.released', meta: { sources: EXTEND } } },
        },
      },
    },
    released: closed('released', 'The preservation period ran out without follow-up process; the records return to normal retention.'),
    handedToProcess: closed('handedToProcess', 'Follow-up legal process arrived; it now governs the preserved records.'),
    withdrawn: closed('withdrawn', 'The requester withdrew the preservation request.'),
    noRecords: closed('noRecords', 'Nothing named is still held: the data is past retention, so nothing can be preserved.'),
  },
});

/** Catalogue row for 2703(f) preservation requests. */
export const preservationEntry: KindEntry = {
  kind: 'preservation',
  title: 'Preservation request',
  legalBasis: '18 U.S.C. 2703(f)',
  summary: 'A government letter, with no court, makes the provider freeze existing records for 90 days (+90 once) pending process.',
  compels: [],
  compelsNote: 'Nothing is disclosed: existing records are frozen until legal process arrives.',
  secrecy: 'No statutory gag (confidentiality is usually asked; a later 2705(b) order may bind)',
  sources: [...PRESERVE, ...EXTEND, ...EXISTING_ONLY, ...NOTHING_DISCLOSED],
  requestSchema: PreservationRequest,
  machine: preservationMachine,
  inputs: [
    { name: 'plain', input: PreservationRequest.parse({ kind: 'preservation', receivedOn: CHECK_DATE, account: 'account-1', requester: { name: 'requester', country: 'US' }, categories: ['basicSubscriberInfo', 'content'] }) },
    { name: 'data 3700 days old', input: PreservationRequest.parse({ kind: 'preservation', receivedOn: CHECK_DATE, account: 'account-1', requester: { name: 'requester', country: 'US' }, categories: ['basicSubscriberInfo', 'content'], dataAgeDays: 3700 }) },
  ],
  alphabet: { 'data.disclosed': { categories: canonicalCategorySets() }, 'request.refused': { ground: ['not a valid request'] } },
};
