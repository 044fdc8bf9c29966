import { describe, expect, it } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { takenAfter } from '../../src/time/takenAfter.ts';
import { type TimedRun, sendEvent, startRun } from '../../src/time/TimedRun.ts';

const entry = findKind('subpoena') as KindEntry;
const request = entry.requestSchema.parse({ ...(entry.inputs[0]?.input as object), receivedOn: '2026-03-02' });
const reviewed = (() => {
  const sent = sendEvent(startRun(withPolicy(entry.machine, policyVersionAt(cloudflare, '2026-03-02')), request, 0), 1, { type: 'review.completed', finding: 'sufficient' } as { type: string });
  if (!sent.ok) throw new Error(sent.rejection.message);
  return sent.run;
})();
const disclose = (categories: string[]) => ({ type: 'data.disclosed', categories });
const refused = (run: TimedRun, day: number, event: { type: string }) => expect(sendEvent(run, day, event).ok).toBe(false);

describe('a refusal says what would make the event taken', () => {
  it('an order of steps: before notice, a disclosure is taken after a gag, or after notice and its objection window', () => {
    refused(reviewed, 2, disclose(['basicSubscriberInfo']));
    expect(takenAfter(entry, reviewed, 2, disclose(['basicSubscriberInfo']))).toBe('it is taken after secrecy.imposed; or after notice.sent, then the objectionWindow deadline');
  });

  it('a legal bar: content on a subpoena is taken after nothing the case can do', () => {
    refused(reviewed, 2, disclose(['content']));
    expect(takenAfter(entry, reviewed, 2, disclose(['content']))).toBe('no one event the case takes now, with up to 3 deadlines after it, makes it taken');
  });
});
