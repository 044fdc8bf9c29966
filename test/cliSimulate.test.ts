import { describe, expect, it } from 'vitest';
import { runCliCaptured, tempFile } from './support/runCliCaptured.ts';

interface StepView {
  day: number;
  date: string;
  trigger: string;
  state: string;
  secrecy: boolean;
  notice: string;
  outcome: string | null;
  deadlines: { timer: string; due: string; dueDay: number }[];
}
interface Output {
  steps: StepView[];
  rejected?: { index: number; date: string; message: string; couldTake: { type: string }[] };
}

const simulate = (...args: string[]) => runCliCaptured(['simulate', ...args]);
const json = (out: string) => JSON.parse(out) as Output;
const nsl = ['nationalSecurityLetter', '--request', 'examples/nsl-request.json'];

const subpoenaRequest = {
  receivedOn: '2026-03-02',
  account: 'a-1',
  requester: { name: 'US Attorney', country: 'US' },
  target: { usPerson: true, residesInUS: true, residenceCountry: 'US' },
  categories: ['basicSubscriberInfo'],
};

describe('dueprocess simulate: good input', () => {
  it('replays a dated NSL case with an open-ended gag that is challenged and later lifted', async () => {
    const { code, out } = await simulate(...nsl, '--events', 'examples/nsl-events.json', '--json');
    expect(code).toBe(0);
    const { steps } = json(out);
    expect(steps[0]).toMatchObject({ date: '2013-02-04', secrecy: true, notice: 'not sent' });
    expect(steps[0]?.deadlines).toEqual([{ timer: 'secrecyChallengeWindow', state: 'secrecy.inForce.challenge.challengeDue', due: '2013-03-06', dueDay: 30 }]);
    const reciprocal = steps.find((s) => s.state.includes('reciprocalNotice.awaitingGovernment'));
    expect(reciprocal?.deadlines.map((d) => [d.timer, d.due])).toEqual([['P30D', '2013-03-22']]);
    const withdrawn = steps.find((s) => s.trigger === 'request.withdrawn');
    expect(withdrawn).toMatchObject({ secrecy: true, outcome: 'withdrawn' });
    expect(steps.at(-1)).toMatchObject({ date: '2016-12-15', trigger: 'secrecy.lifted', secrecy: false, notice: 'not required' });
  });

  it('prints every step for people, with its event’s payload, secrecy, notice and deadlines', async () => {
    const { code, out } = await simulate(...nsl, '--events', 'examples/nsl-events.json');
    expect(code).toBe(0);
    // Two challenges on one day read apart by their routes; a lift by its reason.
    expect(out).toContain('day   16  2013-02-20  challenge.filed { route: "petitionToSetAside" }\n');
    expect(out).toContain('day   16  2013-02-20  challenge.filed { route: "reciprocalNotice" }\n');
    expect(out).toContain('day 1410  2016-12-15  secrecy.lifted { reason: "lifted" }\n');
    expect(out).toContain('secrecy:   IN FORCE');
    expect(out).toMatch(/P30D \(secrecy\.inForce\.challenge\.reciprocalNotice\.awaitingGovernment\) due 2013-03-22, day 46/);
  });

  it('fires timers when a line only moves the clock, and takes the kind from the command line', async () => {
    const request = tempFile('r.json', { ...subpoenaRequest, secrecyOrder: { days: 90 } });
    const events = tempFile('e.json', [
      { day: 1, event: { type: 'review.completed', finding: 'sufficient' } },
      { day: 2, event: { type: 'data.disclosed', categories: ['basicSubscriberInfo'] } },
      { day: 100 },
    ]);
    const { code, out } = await simulate('subpoena', '--request', request, '--events', events, '--json');
    expect(code).toBe(0);
    const steps = json(out).steps;
    expect(steps.map((s) => [s.day, s.trigger])).toContainEqual([90, 'timer secrecyTerm fired']);
    expect(steps.map((s) => [s.day, s.trigger])).toContainEqual([97, 'timer delayedNotice fired']);
    expect(steps.at(-1)).toMatchObject({ secrecy: false, notice: 'overdue', outcome: 'disclosed' });
  });

  it('counts a gag order imposed during the case from the date it bears', async () => {
    const events = tempFile('e.json', [{ date: '2026-03-06', event: { type: 'secrecy.imposed', days: 90, issuedOn: '2026-02-24' } }]);
    const { code, out } = await simulate('subpoena', '--request', tempFile('r.json', subpoenaRequest), '--events', events, '--json');
    expect(code).toBe(0);
    expect(json(out).steps.at(-1)?.deadlines).toContainEqual(expect.objectContaining({ timer: 'secrecyTerm', due: '2026-05-25', dueDay: 84 }));
  });

  it('judges a case under the policy version of its date', async () => {
    const old = tempFile('r.json', { ...subpoenaRequest, receivedOn: '2024-09-01', dataAgeDays: 4000 });
    const recent = tempFile('r.json', { ...subpoenaRequest, receivedOn: '2025-09-01', dataAgeDays: 4000 });
    const none = tempFile('e.json', []);
    const before = json((await simulate('subpoena', '--request', old, '--events', none, '--policy', 'letsencrypt', '--json')).out);
    const after = json((await simulate('subpoena', '--request', recent, '--events', none, '--policy', 'letsencrypt', '--json')).out);
    expect(before.steps[0]?.outcome).toBe('noRecords');
    expect(after.steps[0]?.state).toContain('process.review');
  });
});

