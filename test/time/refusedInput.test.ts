import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { nationalSecurityLetterEntry } from '../../machines/nationalSecurityLetter.ts';
import { subpoenaEntry } from '../../machines/subpoena.ts';
import type { DatedEvent } from '../../src/domain/DatedEvent.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { replay } from '../../src/time/replay.ts';
import { advanceTo, sendEvent, startRun } from '../../src/time/TimedRun.ts';
import { demandRequest } from '../support/demandFixtures.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

const nsl = demandRequest(nationalSecurityLetterEntry, { secrecyCertified: true });
const version = policyVersionAt(cloudflare, nsl.receivedOn);
const disclose = { day: 10, event: { type: 'data.disclosed', categories: ['basicSubscriberInfo'] } } as DatedEvent;

// A machine of the user's own: `poke` is not in the vocabulary.
const own = setup({ types: {} as { events: { type: 'poke' } | { type: 'review.completed'; finding: string } } }).createMachine({
  initial: 'idle',
  states: { idle: { on: { poke: 'poked', 'review.completed': 'reviewed' } }, poked: {}, reviewed: {} },
});

describe('the whole-day clock refuses input the vocabulary or model time does not allow, and applies nothing', () => {
  it.each([['overbroad '], ['Overbroad'], ['ok'], [undefined]])('replay refuses a review finding of %j, naming the field', (finding) => {
    const review = { day: 4, event: { type: 'review.completed', ...(finding === undefined ? {} : { finding }) } } as DatedEvent;
    const error = inputErrorOf(() => replay(nationalSecurityLetterEntry, version, nsl, [review, disclose]));
    expect(error).toMatchObject({ reason: 'invalid', field: 'events[0].event.finding', value: finding });
    expect(error.fix).toContain('"overbroad"');
  });

  it('sendEvent checks a vocabulary event against its schema, and lets a machine speak events of its own', () => {
    const run = startRun(nationalSecurityLetterEntry.machine, nsl);
    const error = inputErrorOf(() => sendEvent(run, 4, { type: 'review.completed', finding: 'ok' } as { type: string }));
    expect(error).toMatchObject({ field: 'event.finding', value: 'ok' });
    expect(inputErrorOf(() => sendEvent(startRun(own, undefined), 1, { type: 'review.completed', finding: 'ok' } as { type: string })).field).toBe('event.finding');
    expect(sendEvent(startRun(own, undefined), 1, { type: 'poke' }).ok).toBe(true);
  });

  it('startRun refuses an input the machine cannot start from, naming it', () => {
    const error = inputErrorOf(() => startRun(nationalSecurityLetterEntry.machine, { foo: 1 }));
    expect(error).toMatchObject({ reason: 'invalid', field: 'input', value: { foo: 1 } });
    expect(error.message).toContain('the machine failed to start from it');
  });

  it.each([[2.5], [Number.NaN], [-1], [Number.POSITIVE_INFINITY]])('a day of %s is an InputError naming the day', (day) => {
    const run = startRun(subpoenaEntry.machine, demandRequest(subpoenaEntry));
    const sent = inputErrorOf(() => sendEvent(run, day, { type: 'notice.sent' }));
    expect(sent).toMatchObject({ reason: 'invalid', field: 'day' });
    expect(sent.fix).toContain('whole number of days');
    expect(inputErrorOf(() => advanceTo(run, day)).field).toBe('day');
    expect(inputErrorOf(() => replay(subpoenaEntry, version, demandRequest(subpoenaEntry), [{ day }])).field).toBe('events[0].day');
  });

  it('a refusal says what the case is waiting on: its pending deadlines and their due days', () => {
    const subpoena = demandRequest(subpoenaEntry);
    const { rejected } = replay(subpoenaEntry, policyVersionAt(cloudflare, subpoena.receivedOn), subpoena, [
      { day: 2, event: { type: 'review.completed', finding: 'sufficient' } },
      { day: 3, event: { type: 'notice.sent' } },
      disclose,
    ]);
    expect(rejected?.rejection.message).toMatch(/^"data\.disclosed" cannot be taken on day 10 in state .+: its guards refuse it here \(pending deadline: objectionWindow, due day 17\); it is taken after the objectionWindow deadline; or after secrecy\.imposed, then the objectionWindow deadline$/);
    const idle = sendEvent(startRun(own, undefined), 1, { type: 'poke' });
    const refused = idle.ok ? sendEvent(idle.run, 2, { type: 'poke' }) : idle;
    expect(refused.ok ? '' : refused.rejection.message).toBe('"poke" cannot be taken on day 2 in state poked: no active state takes "poke" now (no deadline pending)');
  });
});
