import { and, assign, not, setup } from 'xstate';
import { z } from 'zod';
import { DATA_CATEGORIES, DataCategory, canonicalCategorySets, covers, withinCategories } from '../src/domain/categories.ts';
import { EMERGENCY_LAW, emergencyReach, statutoryEmergency } from '../src/domain/emergencyLaw.ts';
import type { EmergencyCriterion, VocabularyEvent } from '../src/domain/events.ts';
import { Country, RequestBase } from '../src/domain/request.ts';
import { src } from '../src/domain/source.ts';
import { CHECK_DATE } from './lifecycle/demandInputs.ts';
import type { KindEntry } from './lifecycle/KindEntry.ts';
import { DEFAULT_DECISIONS, POLICY_DELAYS, policyGuards } from './lifecycle/policySlots.ts';

/** Stored data, with its parts: an emergency disclosure reaches what the provider holds, never a live feed. */
const STORED: readonly DataCategory[] = EMERGENCY_LAW.toUsGovernment;
const STORED_OR_PART = DATA_CATEGORIES.filter((c) => covers(STORED, c));
const StoredCategory = DataCategory.extract(STORED_OR_PART, {
  message: `an emergency request reaches stored data only: ${STORED_OR_PART.join(', ')}`,
});

/** Intake of an emergency disclosure request: the stored data sought, and who can vouch for the requester. */
export const EmergencyRequest = RequestBase.extend({
  kind: z.literal('emergency'),
  // Other kinds read a missing country as US; here it decides who may get content (`EMERGENCY_LAW`), so it is never assumed.
  requester: z.object({ name: z.string().min(1), country: Country.optional() }).strict(),
  categories: z.array(StoredCategory).min(1, { message: 'name at least one category of stored data the emergency needs' }),
  dataAgeDays: z.number().int().min(0, { message: 'dataAgeDays is the age of the oldest data sought, in whole days (0 or more)' }).default(0),
  supervisorContact: z.string().min(1, { message: 'give the requester’s supervisor contact, or leave the field out' }).optional(),
})
  .strict()
  .superRefine((r, ctx) => {
    if (r.requester.country === undefined) {
      ctx.addIssue({ code: 'custom', path: ['requester', 'country'], message: 'is missing: an emergency disclosure of content may go only to a US governmental entity (2702(b)(8), 2711(4)), so who asks must be known', params: { fix: 'give the requester’s ISO 3166 country code, e.g. "US", or "DE" for a foreign authority' } });
    }
  });
export type EmergencyRequest = z.infer<typeof EmergencyRequest>;

/** The finite facts of an emergency case. */
export interface EmergencyContext {
  request: EmergencyRequest;
  criterion: EmergencyCriterion | null;
  disclosed: DataCategory[];
  outcome: string | null;
}

const NO_EMERGENCY = 'no emergency: legal process required';
const NOT_STATUTORY = 'no emergency the statute allows (danger of death or serious physical injury): legal process required';
const VOLUNTARY = [
  src('§1 row 8', '18 U.S.C. 2702(b)(8) content; 2702(c)(4) records', 'S'),
  src('§5', '2702(b)(8), (c)(4): good-faith belief that an emergency of death or serious physical injury requires disclosure without delay', 'S'),
];
const FRAUD = [src('§5', 'Forged EDRs from compromised police accounts (2021-22); Apple asks for a supervisor contact', 'S')];
const LEGAL_PROCESS = [src('§5', 'Cloudflare: legal process required for BSI unless there is an emergency', 'S')];
const FOLLOW_UP = [src('§intro source 1', 'Cloudflare: emergency requests answered without delay, legal process asked for afterwards', 'S')];
const DEFERRED_NOTICE = [src('§4', 'Google: notice skipped in emergencies, given once the provider learns the emergency has passed', 'S')];

const closeEarly = {
  'request.withdrawn': { target: 'withdrawn', actions: { type: 'recordOutcome', params: { outcome: 'withdrawn' } } },
  'request.refused': { target: 'refused', actions: 'recordRefusal' },
} as const;

const closed = (tag: string, description: string) => ({ type: 'final' as const, tags: ['closed', tag], description });

/**
 * An emergency disclosure request (18 U.S.C. 2702(b)(8), (c)(4)): verification against forgery,
 * a good-faith assessment, a voluntary disclosure of stored data, then legal process asked for
 * afterwards and the user told once the emergency has passed.
 */
