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

  it('a disclosure on legal process beside an emergency path owes no follow-up request', async () => {
    const { status } = await check('courtOrEmergency');
    expect(status['emergency-follow-up']).toBe('proved');
  });

  it.each(['liftedIntoNotice', 'termEndsIntoNotice'])('%s: notice in the transition that ends the gag is notice after it', async (name) => {
    const { status } = await check(name);
    expect(status['no-notice-under-secrecy']).toBe('proved');
  });
});
