import { describe, expect, it, vi } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import { dayNumber } from '../../src/domain/date.ts';
import { activeStatePaths } from '../../src/inspect/activeStatePaths.ts';
import { connectInspector } from '../../src/inspect/reportRun.ts';
import { observe } from '../../src/scenarios/observe.ts';
import { sendEvent, startRun } from '../../src/time/TimedRun.ts';
import { WAIT, useInspector } from './support/useInspector.ts';

// The one-line hook for dueprocess's whole-day clock: a TimedRun reported with its deadlines.

// A civil subpoena opens a 14-day written-objection window on receipt.
const civil = findKind('civilSubpoena');
const input = civil?.inputs[0]?.input as { receivedOn: string } | undefined;
if (!civil || !input) throw new Error('no civilSubpoena kind with an input');
const inspector = useInspector();

describe('connectInspector', () => {
  it('reports a run’s state, steps and pending deadlines', async () => {
    const day0 = dayNumber(input.receivedOn);
    const reporter = connectInspector(inspector().wsUrl);
    let run = startRun(civil.machine, input, 0);
    reporter.report(run, day0, 'case-17');
    const mine = () => inspector().actors().find((a) => a.name === 'case-17');
    await vi.waitFor(() => expect(mine()?.active).toContain('process.review'), WAIT);
    expect(mine()?.machine).toBe('civilSubpoena');
    const deadlines = observe(run, day0).deadlines;
    expect(deadlines.map((d) => d.name)).toEqual(['writtenObjectionWindow']);
    expect(mine()?.deadlines).toEqual(deadlines);

    const completed = { type: 'review.completed', finding: 'sufficient' };
    const moved = sendEvent(run, 3, completed);
    expect(moved.ok).toBe(true);
    run = moved.run;
    reporter.report(run, day0, 'case-17');
    await vi.waitFor(() => expect(mine()?.events).toHaveLength(2), WAIT);
    await vi.waitFor(() => expect(mine()?.active).toEqual(activeStatePaths(run.snapshot.value)), WAIT);
    expect(mine()?.deadlines).toEqual(observe(run, day0).deadlines);
    expect(mine()?.events.map((e) => e.type)).toEqual(['xstate.init', 'review.completed']);
    expect(mine()?.events[1]?.event).toMatchObject({ finding: 'sufficient', day: 3 });
    expect(inspector().actors().filter((a) => a.name === 'case-17')).toHaveLength(1);
    reporter.close();
  });

  it('drops reports when no inspector is listening, without throwing', () => {
    const reporter = connectInspector('ws://127.0.0.1:9');
    expect(() => reporter.report(startRun(civil.machine, input, 0), dayNumber(input.receivedOn))).not.toThrow();
    reporter.close();
  });
});
