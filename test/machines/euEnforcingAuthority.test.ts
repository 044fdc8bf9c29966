import { describe, expect, it } from 'vitest';
import { euProductionOrderEntry } from '../../machines/euProductionOrder.ts';
import { findKind } from '../../machines/catalogue.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { RULES } from '../../src/rules/catalogue.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { enforcingAuthorityWindow } from '../../src/rules/enforcingAuthorityWindow.ts';
import { kindTarget } from '../../src/rules/runCheckTask.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { ev, pendingTimers, play, rawRequest, rejectionOf, startCase } from '../support/demandFixtures.ts';
import { build, version } from '../support/handMachines.ts';

// DOMAIN §2 EU_ENFORCING_OBJECTION, EU_EPOC_PRODUCTION: a notified enforcing authority has 10 days
// (96 hours in an emergency) to raise a ground for refusal; the data goes at the end of the 10 days.
const entry = euProductionOrderEntry;
const notified = { categories: ['basicSubscriberInfo', 'nonContentRecords'], enforcingStateNotified: true, target: { usPerson: false, residesInUS: false, residenceCountry: 'FR' } };
const records = ev.disclose('basicSubscriberInfo', 'nonContentRecords');
const cleared = { type: 'enforcingAuthority.cleared' } as const;
const refused = { type: 'enforcingAuthority.refused', ground: 'ne bis in idem' } as const;

describe('a European Production Order whose enforcing authority was notified (Arts 8, 10, 12)', () => {
  it('is not carried out during the 10 days, and is on the day after them, when its answer falls due', () => {
    const reviewed = play(startCase(entry, notified), [[1, ev.review()]]);
    expect(reviewed.snapshot.hasTag('awaitingEnforcingAuthority')).toBe(true);
    expect(pendingTimers(reviewed)).toEqual(expect.arrayContaining([['P10D', 10], ['P11D', 11]]));
    expect(rejectionOf(reviewed, 1, records).reason).toBe('notAccepted');
    expect(rejectionOf(reviewed, 10, records).reason).toBe('notAccepted');
    const after = advanceTo(reviewed, 10, true);
    expect(after.snapshot.matches({ enforcing: 'elapsed', response: 'dueAfterReview' })).toBe(true);
    expect(after.snapshot.hasTag('overdue')).toBe(false);
    const produced = play(after, [[11, records]]);
    expect(produced.snapshot.matches({ process: 'disclosedInFull', response: 'answered' })).toBe(true);
    expect(advanceTo(after, 11, true).snapshot.hasTag('overdue')).toBe(true);
  });

  it('is carried out at once when the authority clears it before the 10 days are over', () => {
    const run = play(startCase(entry, notified), [[1, ev.review()], [3, cleared], [3, records]]);
    expect(run.snapshot.matches({ process: 'disclosedInFull', enforcing: 'cleared' })).toBe(true);
  });

  it('stops when the authority raises a ground for refusal, and takes neither answer after its window', () => {
    const run = play(startCase(entry, notified), [[1, ev.review()], [4, refused]]);
    expect(run.snapshot.matches({ process: 'refused', enforcing: 'refused', response: 'answered' })).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: the enforcing authority raised a ground for refusal');
    expect(rejectionOf(run, 12, records).reason).toBe('notAccepted');
    const lapsed = advanceTo(play(startCase(entry, notified), [[1, ev.review()]]), 10, true);
    expect(rejectionOf(lapsed, 11, refused).reason).toBe('notAccepted');
    expect(rejectionOf(lapsed, 11, cleared).reason).toBe('notAccepted');
  });

  it('in an emergency is answered on the day of receipt without waiting, yet a refusal before the answer stops it', () => {
    const urgent = startCase(entry, { ...notified, emergency: true });
    expect(urgent.snapshot.matches({ enforcing: 'openUrgently', response: 'dueUrgently' })).toBe(true);
    expect(pendingTimers(urgent)).toContainEqual(['P4D', 4]);
    expect(play(urgent, [[0, ev.review()], [0, records]]).snapshot.matches({ process: 'disclosedInFull', response: 'answered' })).toBe(true);
    expect(play(urgent, [[0, ev.review()], [0, refused]]).snapshot.matches({ process: 'refused' })).toBe(true);
  });

  it('waits for nothing when the order names no notification, and takes no word from an authority it never notified', () => {
    const plain = startCase(entry, { categories: notified.categories });
    expect(rejectionOf(plain, 1, cleared).reason).toBe('notAccepted');
    expect(rejectionOf(plain, 1, refused).reason).toBe('notAccepted');
    const run = play(plain, [[1, ev.review()], [1, records]]);
    expect(run.snapshot.matches({ process: 'disclosedInFull', enforcing: 'notNotified' })).toBe(true);
  });

  it('refuses the field at intake on another kind, and on an order for subscriber data only, naming it', () => {
    const subpoena = findKind('subpoena')?.requestSchema.safeParse(rawRequest('subpoena', { enforcingStateNotified: true }));
    expect(subpoena?.error?.issues[0]?.path).toEqual(['enforcingStateNotified']);
    expect(subpoena?.error?.issues[0]?.message).toMatch(/has no enforcing authority to notify/);
    const bsi = entry.requestSchema.safeParse(rawRequest('euProductionOrder', { categories: ['basicSubscriberInfo'], enforcingStateNotified: true }));
    expect(bsi.error?.issues[0]?.path).toEqual(['enforcingStateNotified']);
    expect(bsi.error?.issues[0]?.message).toMatch(/Art\. 8\(1\)/);
    expect(entry.requestSchema.safeParse(rawRequest('euProductionOrder', { categories: ['basicSubscriberInfo'], enforcingStateNotified: false })).success).toBe(true);
  });

  it('breaks enforcing-authority-window on a machine that discloses after the authority refused', () => {
    const ignoresRefusal = build({
      id: 'ignoresRefusal',
      initial: 'open',
      states: {
        open: { on: { 'enforcingAuthority.refused': 'refused' } },
        refused: { on: { 'data.disclosed': 'disclosed' } },
        disclosed: { type: 'final', tags: ['closed', 'disclosed'] },
      },
    });
    const [result] = checkMachine({ name: 'ignoresRefusal', machine: ignoresRefusal, inputs: [{ name: 'notified', input: { enforcingStateNotified: true, emergency: true } }], declared: { 'enforcingAuthority.refused': { ground: ['ne bis in idem'] }, 'data.disclosed': { categories: [['nonContentRecords']] } } }, version, [enforcingAuthorityWindow]);
    expect(result).toMatchObject({ status: 'violated', message: 'data was disclosed after the enforcing authority raised a ground for refusal' });
    expect(result?.counterexample?.map((s) => s.what.split(' ')[0])).toEqual(['request', 'enforcingAuthority.refused', 'data.disclosed']);
  });

  it('is checked by enforcing-authority-window over every path, not vacuously', () => {
    const [result] = checkMachine(kindTarget(entry), policyVersionAt(cloudflare, '2026-01-15'), [enforcingAuthorityWindow]);
    expect(result?.status).toBe('proved');
    expect(result?.vacuous).toBeUndefined();
    expect(RULES).toContain(enforcingAuthorityWindow);
  });
});
