import { expect, it } from 'vitest';
import { nationalSecurityLetterEntry } from '../../machines/nationalSecurityLetter.ts';
import type { DatedEvent } from '../../src/domain/DatedEvent.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { replay } from '../../src/time/replay.ts';
import { demandRequest } from '../support/demandFixtures.ts';

const nsl = demandRequest(nationalSecurityLetterEntry, { secrecyCertified: false, categories: ['basicSubscriberInfo'] });
const version = policyVersionAt(cloudflare, nsl.receivedOn);
const refusalOf = (events: DatedEvent[]) => replay(nationalSecurityLetterEntry, version, nsl, events).rejected?.rejection.message ?? '';

it('says a payload the guards refuse, and the payloads of that event the state takes: an NSL disclosing all of BSI', () => {
  const message = refusalOf([
    { day: 1, event: { type: 'review.completed', finding: 'sufficient' } },
    { day: 2, event: { type: 'notice.sent' } },
    { day: 30, event: { type: 'data.disclosed', categories: ['basicSubscriberInfo'] } },
  ] as DatedEvent[]);
  expect(message).toContain(': its guards refuse this one; here it is taken as {"categories":["subscriberIdentity"]}, {"categories":["tollBillingRecords"]}, {"categories":["subscriberIdentity","tollBillingRecords"]} (no deadline pending)');
});

it('says when the guards refuse every payload of the event here, and when no state takes its type', () => {
  const early = refusalOf([{ day: 1, event: { type: 'review.completed', finding: 'sufficient' } }, { day: 2, event: { type: 'data.disclosed', categories: ['subscriberIdentity'] } }] as DatedEvent[]);
  expect(early).toMatch(/: its guards refuse it here \(/);
  const alien = refusalOf([{ day: 1, event: { type: 'preservation.extended' } }] as DatedEvent[]);
  expect(alien).toMatch(/: no active state takes "preservation\.extended" now \(/);
});
