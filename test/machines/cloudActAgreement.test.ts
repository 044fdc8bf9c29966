import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fromZod } from '../../src/domain/InputError.ts';
import { findKind } from '../../machines/catalogue.ts';
import { cloudActAgreementEntry, cloudActAgreementSpec } from '../../machines/cloudActAgreement.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { US_TARGET, ev, firedTimers, play, rawRequest, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = cloudActAgreementEntry;

describe('order under a CLOUD Act executive agreement (18 U.S.C. 2523)', () => {
  it('reaches content and all stored non-content', () => {
    expect(cloudActAgreementSpec.compels).toEqual(['basicSubscriberInfo', 'nonContentRecords', 'content']);
  });

  it.each(['GB', 'AU'])('accepts an order from partner country %s', (country) => {
    expect(entry.requestSchema.safeParse(rawRequest('cloudActAgreement', { requester: { name: 'Authority', country } })).success).toBe(true);
  });

  it.each([
    ['GB', '2020-01-01', false],
    ['GB', '2022-10-03', true],
    ['AU', '2023-06-01', false],
    ['AU', '2024-01-31', true],
  ])('takes an order from %s received on %s only once its agreement is in force (%s)', (country, receivedOn, accepted) => {
    const parsed = entry.requestSchema.safeParse(rawRequest('cloudActAgreement', { receivedOn, requester: { name: 'Authority', country } }));
    expect(parsed.success).toBe(accepted);
    if (!accepted) {
      const error = fromZod(parsed.error as z.ZodError, {}, 'request');
      expect(error.problem).toBe('is not a partner whose agreement was in force on the day the order was received ("GB" from 2022-10-03, "AU" from 2024-01-31 [?])');
      expect(error.fix).toBe('open an earlier or other foreign order as an MLAT or a direct foreign request');
    }
  });

  it('rejects an order from a country without an agreement, naming requester.country', () => {
    const parsed = entry.requestSchema.safeParse(rawRequest('cloudActAgreement', { requester: { name: 'Police nationale', country: 'FR' } }));

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toContainEqual(['requester', 'country']);
  });

  it.each([
    ['a US person', US_TARGET, 'refused: targets a US person'],
    ['a US person living abroad', { usPerson: true, residesInUS: false, residenceCountry: 'GB' }, 'refused: targets a US person'],
    ['a non-US person living in the US', { usPerson: false, residesInUS: true, residenceCountry: 'US' }, 'refused: targets a person in the US'],
  ])('refuses at intake an order that targets %s', (_who, target, outcome) => {
    const run = startCase(entry, { target });

    expect(run.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.context.outcome).toBe(outcome);
    expect(rejectionOf(run, 1, ev.review()).reason).toBe('notAccepted');
  });

  it('turns away at intake an order that does not concern serious crime (2523(b)); one that says it does, or says nothing, goes on', () => {
    const run = startCase(entry, { seriousCrime: false });
    expect(run.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: does not concern serious crime');
    expect(rejectionOf(run, 1, ev.disclose('content')).reason).toBe('notAccepted');
    for (const given of [{ seriousCrime: true }, {}]) expect(startCase(entry, given).snapshot.matches({ process: 'refused' })).toBe(false);
    expect(entry.inputs.map((i) => i.name)).toContain('does not concern serious crime');
  });

  it.each([false, true])('refuses seriousCrime: %s on a kind whose law does not turn on it, naming the field and the fix', (value) => {
    const parsed = findKind('searchWarrant')?.requestSchema.safeParse(rawRequest('searchWarrant', { seriousCrime: value }));
    const error = fromZod(parsed?.error as z.ZodError, {}, 'request');
    expect(error.field).toBe('request.seriousCrime');
    expect(error.problem).toBe(`is ${value}, but the law of a searchWarrant does not turn on whether the order concerns serious crime`);
    expect(error.fix).toMatch(/CLOUD Act agreement only/);
  });

  it('complies with content for a UK resident after notice and the objection window', () => {
    const run = play(startCase(entry, { categories: ['content'] }), [[1, ev.review()], [1, ev.noticeSent()], [16, ev.disclose('content')]]);

    expect(run.snapshot.matches({ process: 'disclosedInFull', notice: 'objectionWindowElapsed' })).toBe(true);
    expect(firedTimers(run)).toEqual([[15, 'objectionWindow']]);
  });

  it('is refused after review, and quashed on an objection under the agreement', () => {
    const refused = play(startCase(entry), [[1, ev.review()], [2, ev.refuse('not serious crime')]]);
    const quashed = play(startCase(entry), [[2, ev.file('agreementObjection')], [40, ev.decide('agreementObjection')]]);

    expect(refused.snapshot.matches({ process: 'refused' })).toBe(true);
    expect(quashed.snapshot.matches({ process: 'quashed' })).toBe(true);
  });

  it('keeps a 30-day gag under partner law imposed on day 5, then owes notice (overdue after day 42)', () => {
    const gagged = play(startCase(entry, { categories: ['content'] }), [[1, ev.review()], [5, ev.impose(30)], [6, ev.disclose('content')]]);
    const run = advanceTo(gagged, 42, true);

    expect(rejectionOf(gagged, 35, ev.noticeSent()).reason).toBe('notAccepted');
    expect(firedTimers(run)).toEqual([
      [35, 'secrecyTerm'],
      [42, 'delayedNotice'],
    ]);
    expect(run.snapshot.matches({ secrecy: 'ended', notice: 'overdue' })).toBe(true);
  });
});
