import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/runCliCaptured.ts';

type Row = { rules: { id: string; status: string; vacuous?: unknown }[] };
const statuses = async (name: string, policy = 'cloudflare') => {
  const { out } = await runCliCaptured(['check', '--machine', 'test/fixtures/onceProved.js', '--export', name, '--policy', policy, '--json']);
  const rows = JSON.parse(out) as Row[];
  return Object.fromEntries(rows.flatMap((r) => r.rules.map((x) => [x.id, x.status])));
};

// Each machine breaks what a rule's title promises and was once reported proved (a red-team audit).
describe('what the rules once proved and now catch', () => {
  it('a waiver for a reason the policy does not allow excuses no disclosure without notice (Cloudflare allows none; Let’s Encrypt allows futility)', async () => {
    expect((await statuses('waivedForFutility'))['notice-before-disclosure']).toBe('violated');
    expect((await statuses('waivedForFutility', 'letsencrypt'))['notice-before-disclosure']).toBe('proved');
  });

  it('a noticeWaived tag on the machine’s own states is no waiver: notice still falls due when the gag lifts', async () => {
    expect((await statuses('tagWaived'))['delayed-notice']).toBe('violated');
  });

  it('a machine that takes emergency.ended somewhere still owes notice when a gag lifts', async () => {
    expect((await statuses('liftBad'))['delayed-notice']).toBe('violated');
  });

  it('and one that keeps the duty is not blamed for an emergency ending while the gag holds', async () => {
    expect((await statuses('liftGood'))['delayed-notice']).toBe('proved');
  });

  it('an open-ended gag imposed over a 30-day one must be challenged too', async () => {
    expect((await statuses('openEndedOverFixed'))['challenge-long-secrecy']).toBe('violated');
  });

  it('an overdue flag raised on the disclosure step for another duty does not settle the follow-up', async () => {
    expect((await statuses('lateEmergency'))['emergency-follow-up']).toBe('violated');
  });

  it('a gag imposed after notice does not cut the user’s objection window short', async () => {
    expect((await statuses('gagAfterNotice'))['objection-window']).toBe('violated');
  });
});
