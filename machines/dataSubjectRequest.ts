import { assign, setup } from 'xstate';
import { z } from 'zod';
import { DataCategory, canonicalCategorySets } from '../src/domain/categories.ts';
import { monthsInDays } from '../src/domain/date.ts';
import { DAY_MS, monthsDaysAtMost } from '../src/domain/duration.ts';
import type { VocabularyEvent } from '../src/domain/events.ts';
import { RequestBase } from '../src/domain/request.ts';
import { type Source, src } from '../src/domain/source.ts';
import { atMost } from './lifecycle/datedRegions.ts';
import { CHECK_DATE } from './lifecycle/demandInputs.ts';
import type { KindEntry } from './lifecycle/KindEntry.ts';
import { DEFAULT_DECISIONS, POLICY_DELAYS, policyGuards } from './lifecycle/policySlots.ts';

/** The data-subject rights a request can invoke (DOMAIN §1 row 20: Let's Encrypt lists the first four; the row names restriction and portability too). */
export const DATA_SUBJECT_RIGHTS = ['access', 'rectification', 'erasure', 'objection', 'restriction', 'portability'] as const;
export type DataSubjectRight = (typeof DATA_SUBJECT_RIGHTS)[number];

const ART_17_3 = (letter: string, what: string) => [src('§7', `GDPR Art. 17(3)(${letter}): ${what}`, 'S')];
const NOT_IN_DOMAIN = (fact: string, cites = 'Art. 12') => `${fact}; not in DOMAIN.md (row 20 cites ${cites} as a whole), unverified`;

/**
 * Art. 21(1) holds against an objection to other processing, never against one to direct marketing
 * (Art. 21(2)-(3), not modelled). DOMAIN.md names Arts 15-22 only as a range, so the paragraph is [?].
 */
const ART_21_1 = (what: string) =>
  src('§1 row 20', NOT_IN_DOMAIN(`GDPR Art. 21(1): ${what}; not against an objection to direct marketing (Art. 21(2)-(3)), which the model leaves out`, 'Arts 15-22'), '?');

