import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DAY_MS, MAX_DAYS } from '../../src/domain/duration.ts';
import { explore } from '../../src/explore/explore.ts';
import { startRun } from '../../src/time/TimedRun.ts';
import { delayName, wholeDays } from '../../src/time/timerChanges.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';

// As test/fixtures/hourDelay.js, which the CLI loads.
const hourDelay = setup({ delays: { grace: 36 * 3_600_000 } }).createMachine({
  id: 'hourDelay',
  initial: 'open',
  states: { open: { after: { grace: 'closed' } }, closed: { tags: ['closed'] } },
});

describe('a delay is a whole number of days', () => {
  it('gives the days of a whole-day delay', () => {
    expect(wholeDays('xstate.after.objectionWindow.subpoena.notice.pending', 14 * DAY_MS)).toBe(14);
    expect(wholeDays('xstate.after.now.x', 0)).toBe(0);
  });

  it('names the delay, the value and the fix for a part of a day or a negative delay', () => {
    const half = inputErrorOf(() => wholeDays('xstate.after.grace.hourDelay.open', 1.5 * DAY_MS));
    expect([half.field, half.value]).toEqual(['delays.grace', `${1.5 * DAY_MS} ms`]);
    expect(half.message).toContain('is not a whole number of days (1.5 days)');
    expect(inputErrorOf(() => wholeDays('xstate.after.back.x', -DAY_MS)).message).toContain('is negative');
  });

  it('says how far past a whole day a nearly whole delay is, and names an inline delay by its state', () => {
    const inline = inputErrorOf(() => wholeDays(`xstate.after.${3 * DAY_MS + 1000}.flow.noticed`, 3 * DAY_MS + 1000));
    expect(inline.field).toBe(`flow.noticed.after["${3 * DAY_MS + 1000}"]`);
    expect(inline.message).toContain('is not a whole number of days (3 days and 1000 ms)');
  });

  it('refuses a delay longer than 100 years, which no case is modelled over, and takes one of exactly 100 years', () => {
    for (const ms of [1e300, 86_400_000 * 1e9, (MAX_DAYS + 1) * DAY_MS, Infinity]) {
      const long = inputErrorOf(() => wholeDays('xstate.after.w.s.a', ms));
      expect([long.field, long.value, long.problem]).toEqual(['delays.w', `${ms} ms`, `is longer than ${MAX_DAYS} days (100 years), the longest span a case is modelled over`]);
      expect(long.fix).toBe(`give it as a whole number of days × ${DAY_MS} ms, at most ${MAX_DAYS} days (${MAX_DAYS * DAY_MS} ms)`);
    }
    expect(wholeDays('xstate.after.w.s.a', MAX_DAYS * DAY_MS)).toBe(MAX_DAYS);
  });

  it.each(['check', 'simulate'])('%s --machine exits 2 on a delay of 1e300 ms, naming it, not 3 or a counterexample dated past any calendar', async (command) => {
    const machine = tempFile('huge.mjs', "import { setup } from 'xstate'; export default setup({ delays: { w: 1e300 } }).createMachine({ id: 's', initial: 'a', states: { a: { after: { w: 'b' } }, b: { type: 'final', tags: ['closed', 'withdrawn'] } } });");
    const args = command === 'check' ? ['--policy', 'cloudflare'] : ['--request', tempFile('request.json', { receivedOn: '2026-03-02' }), '--events', tempFile('events.json', [])];
    const { code, out, err } = await runCliCaptured([command, '--machine', machine, ...args]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('dueprocess: delays.w: is longer than 36500 days (100 years), the longest span a case is modelled over (got "1e+300 ms")');
  });

  it('the explorer and the whole-day clock refuse a 36-hour deadline the same way', () => {
    const explored = inputErrorOf(() => explore(hourDelay, { inputs: [{ name: 'only', input: undefined }], events: [] }));
    const run = inputErrorOf(() => startRun(hourDelay, undefined, 0));
    expect(explored.field).toBe('delays.grace');
    expect(run.message).toBe(explored.message);
  });

  it('check --machine exits 2 with that message, not a stack trace', async () => {
    const { code, out, err } = await runCliCaptured(['check', '--machine', 'test/fixtures/hourDelay.js', '--export', 'hourDelay', '--policy', 'cloudflare']);
    expect(code).toBe(2);
    expect(out).toBe('');
    // A note that the machine speaks little of the vocabulary may come first.
    expect(err.slice(err.indexOf('dueprocess: ')).trim()).toBe('dueprocess: delays.grace: is not a whole number of days (1.5 days): model time is whole days (got "129600000 ms"). Fix: give it as a whole number of days × 86400000 ms');
  });
});

describe('delayName: the delay inside a timer event', () => {
  it('is the part after xstate.after., up to the next dot, or the whole text when no dot follows', () => {
    expect(delayName('xstate.after.objectionWindow.subpoena.notice.pending')).toBe('objectionWindow');
    expect(delayName('xstate.after.259200000.m.open')).toBe('259200000');
    expect(delayName('xstate.after.grace')).toBe('grace');
    expect(delayName('review.completed')).toBe('review.completed');
  });
});
