import { describe, expect, it } from 'vitest';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';

const request = {
  receivedOn: '2026-03-02',
  account: 'a-1',
  requester: { name: 'US Attorney', country: 'US' },
  target: { usPerson: true, residesInUS: true, residenceCountry: 'US' },
  categories: ['basicSubscriberInfo'],
};
const reviewed = [{ day: 1, event: { type: 'review.completed', finding: 'sufficient' } }];
const simulate = (req: unknown, events: unknown, ...rest: string[]) => runCliCaptured(['simulate', 'subpoena', '--request', tempFile('request.json', req), '--events', tempFile('events.json', events), ...rest]);

/** Cloudflare's policy under an id of its own, with every version's `notice.objectionWindow` set to `window`. */
const policyWith = (window: string) => tempFile('policy.json', { ...cloudflare, id: 'acme', versions: cloudflare.versions.map((v) => ({ ...v, notice: { ...v.notice, objectionWindow: window } })) });

describe('numbers too large for any case: refused as input (exit 2), never an internal error', () => {
  it.each([
    ['an event on day 1e9', request, [{ day: 1e9, event: { type: 'request.withdrawn' } }], 'events[0].day: is more than 36500 days (100 years) after receipt', 'Fix: give at most 36500'],
    ['a gag order served for 1e12 days', { ...request, secrecyOrder: { days: 1e12 } }, [], 'request.secrecyOrder.days: is more than 36500 days (100 years)', 'Fix: give at most 36500'],
    ['a gag imposed for 1e12 days', request, [{ day: 1, event: { type: 'secrecy.imposed', days: 1e12 } }], 'events[0].event.days: is more than 36500 days (100 years)', 'Fix: give at most 36500, or leave days out for a gag with no end date'],
    ['an event dated more than 36500 days after receipt', request, [{ date: '2126-03-02', event: { type: 'request.withdrawn' } }], 'events[0].date: is more than 36500 days (100 years) after the request was received (2026-03-02)', 'Fix: give a date no later than 2126-02-06'],
    ['a case received so late its deadlines fall past year 9999', { ...request, receivedOn: '9999-12-20', secrecyOrder: { days: 90 } }, reviewed, 'request.receivedOn: is after 9799-12-31', 'Fix: give a date from 1970-01-01 to 9799-12-31'],
  ])('simulate: %s', async (_what, req, events, problem, fix) => {
    const { code, err } = await simulate(req, events);
    expect(code).toBe(2);
    expect(err).toContain(`dueprocess: ${problem}`);
    expect(err).toContain(fix);
    expect(err).not.toContain('internal error');
  });

  it('simulate --policy: a policy duration of 99999999 days', async () => {
    const { code, err } = await simulate(request, reviewed, '--policy', policyWith('P99999999D'));
    expect(code).toBe(2);
    expect(err).toContain('dueprocess: policy.versions[0].notice.objectionWindow: is longer than 36500 days (100 years), the longest span a case is modelled over (got "P99999999D"). Fix: give at most P36500D, P1200M or P100Y');
  });

  it('check --policy: a duration past what a double holds exactly is refused before the explorer dates a counterexample with it', async () => {
    const { code, err } = await runCliCaptured(['check', '--machine', 'examples/my-workflow.ts', '--policy', policyWith('P99999999999999999999D')]);
    expect(code).toBe(2);
    expect(err).toContain('dueprocess: policy.versions[0].notice.objectionWindow: is longer than 36500 days');
    expect(err).not.toContain('explorer fault');
  });

  it('takes a case at the limits: an event on day 36500, a gag of 36500 days, a 100-year window', async () => {
    const { code, out } = await simulate({ ...request, secrecyOrder: { days: 36_500 } }, [...reviewed, { day: 36_500 }], '--policy', policyWith('P100Y'), '--json');
    expect(code).toBe(0);
    const steps = (JSON.parse(out) as { steps: { day: number; date: string; trigger: string }[] }).steps;
    expect(steps.map((s) => [s.day, s.date, s.trigger])).toContainEqual([36_500, '2126-02-06', 'timer secrecyTerm fired']);
  });
});
