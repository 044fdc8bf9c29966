import { describe, expect, it } from 'vitest';
import { FAULTS, type FaultId } from '../../examples/caseTool/faults.ts';
import { findKind } from '../../machines/catalogue.ts';
import { POLICIES } from '../../src/policy/loadPolicy.ts';
import { walkSideBySide } from './support/walkSideBySide.ts';

// Every seeded fault must be observable: the differential walk, run with the fault on, finds a
// disagreement with the model on a kind that shows it, and the same walk without it finds none.

/** The kind whose walks show each fault. */
const SHOWN_BY: Record<FaultId, string> = {
  'notice-during-gag': 'subpoena',
  'window-one-day-long': 'civilSubpoena',
  'subpoena-discloses-content': 'subpoena',
  'delayed-notice-forgotten': 'searchWarrant',
  'preservation-extended-twice': 'preservation',
  'emergency-unassessed-disclosure': 'emergency',
  'objection-window-ignored': 'searchWarrant',
  'months-as-30-days': 'dataSubjectRequest',
  'retention-from-oldest-version': 'subpoena',
  'lapsed-window-accepts-filing': 'civilSubpoena',
  'nsl-gag-expires': 'nationalSecurityLetter',
  'lifted-gag-still-secret': 'courtOrder',
  'abuse-closed-uninformed': 'abuseComplaint',
  'disclosed-past-retention': 'courtOrder',
  'access-answered-under-gag': 'dataSubjectRequest',
  'renewal-keeps-old-term': 'subpoena',
};

const STEPS = 4000;

describe('every seeded fault makes the tool disagree with the model', () => {
  it('has at least 12 faults, each with a distinct id', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(FAULTS.map((f) => f.id)).size).toBe(FAULTS.length);
  });

  it.each(FAULTS.map((f) => [f.id, f.title, SHOWN_BY[f.id]] as const))('%s (%s) shows on %s', (fault, _title, kind) => {
    const entry = findKind(kind);
    if (!entry) throw new Error(`no kind ${kind}`);
    const found = Object.keys(POLICIES)
      .map((policy) => ({ policy, walk: walkSideBySide(entry, policy, { steps: STEPS, length: 12, seed: 1, fault }) }))
      .find((r) => r.walk.disagreement !== null);

    expect(found, `no walk of ${kind} told ${fault} apart from the model`).toBeDefined();
    if (!found) return;
    const clean = walkSideBySide(entry, found.policy, { steps: found.walk.steps, length: 12, seed: 1 });
    expect(clean.disagreement).toBeNull();
  });
});
