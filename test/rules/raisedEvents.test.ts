import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { raisedEvents } from '../../src/explore/raisedEvents.ts';
import { noNoticeUnderSecrecy, noticeBeforeDisclosure } from '../../src/rules/noticeRules.ts';
import { startRun } from '../../src/time/TimedRun.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';
import { send } from '../support/runHelpers.ts';
import { judge } from './support/checkRunFixtures.ts';

const FIXTURE = 'test/fixtures/raisedEvents.js';
type Row = { rules: { id: string; status: string; counterexample?: { what: string; state: string }[] }[] };
const check = async (name: string) => {
  const { code, out } = await runCliCaptured(['check', '--machine', FIXTURE, '--export', name, '--policy', 'cloudflare', '--json']);
  return { code, rule: (id: string) => (JSON.parse(out) as Row[]).flatMap((r) => r.rules).find((x) => x.id === id) };
};

describe(`events a machine raises for itself are events the rules see (${FIXTURE})`, () => {
  it('reads undelayed raises from a step’s actions, in order, and leaves delayed ones to the timers', () => {
    const actions = [
      { type: 'xstate.raise', params: { event: { type: 'notice.sent' } } },
      { type: 'xstate.raise', params: { event: { type: 'xstate.after.P5D' }, delay: 432_000_000, id: 'xstate.after.P5D' } },
      { type: 'xstate.assign' },
      { type: 'xstate.raise', params: { event: { type: 'data.disclosed', categories: ['basicSubscriberInfo'] } } },
    ];
    expect(raisedEvents(actions).map((e) => e.type)).toEqual(['notice.sent', 'data.disclosed']);
    expect(raisedEvents([{ type: 'xstate.assign' }])).toEqual([]);
  });

  it('a notice raised under a gag breaks no-notice-under-secrecy, in the explorer', async () => {
    const { code, rule } = await check('raisedNoticeUnderGag');
    expect(code).toBe(1);
    expect(rule('no-notice-under-secrecy')?.status).toBe('violated');
    expect(rule('no-notice-under-secrecy')?.counterexample?.at(-1)).toMatchObject({ what: 'review.completed { finding: "sufficient" }', state: 'toldGagged' });
  });

  it('a disclosure raised with no notice first breaks notice-before-disclosure, in the explorer', async () => {
    const { code, rule } = await check('raisedDisclosure');
    expect(code).toBe(1);
    expect(rule('notice-before-disclosure')?.status).toBe('violated');
  });

  it('and on a concrete dated run', async () => {
    const { raisedNoticeUnderGag, raisedDisclosure } = (await import(`../../${FIXTURE}`)) as Record<string, AnyStateMachine>;
    if (!raisedNoticeUnderGag || !raisedDisclosure) throw new Error(`${FIXTURE} lost its exports`);
    const gagged = send(startRun(raisedNoticeUnderGag, {}, 0), 3, { type: 'review.completed', finding: 'sufficient' });
    expect(gagged.steps.at(-1)?.raised).toEqual([{ type: 'notice.sent' }]);
    expect(judge(gagged, {}, undefined, [noNoticeUnderSecrecy]).map((v) => [v.rule, v.day])).toEqual([['no-notice-under-secrecy', 3]]);
    const auto = send(startRun(raisedDisclosure, {}, 0), 2, { type: 'review.completed', finding: 'sufficient' });
    expect(judge(auto, {}, undefined, [noticeBeforeDisclosure]).map((v) => [v.rule, v.day])).toEqual([['notice-before-disclosure', 2]]);
  });
});