export const emergencyMachine = setup({
  types: {} as { context: EmergencyContext; events: VocabularyEvent; input: EmergencyRequest },
  guards: {
    ...policyGuards(DEFAULT_DECISIONS),
    authentic: ({ event }) => event.type === 'request.verified' && event.authentic,
    statutoryEmergency: ({ event }) => event.type === 'emergency.assessed' && statutoryEmergency(event.criterion),
    withinLawfulReach: ({ context, event }) => event.type === 'data.disclosed' && withinCategories(event.categories, emergencyReach(context.request.requester.country)),
    disclosedAnything: ({ context }) => context.disclosed.length > 0,
    closedWithoutDisclosure: ({ context }) => context.outcome !== null && context.disclosed.length === 0,
  },
  actions: {
    recordCriterion: assign({ criterion: ({ context, event }) => (event.type === 'emergency.assessed' ? event.criterion : context.criterion) }),
    recordDisclosure: assign({
      disclosed: ({ context, event }) => (event.type === 'data.disclosed' ? [...new Set([...context.disclosed, ...event.categories])] : context.disclosed),
      outcome: 'disclosed',
    }),
    recordOutcome: assign({ outcome: (_, params: { outcome: string }) => params.outcome }),
    recordRefusal: assign({ outcome: ({ event }) => (event.type === 'request.refused' ? `refused: ${event.ground}` : 'refused') }),
  },
  delays: { ...POLICY_DELAYS },
}).createMachine({
  id: 'emergency',
  description: 'Emergency disclosure request: voluntary disclosure of stored data when a life is in danger.',
  type: 'parallel',
  context: ({ input }) => ({ request: input, criterion: null, disclosed: [], outcome: null }),
  meta: { kind: 'emergency', title: 'Emergency disclosure request', legalBasis: '18 U.S.C. 2702(b)(8), 2702(c)(4)', sources: VOLUNTARY },
  states: {
    process: {
      initial: 'intake',
      states: {
        intake: {
          description: 'Request logged; policy decides whether the requester is verified before anything else.',
          always: [{ guard: 'policyVerifiesRequester', target: 'verifying' }, { target: 'assessing' }],
        },
        verifying: {
          description: 'Is the request genuine? Forged emergency requests are a known fraud; the supervisor named is called back.',
          on: {
            'request.verified': [
              { guard: 'authentic', target: 'assessing', meta: { sources: FRAUD } },
              { target: 'refused', actions: { type: 'recordOutcome', params: { outcome: 'refused: forged request' } }, meta: { sources: FRAUD } },
            ],
            ...closeEarly,
          },
        },
        assessing: {
          description: 'Good-faith assessment: does an emergency involving danger of death or serious physical injury require disclosure without delay?',
          on: {
            'emergency.assessed': [
              {
                guard: and(['policyEmergencyCriterionMet', 'statutoryEmergency', not('policyHasRecords')]),
                target: 'noRecords',
                actions: ['recordCriterion', { type: 'recordOutcome', params: { outcome: 'no records: past retention' } }],
              },
              { guard: and(['policyEmergencyCriterionMet', 'statutoryEmergency']), target: 'emergencyFound', actions: 'recordCriterion', meta: { sources: VOLUNTARY } },
              {
                guard: 'policyEmergencyCriterionMet',
                target: 'refused',
                actions: ['recordCriterion', { type: 'recordOutcome', params: { outcome: NOT_STATUTORY } }],
                meta: { sources: [...EMERGENCY_LAW.sources.slice(0, 2), ...LEGAL_PROCESS] },
              },
              { target: 'refused', actions: ['recordCriterion', { type: 'recordOutcome', params: { outcome: NO_EMERGENCY } }], meta: { sources: LEGAL_PROCESS } },
            ],
            ...closeEarly,
          },
        },
        emergencyFound: {
          description: 'An emergency was found: the provider may disclose stored data it holds, voluntarily and without delay (content only to a US government).',
          on: {
            'data.disclosed': { guard: and(['withinLawfulReach', 'policyEmergencyCovers', 'policyRetains']), target: 'disclosed', actions: 'recordDisclosure', meta: { sources: [...VOLUNTARY, ...EMERGENCY_LAW.sources.slice(2)] } },
            'emergency.ended': {
              target: 'refused',
              actions: { type: 'recordOutcome', params: { outcome: 'emergency over before disclosure: legal process required' } },
              meta: { sources: [...VOLUNTARY, ...LEGAL_PROCESS] },
            },
            ...closeEarly,
          },
        },
        disclosed: closed('disclosed', 'Stored data was disclosed to meet the emergency.'),
        refused: closed('refused', 'Nothing disclosed: forged, no emergency, or refused; the reason is recorded.'),
        withdrawn: closed('withdrawn', 'The requester withdrew the request before disclosure.'),
        noRecords: closed('noRecords', 'An emergency, but nothing responsive is held: the data is past retention.'),
      },
    },
    followUp: {
      initial: 'pending',
      description: 'After an emergency disclosure the provider asks for the legal process that would normally be needed.',
      states: {
        pending: {
          description: 'Nothing disclosed yet: no follow-up owed.',
          always: [
            { guard: 'disclosedAnything', target: 'awaiting' },
            { guard: 'closedWithoutDisclosure', target: 'notRequired' },
          ],
        },
        awaiting: {
          description: 'Data went out without process: the provider must ask for it within the policy delay.',
          after: { emergencyFollowUp: { target: 'followUpOverdue', meta: { sources: FOLLOW_UP } } },
          on: { 'process.followUpRequested': 'requested' },
        },
        followUpOverdue: {
          tags: ['overdue'],
          description: 'The policy delay passed without asking the requester for legal process.',
          on: { 'process.followUpRequested': 'requested' },
        },
        requested: { type: 'final', description: 'Legal process was asked for after the disclosure.' },
        notRequired: { type: 'final', description: 'Nothing was disclosed: no follow-up process is owed.' },
      },
    },
    notice: {
      initial: 'pending',
      description: 'User notice: deferred while the emergency lasts, due once it has passed (Google policy).',
      states: {
        pending: {
          description: 'Nothing disclosed yet; no notice is given during an emergency.',
          always: [
            { guard: 'disclosedAnything', target: 'deferred' },
            { guard: 'closedWithoutDisclosure', target: 'notRequired' },
          ],
        },
        deferred: {
          tags: ['noticeDeferred'],
          description: 'Data went out during the emergency; notice waits until the emergency has passed.',
          on: { 'emergency.ended': { target: 'due', meta: { sources: DEFERRED_NOTICE } } },
        },
        due: {
          tags: ['noticeDue'],
          description: 'The emergency has passed: the user must be told within the policy delay.',
          after: { delayedNotice: { target: 'overdue', meta: { sources: DEFERRED_NOTICE } } },
          on: { 'notice.sent': 'sent' },
        },
        overdue: {
          tags: ['noticeDue', 'overdue'],
          description: 'The notice is late: the policy delay passed after the emergency ended.',
          on: { 'notice.sent': 'sent' },
        },
        sent: { type: 'final', tags: ['noticeSent'], description: 'The user was told of the emergency disclosure.' },
        notRequired: { type: 'final', tags: ['noticeNotRequired'], description: 'Nothing was disclosed: no notice is owed.' },
      },
    },
  },
});

