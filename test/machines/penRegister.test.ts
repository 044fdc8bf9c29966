import { describe, expect, it } from 'vitest';
import { penRegisterEntry, penRegisterSpec } from '../../machines/penRegister.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { ev, firedTimers, pendingTimers, play, rawRequest, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = penRegisterEntry;
const installed = () => play(startCase(entry), [[1, ev.review()], [1, ev.disclose('realTimeNonContent')]]);

describe('pen register / trap and trace order (18 U.S.C. 3121-3127)', () => {
  it('compels real-time non-content only, for a 60-day term with 60-day extensions', () => {
    expect(penRegisterSpec.compels).toEqual(['realTimeNonContent']);
    expect(penRegisterSpec.term).toMatchObject({ length: 'P60D', extension: 'P60D' });
  });

  it('is sealed at receipt (3123(d)) and its 60-day term runs from day 0', () => {
    const run = startCase(entry);

    expect(run.snapshot.hasTag('secrecy')).toBe(true);
    expect(pendingTimers(run)).toContainEqual(['orderTerm', 60]);
    expect(rejectionOf(run, 1, ev.noticeSent()).reason).toBe('notAccepted');
  });

  it('counts the term from the date the order bears, not from its receipt (3123(c)(1))', () => {
    const dated = startCase(entry, { issuedOn: '2026-02-10' });
    expect(pendingTimers(dated)).toContainEqual(['orderTerm', 40]);
    const flowing = play(dated, [[1, ev.review()], [1, ev.disclose('realTimeNonContent')]]);
    expect(advanceTo(flowing, 40, true).snapshot.matches({ process: 'orderEnded' })).toBe(true);
  });

  it('refuses an order dated after its receipt, or one whose term ended before it came', () => {
    const parse = (issuedOn: string) => entry.requestSchema.safeParse({ ...rawRequest('penRegister'), issuedOn });
    const late = parse('2026-03-03');
    expect(late.success).toBe(false);
    expect(late.error?.issues[0]?.path).toEqual(['issuedOn']);
    expect(parse('2026-01-01').error?.issues[0]?.message).toMatch(/^is 60 days or more before receivedOn/);
    expect(parse('2026-01-02').success).toBe(true);
  });

  it('starts the data flow under seal, without notice', () => {
    const run = installed();

    expect(run.snapshot.matches({ process: 'inEffect', notice: 'deferred' })).toBe(true);
    expect(run.snapshot.hasTag('disclosing')).toBe(true);
    expect(run.snapshot.hasTag('closed')).toBe(false);
  });

  it('ends at the end of day 60 without an extension', () => {
    const before = advanceTo(installed(), 60);
    const after = advanceTo(installed(), 60, true);

    expect(before.snapshot.matches({ process: 'inEffect' })).toBe(true);
    expect(after.snapshot.matches({ process: 'orderEnded', orderTerm: 'ended' })).toBe(true);
    expect(after.snapshot.hasTag('closed') && after.snapshot.hasTag('disclosed')).toBe(true);
  });

  it('runs an extension granted on day 50 from the end of the term, so the order ends on day 120', () => {
    const extended = play(installed(), [[50, ev.extendOrder()]]);
    const run = advanceTo(extended, 120, true);

    expect(advanceTo(extended, 119, true).snapshot.matches({ process: 'inEffect', orderTerm: { active: 'extension' } })).toBe(true);
    expect(firedTimers(run)).toEqual([
      [60, 'orderTerm'],
      [120, 'P60D'],
    ]);
    expect(run.snapshot.matches({ process: 'orderEnded' })).toBe(true);
  });

  it('takes one pending extension at a time, and none after the order ended', () => {
    const extended = play(installed(), [[50, ev.extendOrder()]]);

    expect(rejectionOf(extended, 55, ev.extendOrder()).reason).toBe('notAccepted');
    const twice = play(extended, [[70, ev.extendOrder()]]);
    expect(advanceTo(twice, 179, true).snapshot.matches({ process: 'inEffect' })).toBe(true);
    expect(advanceTo(twice, 180, true).snapshot.matches({ process: 'orderEnded' })).toBe(true);
    expect(rejectionOf(advanceTo(installed(), 60, true), 61, ev.extendOrder()).reason).toBe('notAccepted');
  });

  it('allows the first disclosure on day 60 but not once the order ended on day 61', () => {
    const reviewed = play(startCase(entry), [[1, ev.review()]]);

    expect(rejectionOf(reviewed, 61, ev.disclose('realTimeNonContent')).reason).toBe('notAccepted');
    expect(play(reviewed, [[60, ev.disclose('realTimeNonContent')]]).snapshot.matches({ process: 'inEffect' })).toBe(true);
  });

  it('closes as expired when the term ends before anything was disclosed', () => {
    const run = advanceTo(play(startCase(entry), [[1, ev.review()]]), 61);

    expect(run.snapshot.matches({ process: 'expired', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('expired')).toBe(true);
    expect(rejectionOf(run, 62, ev.disclose('realTimeNonContent')).reason).toBe('notAccepted');
  });

  it('rejects disclosing anything but real-time non-content', () => {
    const reviewed = play(startCase(entry), [[1, ev.review()]]);

    expect(rejectionOf(reviewed, 2, ev.disclose('nonContentRecords')).reason).toBe('notAccepted');
    expect(rejectionOf(reviewed, 2, ev.disclose('realTimeNonContent', 'content')).reason).toBe('notAccepted');
  });

  it('is refused, and quashed on a motion to the issuing court', () => {
    const refused = play(startCase(entry), [[2, ev.refuse('no certification of relevance')]]);
    const quashed = play(startCase(entry), [[2, ev.file('motionToIssuingCourt')], [20, ev.decide('motionToIssuingCourt')]]);

    expect(refused.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
    expect(quashed.snapshot.matches({ process: 'quashed' })).toBe(true);
  });

  it('is unsealed only by the court; notice then falls due', () => {
    const ended = advanceTo(installed(), 60, true);

    expect(rejectionOf(ended, 90, ev.lift('lifted')).reason).toBe('notAccepted');
    const unsealed = play(ended, [[90, ev.lift('courtOrder')]]);
    expect(unsealed.snapshot.matches({ secrecy: 'ended', notice: 'due' })).toBe(true);
    expect(pendingTimers(unsealed)).toEqual([['delayedNotice', 97]]);
  });

  it('keeps forward-looking data out of the retention test (Let’s Encrypt 2024, 4000-day age)', () => {
    const run = startCase(entry, { receivedOn: '2024-03-01', dataAgeDays: 4000 }, 'letsencrypt');

    expect(run.snapshot.matches({ process: 'review' })).toBe(true);
  });

  it('refuses content at intake, naming categories', () => {
    const parsed = entry.requestSchema.safeParse(rawRequest('penRegister', { categories: ['realTimeNonContent', 'content'] }));

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toContainEqual(['categories']);
  });
});
