import { describe, expect, it } from 'vitest';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';

const FIXTURE = 'test/fixtures/transientNotice.js';

describe('a state passed through within one step is seen (test/fixtures/transientNotice.js)', () => {
  const statusOf = async (name: string, id = 'no-notice-under-secrecy') => {
    const { code, out } = await runCliCaptured(['check', '--machine', FIXTURE, '--export', name, '--policy', 'cloudflare', '--json']);
    const rows = JSON.parse(out) as { rules: { id: string; status: string; counterexample?: { what: string; state: string }[] }[] }[];
    return { code, rule: rows[0]?.rules.find((r) => r.id === id) };
  };

  it('notice given by an `always` through a noticeSent state under a gag breaks no-notice-under-secrecy', async () => {
    const { code, rule } = await statusOf('underGag');
    expect(code).toBe(1);
    expect(rule?.status).toBe('violated');
    expect(rule?.counterexample?.at(-1)).toMatchObject({ what: 'review.completed { finding: "sufficient" }', state: 'toldGagged' });
  });

  it('the same pass once the gag is lifted is notice after the gag, and holds', async () => {
    expect((await statusOf('afterGag')).rule?.status).toBe('proved');
  });

  it('a dated run sees it too: simulate names the rule on the day of the step', async () => {
    const request = tempFile('request.json', { receivedOn: '2026-03-02' });
    const events = tempFile('events.json', [{ day: 3, event: { type: 'review.completed', finding: 'sufficient' } }]);
    const { code, err } = await runCliCaptured(['simulate', '--machine', FIXTURE, '--export', 'underGag', '--request', request, '--events', events]);
    expect(code).toBe(1);
    expect(err).toContain('VIOLATED no-notice-under-secrecy on day 3 (2026-03-05): the user was notified while a gag was in force.');
  });

  it('a notice passed through on receipt is seen, in the very first state or after an `always` from intake', async () => {
    for (const name of ['tellsOnReceipt', 'tellsAfterIntake']) {
      const { code, rule } = await statusOf(name);
      expect(code, name).toBe(1);
      expect(rule?.status, name).toBe('violated');
    }
  });

  it('an untagged state between two noticeSent states is no new notice, and a lift then a notice in one step is notice after the gag', async () => {
    expect((await statusOf('routed', 'objection-window')).rule?.status).toBe('proved');
    expect((await statusOf('direct', 'objection-window')).rule?.status).toBe('proved');
    expect((await statusOf('liftThenTell')).rule?.status).toBe('proved');
  });
});