/** Grounds on which a controller may refuse, the rights each answers, and where each comes from. */
export const REFUSAL_GROUNDS = {
  freedomOfExpression: { rights: ['erasure'], sources: ART_17_3('a', 'freedom of expression and information') },
  legalObligation: {
    rights: ['erasure'],
    sources: [
      ...ART_17_3('b', 'legal obligation under Union or Member-State law only, or a public-interest task'),
      src('§7', 'Derived: a U.S. 2703(f) preservation request is not Union or Member-State law, so no Art. 17(3)(b) ground ((e), legal claims, may apply)', '?'),
      src('§8', 'Derived: nor is a U.S. gag, which is no Art. 23 restriction either', '?'),
    ],
  },
  publicHealth: { rights: ['erasure'], sources: ART_17_3('c', 'public health') },
  archivingResearchStatistics: { rights: ['erasure'], sources: ART_17_3('d', 'archiving, research or statistics') },
  legalClaims: {
    rights: ['erasure', 'objection'],
    sources: [
      ...ART_17_3('e', 'establishment, exercise or defence of legal claims'),
      ART_21_1('processing for the establishment, exercise or defence of legal claims continues after an objection'),
    ],
  },
  noErasureGroundApplies: {
    rights: ['erasure'],
    sources: [
      src(
        '§7',
        'GDPR Art. 17(1): erasure is owed only where one of its grounds applies, so not while the data are still necessary for their purpose (17(1)(a)), nor after an objection that overriding legitimate grounds answer (17(1)(c); an objection to direct marketing always is a ground); DOMAIN names Art. 17(1) only for erasure “without undue delay”, not its grounds, unverified',
        '?',
      ),
    ],
  },
  compellingLegitimateGrounds: {
    rights: ['objection'],
    sources: [ART_21_1('the controller demonstrates compelling legitimate grounds for the processing which override the interests, rights and freedoms of the data subject')],
  },
  rightsOfOthers: {
    rights: ['access', 'portability'],
    sources: [
      src('§1 row 20', NOT_IN_DOMAIN('GDPR Art. 15(4): the right to obtain a copy shall not adversely affect the rights and freedoms of others', 'Arts 15-22'), '?'),
      src('§1 row 20', NOT_IN_DOMAIN('GDPR Art. 20(4): the right to data portability shall not adversely affect the rights and freedoms of others', 'Arts 15-22'), '?'),
    ],
  },
  noRestrictionGroundApplies: {
    rights: ['restriction'],
    sources: [
      src(
        '§1 row 20',
        NOT_IN_DOMAIN('GDPR Art. 18(1): restriction is owed only while the data’s accuracy is contested, the processing is unlawful, the data are kept for the user’s legal claims though no longer needed, or an objection is being weighed', 'Arts 15-22'),
        '?',
      ),
    ],
  },
  notPortable: {
    rights: ['portability'],
    sources: [
      src(
        '§1 row 20',
        NOT_IN_DOMAIN('GDPR Art. 20(1): portability covers only data the user provided, processed on consent or a contract, by automated means', 'Arts 15-22'),
        '?',
      ),
    ],
  },
  publicCertificateTransparencyLog: {
    rights: ['erasure'],
    sources: [
      src('§1 row 20', 'Let’s Encrypt privacy policy: deletion limited because issuance records are public', 'S'),
      src('§7', 'Let’s Encrypt may be unable to delete data published in Certificate Transparency logs', 'S'),
      src('§7', 'Not an Art. 17(3) exception, which lists (a)-(e) only: the CT logs are others’ copies (Art. 17(2): inform their controllers), so the ground holds for what the provider cannot erase, not for its own records; Art. 17(2) not in DOMAIN.md, derived, unverified', '?'),
    ],
  },
  manifestlyUnfoundedOrExcessive: { rights: DATA_SUBJECT_RIGHTS, sources: [src('§1 row 20', NOT_IN_DOMAIN('GDPR Art. 12(5): manifestly unfounded or excessive requests'), '?')] },
  identityNotVerified: { rights: DATA_SUBJECT_RIGHTS, sources: [src('§1 row 20', NOT_IN_DOMAIN('GDPR Art. 12(6): identity of the requester not confirmed'), '?')] },
} as const satisfies Record<string, { rights: readonly DataSubjectRight[]; sources: readonly Source[] }>;
export type RefusalGround = keyof typeof REFUSAL_GROUNDS;

/** Intake of a GDPR data-subject request: which right the user invokes, and over what data. */
export const DataSubjectRequestRequest = RequestBase.extend({
  kind: z.literal('dataSubjectRequest'),
  right: z.enum(DATA_SUBJECT_RIGHTS, { message: `right must be one of ${DATA_SUBJECT_RIGHTS.join(', ')}` }),
  categories: z.array(DataCategory).min(1, { message: 'name at least one category, or leave categories out to mean all the user’s data' }).optional(),
  /** A gag on another case covers this account: an access answer, which names the data's recipients, would reveal that demand (DOMAIN §8). */
  gagOnAccount: z.boolean().optional(),
})
  .strict()
  .superRefine((r, ctx) => {
    if (r.gagOnAccount && r.right !== 'access') {
      ctx.addIssue({ code: 'custom', path: ['gagOnAccount'], message: `is set on a request for ${r.right}: only an access answer, which names who received the data, can reveal a gagged demand (DOMAIN §8)`, params: { fix: 'leave gagOnAccount out, or set it on an access request' } });
    }
  });
export type DataSubjectRequestRequest = z.infer<typeof DataSubjectRequestRequest>;

/** The finite facts of a data-subject request. */
export interface DataSubjectRequestContext {
  request: DataSubjectRequestRequest;
  extensionReasons: string | null;
  refusalGround: RefusalGround | null;
  outcome: string | null;
}

const MONTHS = src('§2', 'Modelling cautions: EU “one month” is counted under Regulation 1182/71, by the calendar (Art. 3(2)(c))', 'L');
const RESPONSE = [src('§2 GDPR_RESPONSE', 'GDPR Art. 12(3): answer within one month of receipt', 'S'), MONTHS];
const EXTENSION = [src('§2 GDPR_EXTENSION', 'GDPR Art. 12(3): +2 months, announced with reasons within the first month', 'S'), MONTHS];
const REFUSAL_NOTICE = [src('§2 GDPR_REFUSAL_NOTICE', 'GDPR Art. 12(4): reasons for not acting, with complaint and remedy information, within one month of receipt', 'S')];
const RIGHTS = [src('§1 row 20', 'GDPR Arts 12, 15-22', 'S')];
const GAG_CONFLICT = [src('§8', 'A U.S. gag is not an Art. 23 restriction: a true conflict with an access request needs legal escalation', '?')];
const ANSWERED = { target: '#dataSubjectRequest.fulfilled', actions: { type: 'recordOutcome', params: { outcome: 'fulfilled' } }, meta: { sources: RIGHTS } } as const;

