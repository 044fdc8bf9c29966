import { type AnyStateMachine, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/domain/date.ts';
import { DAY_MS } from '../../src/domain/duration.ts';
import { Observation } from '../../src/scenarios/Observation.ts';
import { observe } from '../../src/scenarios/observe.ts';
import { eventWords, passWords, storyTitle } from '../../src/scenarios/storyTitle.ts';
import { type TimedRun, advanceTo, sendEvent, startRun } from '../../src/time/TimedRun.ts';

type Ev = { type: 'data.disclosed'; categories: string[] } | { type: 'request.fulfilled' } | { type: 'records.archived'; categories?: string[] } | { type: 'secrecy.imposed' } | { type: 'go' };

/** Discloses anything but content, any number of times; a gag region; and two timers started two days apart. */
const machine = setup({
  types: {} as { events: Ev },
  delays: { zeta: 7 * DAY_MS, alpha: 5 * DAY_MS, P3D: 3 * DAY_MS },
}).createMachine({
  id: 'obs',
  type: 'parallel',
  states: {
    data: {
      initial: 'open',
      states: {
        open: {
          tags: ['noticeDue'],
          on: {
            'data.disclosed': { guard: ({ event }) => !event.categories.includes('content'), target: 'open', reenter: false },
            'request.fulfilled': 'done',
            'records.archived': 'done',
          },
        },
        done: { tags: ['closed', 'noticeSent'] },
      },
    },
    gag: { initial: 'none', states: { none: { on: { 'secrecy.imposed': 'inForce' } }, inForce: { tags: ['secrecy'] } } },
    clocks: {
      initial: 'a',
      states: { a: { after: { zeta: 'z' } }, z: {} },
    },
    second: { initial: 'idle', states: { idle: { on: { go: 'armed' } }, armed: { after: { alpha: 'idle' } } } },
    third: { initial: 'w', states: { w: { after: { P3D: 'x' } }, x: {} } },
  },
}) as unknown as AnyStateMachine;

const RECEIVED = '2026-03-02';
const day0 = dayNumber(RECEIVED);
const send = (run: TimedRun, day: number, event: Ev): TimedRun => {
  const r = sendEvent(run, day, event);
  return r.ok ? r.run : advanceTo(run, day);
};

describe('observe', () => {
  it('collects the categories of accepted disclosures only, in DATA_CATEGORIES order', () => {
    let run = startRun(machine, {}, 0);
    expect(observe(run, day0).disclosed).toEqual([]);
    run = send(run, 0, { type: 'data.disclosed', categories: ['nonContentRecords'] });
    const content: Ev = { type: 'data.disclosed', categories: ['content', 'tollBillingRecords'] };
    expect(sendEvent(run, 1, content).ok).toBe(false);
    run = send(run, 1, { type: 'data.disclosed', categories: ['content', 'tollBillingRecords'] });
    expect(observe(run, day0).disclosed).toEqual(['nonContentRecords']);
    run = send(run, 1, { type: 'data.disclosed', categories: ['tollBillingRecords', 'basicSubscriberInfo', 'nonContentRecords'] });
    // Categories on an event of another type (here the machine's own) are not disclosures.
    run = send(run, 2, { type: 'records.archived', categories: ['content'] });
    const seen = observe(run, day0);
    expect(seen.disclosed).toEqual(['basicSubscriberInfo', 'tollBillingRecords', 'nonContentRecords']);
    expect(Observation.safeParse(seen).success).toBe(true);
  });

  it('lists pending deadlines by due date, then by name, as dates', () => {
    let run = startRun(machine, {}, 0);
    // zeta (7 days) from day 0 and alpha (5 days) from day 2 both pass at the end of day 7;
    // zeta was started first, so the run fires it first, but the observation sorts by name.
    run = send(run, 2, { type: 'go' });
    expect(run.timers.map((t) => [t.delay, t.dueDay])).toEqual([
      ['P3D', 3],
      ['zeta', 7],
      ['alpha', 7],
    ]);
    expect(observe(run, day0).deadlines).toEqual([
      { name: 'P3D', due: '2026-03-05' },
      { name: 'alpha', due: '2026-03-09' },
      { name: 'zeta', due: '2026-03-09' },
    ]);
    run = advanceTo(run, 3, true);
    expect(observe(run, day0).deadlines.map((d) => d.name)).toEqual(['alpha', 'zeta']);
    // The dates follow the day number given as day 0.
    expect(observe(run, day0 + 10).deadlines[0]).toEqual({ name: 'alpha', due: '2026-03-19' });
  });

  it('reads tags (sorted), secrecy and notice status from the vocabulary tags', () => {
    let run = startRun(machine, {}, 0);
    expect(observe(run, day0)).toMatchObject({ tags: ['noticeDue'], secrecy: false, notice: 'due' });
    run = send(run, 0, { type: 'secrecy.imposed' });
    run = send(run, 0, { type: 'request.fulfilled' });
    expect(observe(run, day0)).toMatchObject({ tags: ['closed', 'noticeSent', 'secrecy'], secrecy: true, notice: 'sent' });
  });
});

describe('story wording', () => {
  it('eventWords tells an event in words, and an unknown type as itself', () => {
    expect(eventWords({ type: 'review.completed', finding: 'overbroad' })).toBe('review finds the process overbroad');
    expect(eventWords({ type: 'review.completed', finding: 'foreignLawConflict' })).toBe('review finds a conflict with foreign law');
    expect(eventWords({ type: 'secrecy.imposed' })).toBe('open-ended gag imposed');
    expect(eventWords({ type: 'secrecy.imposed', days: 90 })).toBe('gag imposed for 90 days');
    expect(eventWords({ type: 'secrecy.imposed', days: 90 }, true)).toBe('new gag order for 90 days');
    expect(eventWords({ type: 'secrecy.imposed' }, true)).toBe('new open-ended gag order');
    expect(eventWords({ type: 'secrecy.lifted', reason: 'lifted' }, true)).toBe('gag lifted (lifted)');
    expect(eventWords({ type: 'data.disclosed', categories: ['basicSubscriberInfo', 'content'] })).toBe('basicSubscriberInfo and content disclosed');
    expect(eventWords({ type: 'challenge.decided', route: 'motionToQuash', outcome: 'lost' })).toBe('motionToQuash lost');
    expect(eventWords({ type: 'emergency.assessed', criterion: null })).toBe('no emergency found');
    expect(eventWords({ type: 'request.verified', authentic: false })).toBe('request found forged');
    expect(eventWords({ type: 'something.new' })).toBe('something.new');
  });

  it('passWords agrees in number', () => {
    expect(passWords(['P14D'])).toBe('P14D passes');
    expect(passWords(['P7D', 'P14D'])).toBe('P7D and P14D pass');
  });

  it('storyTitle tells the kind, the request and each step with its day after day 0', () => {
    expect(storyTitle('National security letter', 'plain', [{ day: 0, says: 'review finds the process sufficient' }, { day: 30, says: 'P30D passes' }])).toBe(
      'National security letter (plain): review finds the process sufficient, P30D passes at day 30',
    );
    expect(storyTitle('Subpoena', 'gagged', [{ day: 1095, says: 'gag lifted (threeYearReview)' }])).toBe('Subpoena (gagged): gag lifted (threeYearReview) at day 1,095');
    expect(storyTitle('Subpoena', 'plain', [])).toBe('Subpoena (plain): received');
  });
});
