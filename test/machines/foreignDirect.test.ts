import { describe, expect, it } from 'vitest';
import { foreignDirectEntry, foreignDirectSpec } from '../../machines/foreignDirect.ts';
import { ev, play, rawRequest, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = foreignDirectEntry;

describe('direct foreign request (non-US authority under its own law)', () => {
  it('reaches subscriber data at most, with no challenge route and no US gag', () => {
    expect(foreignDirectSpec.compels).toEqual(['basicSubscriberInfo']);
    expect(foreignDirectSpec.routes).toEqual([]);
    expect(foreignDirectSpec.secrecy.regime).toBe('none');
  });

  it.each([
    ['a US requester', { requester: { name: 'FBI', country: 'US' } }],
    ['a requester with no country (which defaults to US)', { requester: { name: 'Police' } }],
  ])('rejects %s at intake, naming requester.country', (_who, overrides) => {
    const parsed = entry.requestSchema.safeParse(rawRequest('foreignDirect', overrides));

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toContainEqual(['requester', 'country']);
  });

  it('complies with subscriber data after notice and the objection window', () => {
    const run = play(startCase(entry), [[1, ev.review()], [2, ev.noticeSent()], [17, ev.disclose('basicSubscriberInfo')]]);

    expect(run.snapshot.matches({ process: 'disclosedInFull', secrecy: 'none', notice: 'objectionWindowElapsed' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('disclosed')).toBe(true);
  });

  it.each([undefined, 'cloudflare'] as const)('refuses on a foreign-law-conflict finding (policy: %s)', (policy) => {
    const run = play(startCase(entry, {}, policy), [[3, ev.review('foreignLawConflict')]]);

    expect(run.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: foreignLawConflict');
  });

  it('awaits a challenge it has no route for when Cloudflare finds it overbroad; refusal closes it', () => {
    const required = play(startCase(entry, {}, 'cloudflare'), [[3, ev.review('overbroad')]]);

    expect(required.snapshot.hasTag('awaitingChallenge')).toBe(true);
    expect(rejectionOf(required, 4, ev.file('motionToQuash')).reason).toBe('notAccepted');
    expect(play(required, [[4, ev.refuse('overbroad')]]).snapshot.matches({ process: 'refused' })).toBe(true);
  });

  it('rejects content and non-content records: discretion stops at subscriber data', () => {
    const noticed = play(startCase(entry, { categories: ['basicSubscriberInfo', 'nonContentRecords', 'content'] }), [[1, ev.review()], [1, ev.noticeSent()]]);

    expect(rejectionOf(noticed, 16, ev.disclose('content')).reason).toBe('notAccepted');
    expect(rejectionOf(noticed, 16, ev.disclose('nonContentRecords')).reason).toBe('notAccepted');
  });

  it('takes no gag, whatever the requesting country asks', () => {
    const run = startCase(entry, { secrecyOrder: { days: 90 } });

    expect(run.snapshot.matches({ secrecy: 'none' })).toBe(true);
    expect(rejectionOf(run, 1, ev.impose(90)).reason).toBe('notAccepted');
  });
});
