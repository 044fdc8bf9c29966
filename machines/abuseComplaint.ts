import { assign, setup } from 'xstate';
import { z } from 'zod';
import { canonicalCategorySets } from '../src/domain/categories.ts';
import type { VocabularyEvent } from '../src/domain/events.ts';
import { RequestBase } from '../src/domain/request.ts';
import { src } from '../src/domain/source.ts';
import { CHECK_DATE } from './lifecycle/demandInputs.ts';
import type { KindEntry } from './lifecycle/KindEntry.ts';
import { DEFAULT_DECISIONS, POLICY_DELAYS, type RecordsInput, policyGuards } from './lifecycle/policySlots.ts';

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

function isSite(s: string): boolean {
  if (HOSTNAME.test(s)) return true;
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && HOSTNAME.test(url.hostname);
  } catch {
    return false;
  }
}

/** Intake of an abuse complaint about a site behind the provider's proxy. */
export const AbuseComplaintRequest = RequestBase.extend({
  kind: z.literal('abuseComplaint'),
  complainant: z
    .object({
      name: z.string().min(1, { message: 'name the complainant (person or rights holder)' }),
      email: z.email({ message: 'expected the complainant’s email address, like legal@example.com' }).optional(),
    })
    .strict(),
  site: z.string().refine(isSite, { message: 'expected the site complained about as a URL (https://example.com/page) or a hostname (example.com)' }),
  forwardToOwner: z.boolean({ message: 'forwardToOwner is true or false: false when the complainant asks not to be forwarded to the site owner' }).default(true),
  hostingProvider: z.string().min(1, { message: 'name the site’s hosting provider; the complainant is told who it is' }),
}).strict();
export type AbuseComplaintRequest = z.infer<typeof AbuseComplaintRequest>;

/** The finite facts of an abuse complaint. */
export interface AbuseComplaintContext {
  /** A complaint names no records; the shared policy slots still read the record fields. */
  request: AbuseComplaintRequest & RecordsInput;
  outcome: string | null;
}

const LETTER = src(
  '§intro source 2',
  'Cloudflare 2018 letter: complaints forwarded to the site owner and the hosting provider unless the complainant asks otherwise; complainant told who the host is',
  'S',
);
const NO_DATA = src('§5', 'Cloudflare: legal process required for subscriber information unless there is an emergency', 'S');

const closed = (tag: string, description: string) => ({ type: 'final' as const, tags: ['closed', tag], description });

/**
 * An abuse complaint to a reverse proxy (Cloudflare's 2018 letter): it cannot remove content, so
 * it forwards the complaint to the host and, unless asked not to, the site owner, and tells the
 * complainant who the host is. No subscriber data goes to a complainant without legal process.
 */