describe('dueprocess simulate: an event the machine cannot take', () => {
  it('reports the step, the state and the events it could take, and applies nothing after it', async () => {
    const events = tempFile('e.json', [
      { date: '2013-02-08', event: { type: 'review.completed', finding: 'sufficient' } },
      { date: '2013-02-10', event: { type: 'notice.sent' } },
      { date: '2013-02-12', event: { type: 'data.disclosed', categories: ['subscriberIdentity'] } },
    ]);
    const { code, out } = await simulate(...nsl, '--events', events, '--json');
    expect(code).toBe(1);
    const result = json(out);
    expect(result.rejected).toMatchObject({ index: 1, date: '2013-02-10' });
    expect(result.rejected?.message).toContain('"notice.sent" cannot be taken on day 6 in state process.compliance');
    expect(result.rejected?.couldTake).toContainEqual({ type: 'data.disclosed', categories: ['subscriberIdentity', 'tollBillingRecords'] });
    expect(result.rejected?.couldTake).not.toContainEqual({ type: 'data.disclosed', categories: ['basicSubscriberInfo'] });
    expect(result.rejected?.couldTake).not.toContainEqual({ type: 'notice.sent' });
    expect(result.rejected?.couldTake).not.toContainEqual({ type: 'data.disclosed', categories: ['content'] });
    expect(result.steps.map((s) => s.trigger)).toEqual(['received', 'review.completed']);
  });

  it('says so on stderr in text mode', async () => {
    const events = tempFile('e.json', [{ day: 1, event: { type: 'data.disclosed', categories: ['content'] } }]);
    const { code, err } = await simulate(...nsl, '--events', events);
    expect(code).toBe(1);
    expect(err).toMatch(/events\[0\] \(day 1, 2013-02-05\): "data.disclosed" cannot be taken/);
    expect(err).toMatch(/It could take: .*review\.completed \{ finding: "sufficient" \}.*Nothing after it was applied\./);
  });
});

describe('dueprocess simulate: bad input exits 2 with field, value and fix', () => {
  const events = tempFile('e.json', []);
  it.each([
    ['an unknown kind', ['warrant', '--request', 'x', '--events', 'y'], /kind: is not a kind in the catalogue \(got "warrant"\)\. Fix: use one of subpoena, /],
    ['a missing --request', ['subpoena', '--events', 'y'], /--request: is required/],
    ['a missing file', ['subpoena', '--request', 'nope.json', '--events', 'y'], /--request: cannot be read \(ENOENT\)/],
    ['malformed JSON', ['subpoena', '--request', tempFile('r.json', '{"kind": '), '--events', events], /--request: is not valid JSON/],
    ['a field of the wrong type', ['subpoena', '--request', tempFile('r.json', { ...subpoenaRequest, target: { ...subpoenaRequest.target, usPerson: 'yes' } }), '--events', events], /request\.target\.usPerson: .*\(got "yes"\)\. Fix: give a boolean/],
    ['an unknown data category', ['subpoena', '--request', tempFile('r.json', { ...subpoenaRequest, categories: ['emails'] }), '--events', events], /request\.categories\[0\]: .*Fix: use one of "basicSubscriberInfo"/],
    ['an unknown event type', ['subpoena', '--request', tempFile('r.json', subpoenaRequest), '--events', tempFile('e.json', [{ day: 1, event: { type: 'notice.mailed' } }])], /events\[0\]\.event\.type: .*"notice\.mailed"/],
    ['a date that goes backwards', ['subpoena', '--request', tempFile('r.json', subpoenaRequest), '--events', tempFile('e.json', [{ date: '2026-03-10' }, { date: '2026-03-05' }])], /events\[1\]\.date: goes backwards.*Fix: list events in date order/],
    ['a date before receipt', ['subpoena', '--request', tempFile('r.json', subpoenaRequest), '--events', tempFile('e.json', [{ date: '2026-03-01' }])], /events\[0\]\.date: is before the request was received/],
    ['both day and date', ['subpoena', '--request', tempFile('r.json', subpoenaRequest), '--events', tempFile('e.json', [{ day: 1, date: '2026-03-05' }])], /events\[0\]\.day: give exactly one of "day"/],
    ['a gag order dated after the day it comes', ['subpoena', '--request', tempFile('r.json', subpoenaRequest), '--events', tempFile('e.json', [{ date: '2026-03-06', event: { type: 'secrecy.imposed', days: 90, issuedOn: '2026-03-07' } }])], /events\[0\]\.event\.issuedOn: is after 2026-03-06.*\(got "2026-03-07"\)/],
    ['an unknown policy', ['subpoena', '--request', tempFile('r.json', subpoenaRequest), '--events', events, '--policy', 'google'], /--policy: is not a built-in policy \(got "google"\)/],
    ['a request for another kind', ['subpoena', '--request', 'examples/nsl-request.json', '--events', events], /request\.kind: this file is for kind "subpoena"/],
  ])('%s', async (_name, args, message) => {
    const { code, err, out } = await simulate(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });
});