const closed = (tags: string[], description: string) => ({ type: 'final' as const, tags: ['closed', ...tags], description });
const refuseTo = (target: string) =>
  Object.entries(REFUSAL_GROUNDS).map(([ground, g]) => ({
    guard: { type: 'groundFits' as const, params: { ground: ground as RefusalGround } },
    target,
    actions: 'recordRefusal' as const,
    meta: { sources: [...g.sources, ...REFUSAL_NOTICE] },
  }));

/** A period of calendar months from the day the request was received, as the law counts it (DOMAIN §2 cautions). */
function monthsFromReceipt(months: number) {
  return atMost(monthsDaysAtMost(months), ({ context }: { context: DataSubjectRequestContext }) => monthsInDays(context.request.receivedOn, months) * DAY_MS);
}

/**
 * A GDPR data-subject request (Arts 12, 15-22): the answer is due within one month of receipt,
 * or within three when an extension is announced, with reasons, inside the first month. A refusal
 * must rest on a listed ground that answers the right invoked. An access answer on an account a
 * gag covers is held, escalated, until the gag lifts.
 */
export const dataSubjectRequestMachine = setup({
  types: {} as { context: DataSubjectRequestContext; events: VocabularyEvent; input: DataSubjectRequestRequest },
  guards: {
    ...policyGuards(DEFAULT_DECISIONS),
    gagOnAccount: ({ context }) => context.request.gagOnAccount === true,
    accessRight: ({ context }) => context.request.right === 'access',
    groundFits: ({ context, event }, params: { ground: RefusalGround }) =>
      event.type === 'request.refused' && event.ground === params.ground && (REFUSAL_GROUNDS[params.ground].rights as readonly string[]).includes(context.request.right),
  },
  actions: {
    recordExtension: assign({ extensionReasons: ({ context, event }) => (event.type === 'response.extended' ? event.reasons : context.extensionReasons) }),
    recordRefusal: assign(({ context, event }) =>
      event.type === 'request.refused' ? { refusalGround: event.ground as RefusalGround, outcome: `refused: ${event.ground}` } : context,
    ),
    recordOutcome: assign({ outcome: (_, params: { outcome: string }) => params.outcome }),
  },
  delays: { ...POLICY_DELAYS, P1M: monthsFromReceipt(1), P3M: monthsFromReceipt(3) },
}).createMachine({
  id: 'dataSubjectRequest',
  description: 'GDPR data-subject request: answer within one month, or three with an announced extension.',
  context: ({ input }) => ({ request: input, extensionReasons: null, refusalGround: null, outcome: null }),
  meta: { kind: 'dataSubjectRequest', title: 'GDPR data-subject request', legalBasis: 'GDPR Arts 12, 15-22', sources: RIGHTS },
  initial: 'awaitingAnswer',
  states: {
    awaitingAnswer: {
      type: 'parallel',
      on: { 'request.withdrawn': { target: 'withdrawn', actions: { type: 'recordOutcome', params: { outcome: 'withdrawn' } } } },
      states: {
        deadline: {
          description: 'The controller owes an answer; the three-month outer limit runs from receipt alongside the first month.',
          initial: 'firstMonth',
          after: { P3M: { target: '.overdue', meta: { sources: EXTENSION } } },
          states: {
            firstMonth: {
              description: 'Within one month of receipt: answer, refuse with reasons, or announce an extension with reasons.',
              after: { P1M: { target: 'overdue', meta: { sources: RESPONSE } } },
              on: {
                'response.extended': { target: 'extended', actions: 'recordExtension', meta: { sources: EXTENSION } },
                'request.refused': refuseTo('#dataSubjectRequest.refused'),
              },
            },
            extended: {
              description: 'Extension announced in time: the answer is due within three months of receipt; no further extension.',
              on: { 'request.refused': refuseTo('#dataSubjectRequest.refusedLate') },
            },
            overdue: {
              tags: ['overdue'],
              description: 'A deadline passed unanswered (one month without extension, or three with one); the request can still be answered.',
              on: { 'request.refused': refuseTo('#dataSubjectRequest.refusedLate') },
            },
          },
        },
        answer: {
          description: 'Whether the answer may go out: an access answer waits while a gag on another case covers the account.',
          initial: 'screening',
          states: {
            screening: { always: [{ guard: 'gagOnAccount', target: 'escalated', meta: { sources: GAG_CONFLICT } }, { target: 'free' }] },
            free: {
              description: 'Nothing stops the answer, until a gag on another case comes to cover the account (an access answer only).',
              on: { 'request.fulfilled': ANSWERED, 'secrecy.imposed': { guard: 'accessRight', target: 'escalated', meta: { sources: GAG_CONFLICT } } },
            },
            escalated: {
              tags: ['secrecy'],
              description:
                'Escalated to counsel: the answer would name the recipient of a gagged demand, and a U.S. gag is no Art. 23 restriction, so the law gives no automatic answer. It waits for the gag to lift; the GDPR clock keeps running, so the case is flagged overdue if it does not lift in time.',
              on: { 'secrecy.lifted': { target: 'free', meta: { sources: GAG_CONFLICT } } },
            },
          },
        },
      },
    },
    fulfilled: closed(['fulfilled'], 'The controller acted on the request.'),
    refused: closed(['refused'], 'Refused within the first month on a listed ground; the ground is recorded.'),
    refusedLate: closed(['refused', 'overdue'], 'Refused on a listed ground, but after the first month: Art. 12(4) wanted the reasons within one month.'),
    withdrawn: closed(['withdrawn'], 'The data subject withdrew the request.'),
  },
});

