import { describe, expect, it } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import { CHECK_DATE } from '../../machines/lifecycle/demandInputs.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { letsencrypt } from '../../src/policy/letsencrypt.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { dayByDay } from '../support/dayByDay.ts';
import { earliestByClock } from '../support/earliestByClock.ts';

// The explorer against the day-by-day search over XState (`dayByDay`) on the catalogue's own
// machines, with their real timers (up to a year), for the kinds whose search stays small: the
// same reachable states, each with the same earliest day. (The generated machines of
// randomTimed.test.ts cover the rest of the ground.)

const KINDS = ['nationalSecurityLetter', 'fisaOrder', 'foreignDirect', 'civilSubpoena', 'dmcaSubpoena', 'emergency', 'preservation', 'abuseComplaint', 'dataSubjectRequest'];
const cases = [cloudflare, letsencrypt].flatMap((policy) => KINDS.map((kind) => [kind, policy.id, policy] as const));

describe('catalogue machines against a day-by-day search over XState', () => {
  it.each(cases)('%s under %s: every input reaches the same states on the same earliest days', (kind, _id, policy) => {
    const entry = findKind(kind);
    if (!entry) throw new Error(`no kind ${kind}`);
    const machine = withPolicy(entry.machine, policyVersionAt(policy, CHECK_DATE));
    const events = eventVariants(machine.root.events.filter((t) => !t.startsWith('xstate.')), entry.alphabet);
    const sizes: number[] = [];
    for (const input of entry.inputs) {
      const truth = dayByDay(machine, input.input, events);
      const ours = earliestByClock(machine, input, events, Math.max(...truth.earliest.values()) + 2);
      expect(ours.complete).toBe(true);
      sizes.push(truth.earliest.size);
      expect([...ours.days].sort()).toEqual([...truth.earliest].sort());
    }
    // An input refused at intake reaches one state; the kind's others must give the comparison something to do.
    expect(Math.max(...sizes)).toBeGreaterThan(1);
  });
});
