import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/runCliCaptured.ts';

type Row = { rules: { id: string; status: string; counterexample?: { what: string }[] }[] };
const check = async (name: string) => {
  const { code, out } = await runCliCaptured(['check', '--machine', 'test/fixtures/excusesAndLifts.js', '--export', name, '--policy', 'cloudflare', '--json']);
  const rules = (JSON.parse(out) as Row[]).flatMap((r) => r.rules);
  return { code, status: Object.fromEntries(rules.map((x) => [x.id, x.status])), rule: (id: string) => rules.find((x) => x.id === id) };
};

describe('excuses that lapse, and gags that lift into notice (test/fixtures/excusesAndLifts.js)', () => {
  it('an emergency that has ended excuses no disclosure made without notice after it', async () => {
    const { code, status, rule } = await check('disclosedAfterEmergencyEnded');
    expect(code).toBe(1);
    expect(status['notice-before-disclosure']).toBe('violated');
    expect(rule('notice-before-disclosure')?.counterexample?.map((s) => s.what.split(' ')[0])).toEqual(['request', 'emergency.assessed', 'emergency.ended', 'data.disclosed']);
  });

  it('a disclosure on legal process beside an emergency path owes no assessment and no follow-up request', async () => {
    const { status } = await check('courtOrEmergency');
    expect(status['emergency-follow-up']).toBe('proved');
    expect(status['emergency-assessed-first']).toBe('proved');
  });

  it('nor does one on legal process after an assessment that found no emergency', async () => {
    const { code, status } = await check('noEmergencyThenProcess');
    expect(status['emergency-follow-up']).toBe('proved');
    expect(status['emergency-assessed-first']).toBe('proved');
    expect(code).toBe(0);
  });

  it('process that arrives after an emergency disclosure answers the follow-up duty', async () => {
    const { status } = await check('processArrivesAfterEmergency');
    expect(status['emergency-follow-up']).toBe('proved');
    expect(status['emergency-assessed-first']).toBe('proved');
  });

  it('a review after the disclosure excuses nothing: the disclosure had neither process nor an emergency', async () => {
    const { status, rule } = await check('reviewedAfterDisclosure');
    expect(status['emergency-assessed-first']).toBe('violated');
    expect(rule('emergency-assessed-first')?.counterexample?.map((s) => s.what.split(' ')[0])).toEqual(['request', 'notice.sent', 'data.disclosed']);
  });

  it.each(['liftedIntoNotice', 'termEndsIntoNotice'])('%s: notice in the transition that ends the gag is notice after it', async (name) => {
    const { status } = await check(name);
    expect(status['no-notice-under-secrecy']).toBe('proved');
  });
});
