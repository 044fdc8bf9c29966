import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DataSubjectRequestRequest, dataSubjectRequestEntry } from '../../machines/dataSubjectRequest.ts';
import { DAY_MS } from '../../src/domain/duration.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { type CheckTarget, checkMachine } from '../../src/rules/checkMachine.ts';
import { dataSubjectDeadline } from '../../src/rules/deadlineRules.ts';
import { mutateState } from '../support/mutate.ts';

const version = policyVersionAt(cloudflare, '2026-01-15');
const received = (receivedOn: string) => ({
  name: `access received ${receivedOn}`,
  input: DataSubjectRequestRequest.parse({ kind: 'dataSubjectRequest', receivedOn, account: 'a-1', requester: { name: 'the user' }, right: 'access' }),
});
const target = (machine: AnyStateMachine, ...dates: string[]): CheckTarget => ({
  name: 'dsr',
  machine,
  kind: 'dataSubjectRequest',
  inputs: dates.map(received),
  declared: dataSubjectRequestEntry.alphabet,
});
/** The first month as a fixed number of days, whatever the date of receipt. */
const firstMonthOf = (days: number) =>
  mutateState(dataSubjectRequestEntry.machine, 'awaitingAnswer.deadline.firstMonth', (s) => void (s.after = { [`P${days}D`]: s.after?.P1M }), { delays: { [`P${days}D`]: days * DAY_MS } });
const status = (t: CheckTarget) => checkMachine(t, version, [dataSubjectDeadline])[0];

describe('data-subject-deadline counts calendar months from each run’s date of receipt', () => {
  it('proves the catalogue machine for receipts whose first month is 28, 29, 30 and 31 days long', () => {
    expect(status(target(dataSubjectRequestEntry.machine, '2026-02-01', '2028-02-01', '2026-04-01', '2026-03-01'))?.status).toBe('proved');
  });

  it('proves a machine that counts every month at its shortest (28 days): early is never late', () => {
    expect(status(target(firstMonthOf(28), '2026-03-01'))?.status).toBe('proved');
  });

  it('a 31-day first month is in time from 1 March and a day late from 1 February, on day 29 of the counterexample', () => {
    expect(status(target(firstMonthOf(31), '2026-03-01'))?.status).toBe('proved');
    const late = status(target(firstMonthOf(31), '2026-02-01'));
    expect(late?.status).toBe('violated');
    expect(late?.counterexample?.at(-1)).toMatchObject({ day: 29, state: 'awaitingAnswer.deadline.firstMonth · awaitingAnswer.answer.free' });
  });
});