const DSR_BASE = { kind: 'dataSubjectRequest', receivedOn: CHECK_DATE, account: 'account-1', requester: { name: 'requester', country: 'US' } } as const;

/** Catalogue row for GDPR data-subject requests. */
export const dataSubjectRequestEntry: KindEntry = {
  kind: 'dataSubjectRequest',
  title: 'GDPR data-subject request',
  legalBasis: 'GDPR Arts 12, 15-22',
  summary: 'The user asks for access to, rectification, erasure, restriction or a portable copy of their data, or objects to its use; the answer is due within one month.',
  compels: [],
  compelsNote: 'Nothing goes to a third party: an access request returns the user’s own data to the user.',
  secrecy: 'No gag of its own. An access request on an account a gag covers (gagOnAccount at intake, or secrecy.imposed once a gag comes to cover it) is escalated, its answer held until the gag lifts (a U.S. gag is no Art. 23 restriction: a true conflict)',
  sources: [...RIGHTS, ...RESPONSE, ...EXTENSION, ...REFUSAL_NOTICE, ...GAG_CONFLICT, ...Object.values(REFUSAL_GROUNDS).flatMap((g) => g.sources)],
  requestSchema: DataSubjectRequestRequest,
  machine: dataSubjectRequestMachine,
  // DOMAIN §8: only an access answer names the data's recipients, and so the gagged demand.
  heldByAccountGag: { field: 'gagOnAccount', applies: (request) => (request as { right?: unknown }).right === 'access' },
  inputs: [
    ...DATA_SUBJECT_RIGHTS.map((right) => ({ name: right, input: DataSubjectRequestRequest.parse({ ...DSR_BASE, right }) })),
    { name: 'access, account under a gag', input: DataSubjectRequestRequest.parse({ ...DSR_BASE, right: 'access', gagOnAccount: true }) },
  ],
  // The gag is another case's: how long it runs is that case's, so the days are not tried here.
  alphabet: { 'secrecy.imposed': { days: [undefined] }, 'secrecy.lifted': { reason: ['lifted'] }, 'data.disclosed': { categories: canonicalCategorySets() }, 'request.refused': { ground: [...Object.keys(REFUSAL_GROUNDS), 'not a listed ground'] }, 'response.extended': { reasons: ['complexity'] } },
};