/** Catalogue row for emergency disclosure requests. */
export const emergencyEntry: KindEntry = {
  kind: 'emergency',
  title: 'Emergency disclosure request',
  legalBasis: '18 U.S.C. 2702(b)(8) content; 2702(c)(4) records',
  summary: 'A government entity asks for data without process because a life is in danger; disclosure is voluntary.',
  compels: STORED,
  compelsNote: 'Nothing is compelled: the provider may choose to disclose stored data relating to the emergency, and only for danger of death or serious physical injury; content goes only to a US government, a foreign authority gets non-content records at most.',
  secrecy: 'No statutory gag',
  sources: [...VOLUNTARY, ...EMERGENCY_LAW.sources, ...FRAUD, ...LEGAL_PROCESS, ...FOLLOW_UP, ...DEFERRED_NOTICE],
  requestSchema: EmergencyRequest,
  machine: emergencyMachine,
  inputs: [
    { name: 'plain', input: EmergencyRequest.parse({ kind: 'emergency', receivedOn: CHECK_DATE, account: 'account-1', requester: { name: 'requester', country: 'US' }, categories: ['basicSubscriberInfo', 'content'] }) },
    { name: 'foreign authority asks', input: EmergencyRequest.parse({ kind: 'emergency', receivedOn: CHECK_DATE, account: 'account-1', requester: { name: 'requester', country: 'DE' }, categories: ['basicSubscriberInfo', 'content'] }) },
    { name: 'data 3700 days old', input: EmergencyRequest.parse({ kind: 'emergency', receivedOn: CHECK_DATE, account: 'account-1', requester: { name: 'requester', country: 'US' }, categories: ['basicSubscriberInfo', 'content'], dataAgeDays: 3700 }) },
  ],
  alphabet: { 'data.disclosed': { categories: canonicalCategorySets() }, 'request.refused': { ground: ['not an emergency'] } },
};
