import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCase } from '../../examples/caseTool/openCase.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

// The reference case tool's own API: opening cases, dated events, deadlines, rollback, and the
// errors it gives for bad input.

const subpoena = {
  kind: 'subpoena',
  receivedOn: '2026-03-02',
  account: 'customer-1001',
  requester: { name: 'US Attorney, N.D. Cal.', country: 'US' },
  target: { usPerson: true, residesInUS: true, residenceCountry: 'US' },
  categories: ['basicSubscriberInfo'],
};

describe('the reference case tool', () => {
  it('runs a subpoena: notice, a 14-day objection window, disclosure the day after it ends', () => {
    const c = openCase(subpoena, 'cloudflare');

    expect(c.send({ type: 'review.completed', finding: 'sufficient' }, '2026-03-04')).toEqual({ accepted: true });
    expect(c.send({ type: 'notice.sent' }, '2026-03-05')).toEqual({ accepted: true });
    expect(c.observe().deadlines).toEqual([{ name: 'objectionWindow', due: '2026-03-19' }]);
    expect(c.send({ type: 'data.disclosed', categories: ['basicSubscriberInfo'] }, '2026-03-19')).toEqual({ accepted: false });
    expect(c.send({ type: 'data.disclosed', categories: ['basicSubscriberInfo'] }, '2026-03-20')).toEqual({ accepted: true });
    expect(c.observe()).toEqual({ tags: ['closed', 'disclosed', 'noticeSent'], secrecy: false, notice: 'sent', disclosed: ['basicSubscriberInfo'], deadlines: [] });
  });

  it('defers the notice under a gag and owes it within 7 days once the gag ends', () => {
    const c = openCase({ ...subpoena, secrecyOrder: { days: 90 } }, 'letsencrypt');

    expect(c.send({ type: 'notice.sent' }, '2026-03-02').accepted).toBe(false);
    c.send({ type: 'review.completed', finding: 'sufficient' }, '2026-03-03');
    c.send({ type: 'data.disclosed', categories: ['basicSubscriberInfo'] }, '2026-03-03');
    expect(c.observe()).toMatchObject({ secrecy: true, notice: 'deferred', deadlines: [{ name: 'secrecyTerm', due: '2026-05-31' }] });
    c.endDay('2026-05-31');
    expect(c.observe()).toMatchObject({ secrecy: false, notice: 'due', deadlines: [{ name: 'delayedNotice', due: '2026-06-07' }] });
  });

  it('leaves a case exactly as it was after a rejected event, even one dated past a deadline', () => {
    const c = openCase({ kind: 'dataSubjectRequest', receivedOn: '2026-01-15', account: 'a-1', requester: { name: 'the user' }, right: 'access' }, 'cloudflare');
    const before = c.observe();

    expect(before.deadlines).toEqual([
      { name: 'P1M', due: '2026-02-15' },
      { name: 'P3M', due: '2026-04-15' },
    ]);
    expect(c.send({ type: 'request.refused', ground: 'legalClaims' }, '2026-03-01')).toEqual({ accepted: false });
    expect(c.observe()).toEqual(before);
  });

  it('opens a case with a seeded fault switched on', () => {
    const gagged = { ...subpoena, secrecyOrder: {} };

    expect(openCase(gagged, 'cloudflare').send({ type: 'notice.sent' }, '2026-03-03').accepted).toBe(false);
    expect(openCase(gagged, 'cloudflare', { fault: 'notice-during-gag' }).send({ type: 'notice.sent' }, '2026-03-03').accepted).toBe(true);
  });
});

describe('bad input to the reference case tool', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('names the missing field of a request, its value and the fix', () => {
    const { usProcess: _, ...request } = { ...subpoena, kind: 'mlat', usProcess: 'subpoena' };
    const error = inputErrorOf(() => openCase(request, 'cloudflare'));

    expect(error.field).toBe('request.usProcess');
    expect(error.message).toContain('say which US process the court issued');
  });

  it('names an unknown kind and lists the kinds it handles', () => {
    const error = inputErrorOf(() => openCase({ ...subpoena, kind: 'wiretap' }, 'cloudflare'));

    expect(error).toMatchObject({ reason: 'unknownKind', field: 'request.kind', value: 'wiretap' });
    expect(error.fix).toContain('nationalSecurityLetter');
  });

  it('names an unknown policy and an unknown fault', () => {
    expect(inputErrorOf(() => openCase(subpoena, 'acme'))).toMatchObject({ reason: 'unknownPolicy', field: 'policy', value: 'acme' });
    expect(inputErrorOf(() => openCase(subpoena, 'cloudflare', { fault: 'typo' }))).toMatchObject({ field: 'fault', value: 'typo' });
  });

  it('names a bad event field and changes nothing', () => {
    const c = openCase(subpoena, 'cloudflare');
    const error = inputErrorOf(() => c.send({ type: 'review.completed', finding: 'fine' } as never, '2026-03-03'));

    expect(error.field).toBe('event.finding');
    expect(error.fix).toContain('"sufficient"');
    expect(c.send({ type: 'review.completed', finding: 'sufficient' }, '2026-03-03').accepted).toBe(true);
  });

  it('refuses an event dated before the case has reached, or on a day whose deadlines have passed', () => {
    const c = openCase(subpoena, 'cloudflare');
    c.send({ type: 'notice.sent' }, '2026-03-05');

    expect(inputErrorOf(() => c.send({ type: 'request.withdrawn' }, '2026-03-04'))).toMatchObject({ reason: 'timeWentBack', field: 'on' });
    c.endDay('2026-03-19');
    expect(inputErrorOf(() => c.send({ type: 'request.withdrawn' }, '2026-03-19')).fix).toContain('2026-03-20');
    expect(inputErrorOf(() => c.send({ type: 'request.withdrawn' }, '2026-02-30'))).toMatchObject({ field: 'on', value: '2026-02-30' });
  });

  it('the adapter reads its fault from DUEPROCESS_FAULT, and names a bad one', async () => {
    vi.stubEnv('DUEPROCESS_FAULT', 'months-as-30-days');
    const { default: adapter } = await import('../../examples/caseTool/adapter.ts');
    const c = await adapter.open({ kind: 'dataSubjectRequest', receivedOn: '2026-01-15', account: 'a-1', requester: { name: 'the user' }, right: 'erasure' }, 'cloudflare');

    expect(adapter.name).toContain('months-as-30-days');
    expect((await c.observe()).deadlines[0]).toEqual({ name: 'P1M', due: '2026-02-14' });

    vi.resetModules();
    vi.stubEnv('DUEPROCESS_FAULT', 'no-such-fault');
    await expect(import('../../examples/caseTool/adapter.ts')).rejects.toMatchObject({ field: 'DUEPROCESS_FAULT', value: 'no-such-fault' });
  });
});
