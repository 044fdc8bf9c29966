import { describe, expect, it } from 'vitest';
import { challengeLongSecrecy } from '../../src/rules/challengeLongSecrecy.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { build, target, version } from '../support/handMachines.ts';

/**
 * An open-ended gag (Cloudflare challenges those within 30 days) that the machine steps out of
 * after 14 days, by a timer of its own, and back into by `back`: `back` is an ordinary event, or
 * a new order (`secrecy.imposed`).
 */
const blinking = (back: 'review.completed' | 'secrecy.imposed') =>
  build({
    id: 'blinking',
    initial: 'received',
    states: {
      received: { on: { 'secrecy.imposed': 'gagged' } },
      gagged: {
        tags: ['secrecy'],
        after: { P14D: 'aside' },
        on: { 'challenge.filed': 'challenged' },
      },
      aside: { on: { [back]: 'gagged' } },
      challenged: { tags: ['secrecy', 'secrecyChallenged'] },
    },
  });

const verdict = (back: 'review.completed' | 'secrecy.imposed') => {
  const t = target(blinking(back));
  return checkMachine({ ...t, declared: { ...t.declared, 'challenge.filed': { route: ['gagChallenge'] } } }, version, [challengeLongSecrecy])[0];
};

describe('challenge-long-secrecy: a gag the machine steps out of and back into is the same gag', () => {
  it('taken up again with no new order, the duty resumes where it stood: 14 days in, out, back in, and day 30 passes unchallenged', () => {
    expect(version.challenges).toMatchObject({ openEndedSecrecy: true, within: 'P30D' });
    const result = verdict('review.completed');
    expect(result?.status).toBe('violated');
    const steps = (result?.counterexample ?? []).map((s) => [s.day, s.what]);
    expect(steps[1]).toEqual([0, 'secrecy.imposed']);
    expect(steps.map(([, what]) => what)).toEqual(expect.arrayContaining(['deadline P14D passes', 'review.completed { finding: "sufficient" }']));
    // Owed 30 days after the gag was first imposed, not 30 after it was taken up again.
    expect(steps.at(-1)).toEqual([31, 'time passes, nothing happens']);
  });

  it('a new order (secrecy.imposed) starts the duty over: each 14-day stay is inside its own order’s 30 days', () => {
    expect(verdict('secrecy.imposed')?.status).toBe('proved');
  });

  it('a gag the machine leaves for good owes no challenge after it (the clock runs on unread)', () => {
    const leaves = build({
      id: 'leaves',
      initial: 'received',
      states: { received: { on: { 'secrecy.imposed': 'gagged' } }, gagged: { tags: ['secrecy'], after: { P14D: 'done' } }, done: { type: 'final', tags: ['closed'] } },
    });
    expect(checkMachine(target(leaves), version, [challengeLongSecrecy])[0]?.status).toBe('proved');
  });
});
