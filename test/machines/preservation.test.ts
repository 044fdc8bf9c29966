import { describe, expect, it } from 'vitest';
import { PreservationRequest, preservationEntry, preservationMachine } from '../../machines/preservation.ts';
import { advanceTo, startRun } from '../../src/time/TimedRun.ts';
import { send, attempt, timers } from '../support/runHelpers.ts';

const request = PreservationRequest.parse({
  kind: 'preservation',
  receivedOn: '2026-04-01',
  account: 'acct-9',
  requester: { name: 'FBI Field Office' },
  categories: ['basicSubscriberInfo', 'content'],
});


describe('preservation request (2703(f))', () => {
  it('preserves for 90 days from receipt, then releases', () => {
    let run = startRun(preservationMachine, request, 0);
    expect(run.snapshot.matches({ preserving: 'firstPeriod' })).toBe(true);
    expect(run.snapshot.hasTag('preserving')).toBe(true);
    expect(timers(run)).toEqual([['P90D', 90]]);

    run = advanceTo(run, 90);
    expect(run.snapshot.matches('preserving')).toBe(true);
    run = advanceTo(run, 90, true);
    expect(run.snapshot.matches('released')).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('released')).toBe(true);
    expect(run.timers).toEqual([]);
  });

  it('starts the one extension when the first period ends, and releases 90 days later', () => {
    let run = send(startRun(preservationMachine, request, 0), 60, { type: 'preservation.extended' });
    expect(run.snapshot.context.extensionPending).toBe(true);
    expect(timers(run)).toEqual([['P90D', 90]]);

    run = advanceTo(run, 90, true);
    expect(run.snapshot.matches({ preserving: 'extensionPeriod' })).toBe(true);
    expect(run.snapshot.context.extensionPending).toBe(false);
    expect(timers(run)).toEqual([['P90D', 180]]);

    run = advanceTo(run, 180, true);
    expect(run.snapshot.matches('released')).toBe(true);
    const fired = run.steps.filter((s) => s.trigger.kind === 'timer').map((s) => s.day);
    expect(fired).toEqual([90, 180]);
  });

  it('does not accept a second extension, in either period', () => {
    const extended = send(startRun(preservationMachine, request, 0), 10, { type: 'preservation.extended' });
    expect(attempt(extended, 20, { type: 'preservation.extended' }).ok).toBe(false);
    const inExtension = advanceTo(extended, 100);
    expect(inExtension.snapshot.matches({ preserving: 'extensionPeriod' })).toBe(true);
    expect(attempt(inExtension, 100, { type: 'preservation.extended' }).ok).toBe(false);
  });

  it('never discloses anything', () => {
    const run = startRun(preservationMachine, request, 0);
    const result = attempt(run, 5, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] });
    expect(result.ok).toBe(false);
    expect(result.run).toBe(run);
    expect(preservationEntry.compels).toEqual([]);
  });

  it('hands the records to follow-up process, cancelling the timer', () => {
    let run = send(startRun(preservationMachine, request, 0), 30, { type: 'preservation.extended' });
    run = advanceTo(run, 120);
    run = send(run, 120, { type: 'process.received' });
    expect(run.snapshot.matches('handedToProcess')).toBe(true);
    expect(run.snapshot.hasTag('handedToProcess') && run.snapshot.hasTag('closed')).toBe(true);
    expect(run.timers).toEqual([]);
  });

  it('closes as withdrawn when the requester withdraws', () => {
    const run = send(startRun(preservationMachine, request, 0), 3, { type: 'request.withdrawn' });
    expect(run.snapshot.matches('withdrawn')).toBe(true);
    expect(run.snapshot.hasTag('withdrawn')).toBe(true);
  });

  it('ends in noRecords when the data is past retention', () => {
    const purged = preservationMachine.provide({ guards: { policyHasRecords: () => false } });
    const run = startRun(purged, request, 0);
    expect(run.snapshot.matches('noRecords')).toBe(true);
    expect(run.snapshot.hasTag('noRecords')).toBe(true);
    expect(run.timers).toEqual([]);
  });

  it('rejects a request to preserve forward-looking data, naming the field', () => {
    const result = PreservationRequest.safeParse({ ...request, categories: ['realTimeNonContent'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['categories']);
    const noCategories = PreservationRequest.safeParse({ ...request, categories: [] });
    expect(noCategories.error?.issues[0]?.path).toEqual(['categories']);
  });
});