export const abuseComplaintMachine = setup({
  types: {} as { context: AbuseComplaintContext; events: VocabularyEvent; input: AbuseComplaintRequest },
  guards: {
    ...policyGuards(DEFAULT_DECISIONS),
    forwardTo: ({ event }, params: { to: 'host' | 'owner' }) => event.type === 'complaint.forwarded' && event.to === params.to,
    complainantDeclinedOwner: ({ context }) => !context.request.forwardToOwner,
  },
  actions: {
    recordOutcome: assign({ outcome: (_, params: { outcome: string }) => params.outcome }),
    recordRefusal: assign({ outcome: ({ event }) => (event.type === 'request.refused' ? `refused: ${event.ground}` : 'refused') }),
  },
  delays: { ...POLICY_DELAYS },
}).createMachine({
  id: 'abuseComplaint',
  description: 'Abuse complaint: forwarded to the host and the site owner; no data to the complainant without legal process.',
  context: ({ input }) => ({ request: input, outcome: null }),
  meta: { kind: 'abuseComplaint', title: 'Abuse complaint', legalBasis: 'Provider policy (Cloudflare 2018 letter)', sources: [LETTER, NO_DATA] },
  initial: 'handling',
  states: {
    handling: {
      type: 'parallel',
      description: 'The complaint is passed on; the complainant gets no subscriber data, only the host’s name.',
      meta: { sources: [LETTER, NO_DATA] },
      onDone: { target: 'forwarded', actions: { type: 'recordOutcome', params: { outcome: 'forwarded' } } },
      on: {
        'request.refused': { target: 'refused', actions: 'recordRefusal' },
        'request.withdrawn': { target: 'withdrawn', actions: { type: 'recordOutcome', params: { outcome: 'withdrawn' } } },
      },
      states: {
        host: {
          initial: 'pending',
          states: {
            pending: {
              description: 'The hosting provider, who can remove the content, has not been sent the complaint yet.',
              on: { 'complaint.forwarded': { guard: { type: 'forwardTo', params: { to: 'host' } }, target: 'forwarded', meta: { sources: [LETTER] } } },
            },
            forwarded: { type: 'final', description: 'Complaint forwarded to the hosting provider.' },
          },
        },
        owner: {
          initial: 'deciding',
          states: {
            deciding: {
              always: [
                { guard: 'complainantDeclinedOwner', target: 'declined', meta: { sources: [LETTER] } },
                { target: 'pending' },
              ],
            },
            pending: {
              description: 'The website owner has not been sent the complaint yet.',
              on: { 'complaint.forwarded': { guard: { type: 'forwardTo', params: { to: 'owner' } }, target: 'forwarded', meta: { sources: [LETTER] } } },
            },
            forwarded: { type: 'final', description: 'Complaint forwarded to the website owner.' },
            declined: { type: 'final', description: 'The complainant asked that the owner not be sent the complaint.' },
          },
        },
        complainant: {
          initial: 'pending',
          states: {
            pending: {
              description: 'The complainant has not been told who hosts the site yet.',
              on: { 'complainant.informed': { target: 'informed', meta: { sources: [LETTER] } } },
            },
            informed: { type: 'final', description: 'The complainant was told who the hosting provider is.' },
          },
        },
      },
    },
    forwarded: closed('forwarded', 'Forwarded as the letter describes; anything more needs legal process.'),
    refused: closed('refused', 'Not handled as an abuse report (e.g. not abuse); the ground is recorded.'),
    withdrawn: closed('withdrawn', 'The complainant withdrew the complaint.'),
  },
});

/** Catalogue row for abuse complaints. */
export const abuseComplaintEntry: KindEntry = {
  kind: 'abuseComplaint',
  title: 'Abuse complaint',
  legalBasis: 'Provider policy (Cloudflare’s 2018 letter on its abuse process)',
  summary: 'A complaint (e.g. copyright) about a proxied site is forwarded to its host and owner; the complainant learns who the host is.',
  compels: [],
  compelsNote: 'Nothing is disclosed: a complainant gets subscriber data only through legal process.',
  secrecy: 'No gag',
  sources: [LETTER, NO_DATA],
  requestSchema: AbuseComplaintRequest,
  machine: abuseComplaintMachine,
  inputs: [
    { name: 'forward to owner', input: AbuseComplaintRequest.parse({ kind: 'abuseComplaint', receivedOn: CHECK_DATE, account: 'account-1', requester: { name: 'requester', country: 'US' }, complainant: { name: 'Rights holder' }, site: 'example.com', hostingProvider: 'Example Hosting' }) },
    { name: 'owner not to be told', input: AbuseComplaintRequest.parse({ kind: 'abuseComplaint', receivedOn: CHECK_DATE, account: 'account-1', requester: { name: 'requester', country: 'US' }, complainant: { name: 'Rights holder' }, site: 'example.com', hostingProvider: 'Example Hosting', forwardToOwner: false }) },
  ],
  alphabet: { 'data.disclosed': { categories: canonicalCategorySets() }, 'request.refused': { ground: ['not an abuse report'] } },
};
