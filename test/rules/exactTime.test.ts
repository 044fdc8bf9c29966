import { stateIn } from 'xstate';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import type { Monitor, StepInfo } from '../../src/explore/Monitor.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { isStart, neverStep, onEvent, onlyWithin, terminates } from '../../src/rules/language.ts';
import { adHoc, build, target, version } from '../support/handMachines.ts';

describe('exact whole-day time', () => {
  /** `request.withdrawn` is possible only until a P10D deadline lapses. */
  const deadline = build({
    id: 'deadline',
    initial: 'open',
    states: {
      open: { after: { P10D: 'lapsed' }, on: { 'request.withdrawn': 'withdrawn' } },
      lapsed: { type: 'final', tags: ['closed', 'withdrawn'] },
      withdrawn: { type: 'final', tags: ['closed', 'withdrawn'] },
    },
  });
  const withdrawal = onEvent('request.withdrawn');

  it('an event on the deadline’s own day still comes before the timer: day 10 is possible', () => {
    const [result] = checkMachine(target(deadline), version, [adHoc('within-9', onlyWithin({ target: withdrawal, since: isStart, message: 'late' })(9))]);

    expect(result?.status).toBe('violated');
    expect(result?.counterexample?.map((s) => [s.day, s.what, s.state])).toEqual([
      [0, 'request received', 'open'],
      [10, 'request.withdrawn', 'withdrawn'],
    ]);
  });

  it('but never day 11: the timer fires at the end of day 10', () => {
    const [result] = checkMachine(target(deadline), version, [adHoc('within-10', onlyWithin({ target: withdrawal, since: isStart, message: 'late' })(10))]);
    expect(result?.status).toBe('proved');
  });

  it('reaches both outcomes, and nothing leaves the lapsed state', () => {
    const run = explore(deadline, { inputs: [{ name: 'only', input: {} }], events: eventVariants(['request.withdrawn'], {}) });

    expect(run.complete).toBe(true);
    expect(run.stopped).toBeUndefined();
    expect(run.violations).toEqual([]);
    const values = new Set(run.nodes.map((n) => n.snapshot.value as string));
    expect(values).toEqual(new Set(['open', 'lapsed', 'withdrawn']));
    const lapsed = run.nodes.filter((n) => n.snapshot.value === 'lapsed');
    for (const n of lapsed) expect(run.edges[n.id]).toEqual([]);
  });

  /** One state with a P5D and a P7D timer started together: the 7-day one can never win. */
  const together = build({
    id: 'together',
    initial: 'racing',
    states: {
      racing: { after: { P5D: 'five', P7D: 'seven' } },
      five: { type: 'final', tags: ['closed', 'withdrawn'] },
      seven: { type: 'final', tags: ['closed', 'withdrawn'] },
    },
  });

  it('a timer never fires before a shorter pending one: P7D started with P5D is unreachable', () => {
    const run = explore(together, { inputs: [{ name: 'only', input: {} }], events: [] });

    expect(run.complete).toBe(true);
    const values = run.nodes.map((n) => n.snapshot.value);
    expect(values).toContain('five');
    expect(values).not.toContain('seven');
  });

  /**
   * Two regions: a P7D timer from day 0, and a P5D timer started by notice on a day the explorer
   * chooses. Which fires first depends on that day, exactly.
   */
  const race = build({
    id: 'race',
    type: 'parallel',
    states: {
      long: { initial: 'waiting', states: { waiting: { after: { P7D: 'done' } }, done: {} } },
      short: {
        initial: 'idle',
        states: { idle: { on: { 'notice.sent': 'waiting' } }, waiting: { after: { P5D: 'done' } }, done: {} },
      },
    },
  });
  const raceInputs = { inputs: [{ name: 'only', input: {} }], events: eventVariants(['notice.sent'], {}) };
  const firesWhile = (delay: string, region: 'long' | 'short', state: string): Monitor =>
    (neverStep((info) => info.kind === 'timer' && info.delay === delay && info.pre?.matches({ [region]: state }) === true, `${delay} fired`) as { monitor: Monitor }).monitor;

  const p5BeforeP7 = (info: StepInfo) => info.kind === 'timer' && info.delay === 'P5D' && info.pre?.matches({ long: 'waiting' }) === true;
  const p5AfterP7 = (info: StepInfo) => info.kind === 'timer' && info.delay === 'P5D' && info.pre?.matches({ long: 'done' }) === true;

  it('P5D started on day 2 is due with P7D on day 7: the earlier-started P7D fires first, then P5D on the same day', () => {
    const [result] = checkMachine(target(race), version, [adHoc('p5-after-p7', neverStep(p5AfterP7, 'P5D after P7D'))]);

    expect(result?.status).toBe('violated');
    expect(result?.counterexample?.map((s) => [s.day, s.what])).toEqual([
      [0, 'request received'],
      [2, 'notice.sent'],
      [7, 'deadline P7D passes'],
      [7, 'deadline P5D passes'],
    ]);
  });

  it('P5D beats P7D only when started by day 1, so it wins on day 6 at the latest', () => {
    const byDay = (n: number) => checkMachine(target(race), version, [adHoc(`p5-first-by-${n}`, onlyWithin({ target: p5BeforeP7, since: isStart, message: 'late win' })(n))])[0];

    expect(byDay(6)?.status).toBe('proved');
    const late = byDay(5);
    expect(late?.status).toBe('violated');
    expect(late?.counterexample?.map((s) => [s.day, s.what])).toEqual([
      [0, 'request received'],
      [1, 'notice.sent'],
      [6, 'deadline P5D passes'],
    ]);
    expect(late?.counterexample?.at(-1)?.state).toBe('long.waiting · short.done');
  });

  it('a termination counterexample is dated within the timers pending on its way: notice no earlier than day 2, so P7D fires first', () => {
    /** P5D closes the case only while P7D has not fired; if P7D wins, nothing more can happen. */
    const stuckRace = build({
      id: 'stuckRace',
      type: 'parallel',
      states: {
        long: { initial: 'waiting', states: { waiting: { after: { P7D: 'done' } }, done: {} } },
        short: {
          initial: 'idle',
          states: {
            idle: { on: { 'notice.sent': 'waiting', 'request.withdrawn': 'closed' } },
            waiting: { after: { P5D: { target: 'closed', guard: stateIn('#stuckRace.long.waiting') } } },
            closed: { tags: ['closed', 'withdrawn'] },
          },
        },
      },
    });
    const [result] = checkMachine(target(stuckRace), version, [adHoc('ends', terminates())]);

    expect(result?.status).toBe('violated');
    expect(result?.counterexample?.map((s) => [s.day, s.what, s.state])).toEqual([
      [0, 'request received', 'long.waiting · short.idle'],
      [2, 'notice.sent', 'long.waiting · short.waiting'],
      [7, 'deadline P7D passes', 'long.done · short.waiting'],
    ]);
  });

  it('P7D never fires while a P5D started no later is still pending', () => {
    /** Both timers start on the same notice: P7D can never beat P5D. */
    const sameStart = build({
      id: 'sameStart',
      type: 'parallel',
      states: {
        long: { initial: 'idle', states: { idle: { on: { 'notice.sent': 'waiting' } }, waiting: { after: { P7D: 'done' } }, done: {} } },
        short: { initial: 'idle', states: { idle: { on: { 'notice.sent': 'waiting' } }, waiting: { after: { P5D: 'done' } }, done: {} } },
      },
    });
    const run = explore(sameStart, { ...raceInputs, monitor: firesWhile('P7D', 'short', 'waiting') });
    const control = explore(race, { ...raceInputs, monitor: firesWhile('P7D', 'short', 'waiting') });

    expect(run.complete).toBe(true);
    expect(run.violations).toEqual([null]);
    expect(run.nodes.some((n) => n.snapshot.matches({ long: 'done', short: 'done' }))).toBe(true);
    expect(control.violations[0]).not.toBeNull();
  });
});

