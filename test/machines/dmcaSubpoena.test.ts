import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fromZod } from '../../src/domain/InputError.ts';
import { findKind } from '../../machines/catalogue.ts';
import { dmcaSubpoenaEntry, dmcaSubpoenaSpec } from '../../machines/dmcaSubpoena.ts';
import { ev, play, rawRequest, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = dmcaSubpoenaEntry;

describe('DMCA subpoena (17 U.S.C. 512(h))', () => {
  it('reaches only information identifying the alleged infringer', () => {
    expect(dmcaSubpoenaSpec.compels).toEqual(['subscriberIdentity']);
    expect(dmcaSubpoenaSpec.refuseOn).toEqual(['defective']);
  });

  it('rejects a request for non-content records at intake, naming categories', () => {
    const parsed = entry.requestSchema.safeParse(rawRequest('dmcaSubpoena', { categories: ['basicSubscriberInfo', 'nonContentRecords'] }));

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toContainEqual(['categories']);
    // What is wrong and what to give instead are two things, not one sentence said twice.
    const error = fromZod(parsed.error as z.ZodError, {}, 'request');
    expect(error.field).toBe('request.categories');
    expect(error.problem).toBe('asks for more than a 512(h) subpoena reaches: information sufficient to identify the alleged infringer');
    expect(error.fix).toBe('list only "basicSubscriberInfo" or its parts ("subscriberIdentity", "tollBillingRecords")');
  });

  it('turns a subpoena away at intake when the provider was only a conduit for the material (RIAA v. Verizon)', () => {
    const run = startCase(entry, { conduit: true });
    expect(run.snapshot.matches({ process: 'refused' })).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: a conduit: 512(h) reaches only a provider that stores the material');
    expect(rejectionOf(run, 1, ev.disclose('subscriberIdentity')).reason).toBe('notAccepted');
    expect(startCase(entry, { conduit: false }).snapshot.matches({ process: 'refused' })).toBe(false);
  });

  it('refuses conduit on a kind whose law does not turn on it, naming the field and the fix', () => {
    const parsed = findKind('civilSubpoena')?.requestSchema.safeParse(rawRequest('civilSubpoena', { conduit: true }));
    const error = fromZod(parsed?.error as z.ZodError, {}, 'request');
    expect(error.field).toBe('request.conduit');
    expect(error.problem).toBe('is true, but the law of a civilSubpoena does not turn on whether the provider only carried the material');
    expect(error.fix).toMatch(/DMCA 512\(h\) subpoena only/);
  });

  it('complies after notice and the objection window', () => {
    const run = play(startCase(entry), [[2, ev.review()], [2, ev.noticeSent()], [17, ev.disclose('subscriberIdentity')]]);

    expect(run.snapshot.matches({ process: 'disclosedInFull', notice: 'objectionWindowElapsed' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('disclosed')).toBe(true);
  });

  it.each([undefined, 'cloudflare', 'letsencrypt'] as const)('refuses a defective subpoena (policy: %s)', (policy) => {
    const run = play(startCase(entry, {}, policy), [[2, ev.review('defective')]]);

    expect(run.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: defective');
  });

  it('is refused on other grounds, e.g. a pure conduit (RIAA v. Verizon)', () => {
    const run = play(startCase(entry), [[2, ev.review()], [3, ev.refuse('provider is a 512(a) conduit')]]);

    expect(run.snapshot.context.outcome).toBe('refused: provider is a 512(a) conduit');
  });

  it('is quashed on a motion under FRCP 45 procedure', () => {
    const run = play(startCase(entry), [[2, ev.review()], [5, ev.file('motionToQuash')], [40, ev.decide('motionToQuash')]]);

    expect(run.snapshot.matches({ process: 'quashed' })).toBe(true);
    expect(run.snapshot.hasTag('refused')).toBe(true);
  });

  it('rejects disclosing anything beyond identifying information', () => {
    const noticed = play(startCase(entry), [[1, ev.review()], [1, ev.noticeSent()]]);

    expect(rejectionOf(noticed, 16, ev.disclose('content')).reason).toBe('notAccepted');
    expect(rejectionOf(noticed, 16, ev.disclose('basicSubscriberInfo', 'nonContentRecords')).reason).toBe('notAccepted');
  });

  it('answers a request for all basic subscriber information with identity only: 512(h)(3) reaches who, not IPs, sessions or payment', () => {
    const noticed = play(startCase(entry, { categories: ['basicSubscriberInfo'] }), [[1, ev.review()], [1, ev.noticeSent()]]);

    expect(rejectionOf(noticed, 16, ev.disclose('basicSubscriberInfo')).reason).toBe('notAccepted');
    expect(rejectionOf(noticed, 16, ev.disclose('tollBillingRecords')).reason).toBe('notAccepted');
    expect(play(noticed, [[16, ev.disclose('subscriberIdentity')]]).snapshot.hasTag('disclosed')).toBe(true);
  });

  it('takes no gag', () => {
    expect(rejectionOf(startCase(entry), 1, ev.impose()).reason).toBe('notAccepted');
  });
});
