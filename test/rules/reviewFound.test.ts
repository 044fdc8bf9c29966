import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/runCliCaptured.ts';

type Row = { rules: { id: string; status: string }[] };
const statuses = async (name: string) => {
  const { out } = await runCliCaptured(['check', '--machine', 'test/fixtures/reviewFound.js', '--export', name, '--policy', 'cloudflare', '--json']);
  return Object.fromEntries((JSON.parse(out) as Row[]).flatMap((r) => r.rules.map((x) => [x.id, x.status])));
};

// A review of the red-team fixes found these; each verdict was wrong before.
describe('a flag settles only its own duty, and notice falls due when nothing holds it back', () => {
  it.each([
    ['lateOtherHidesChallenge', 'challenge-long-secrecy', 'violated'],
    ['lateOtherAfterFree', 'delayed-notice', 'violated'],
    ['disclosedAfterEmergencyEnded', 'delayed-notice', 'violated'],
    ['rootSilentTimer', 'no-silent-deadline', 'violated'],
    ['gagAndEmergency', 'delayed-notice', 'proved'],
    ['eventOnlyNotice', 'delayed-notice', 'proved'],
  ])('%s: %s is %s', async (machine, rule, status) => {
    expect((await statuses(machine))[rule]).toBe(status);
  });
});
