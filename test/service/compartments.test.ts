import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, STORES, requestOf, startHarness } from './support/serviceHarness.ts';

/**
 * Secrecy compartments: while a case is under a nondisclosure obligation only its assigned counsel
 * may learn it exists. For everyone else it must read exactly as a case that was never opened:
 * lists, counts, deadlines, status codes and error bodies alike.
 */

const NSL = requestOf('nationalSecurityLetter', '2026-03-02', { secrecyCertified: true, account: 'gagged-account' });
const PUBLIC = requestOf('subpoena', '2026-03-02', { account: 'public-account' });
const GHOST = '00000000-0000-4000-8000-000000000000';
const OUTSIDERS = ['bob', 'vic', 'ada'];

type Json = Record<string, unknown>;

describe.each(STORES)('secrecy compartments on %s', (_name, makeStore) => {
  let h: Harness;
  afterEach(async () => h.stop());

  /** A service with one public case and, when `gagged`, one NSL under an open-ended gag opened by alice. */
  async function world(gagged: boolean, adminReads = false) {
    h = await startHarness(makeStore, '2026-03-10', 60_000, adminReads);
    const pub = (await h.call('alice', 'POST', '/cases', { request: PUBLIC })).body as { id: string };
    const secret = gagged ? ((await h.call('alice', 'POST', '/cases', { request: NSL })).body as { id: string; secrecy: boolean }) : undefined;
    if (secret) expect(secret.secrecy).toBe(true);
    await h.call('alice', 'POST', `/cases/${pub.id}/events`, { event: { type: 'review.completed', finding: 'sufficient' }, on: '2026-03-03' });
    if (secret) await h.call('alice', 'GET', `/cases/${secret.id}`);
    await h.call('alice', 'POST', `/cases/${pub.id}/events`, { event: { type: 'notice.sent' }, on: '2026-03-04' });
    return { pub: pub.id, secret: secret?.id ?? GHOST };
  }

  /** What `who` sees of the whole service, with the secret case's id replaced by the ghost id. */
  async function seenBy(who: string, ids: { pub: string; secret: string }) {
    const ask = async (method: string, path: string, body?: unknown) => {
      const r = await h.call(who, method, path.replace('SECRET', ids.secret).replace('PUB', ids.pub), body);
      return `${r.status} ${r.text.replaceAll(ids.secret, GHOST).replaceAll(ids.pub, 'PUB').replace(/"createdAt":"[^"]*"/g, '')}`;
    };
    return [
      await ask('GET', '/cases'),
      await ask('GET', '/cases?kind=nationalSecurityLetter'),
      await ask('GET', '/cases?closed=false'),
      await ask('GET', '/cases?limit=1'),
      await ask('GET', '/deadlines?until=2030-01-01'),
      await ask('GET', '/cases/PUB/audit'),
      await ask('GET', '/cases/PUB'),
      await ask('GET', '/cases/SECRET'),
      await ask('GET', '/cases/SECRET/audit'),
      await ask('POST', '/cases/SECRET/events', { event: { type: 'review.completed', finding: 'sufficient' }, on: '2026-03-05' }),
      await ask('POST', '/cases/SECRET/events', { event: { type: 'review.completed', finding: 'fine' } }),
      await ask('POST', '/cases/SECRET/events', { event: { type: 'notice.sent' } }),
      await ask('POST', '/cases/SECRET/counsel', { name: 'carol' }),
      await ask('DELETE', '/cases/SECRET/counsel/carol'),
    ];
  }

  it.each(OUTSIDERS)('%s sees exactly the same service whether or not the gagged case exists', async (who) => {
    const withSecret = await world(true);
    const seenWith = await seenBy(who, withSecret);
    await h.stop();
    const without = await world(false);
    const seenWithout = await seenBy(who, without);
    expect(seenWith).toEqual(seenWithout);
    expect(seenWith.join('\n')).not.toContain('gagged-account');
  });

  it('an admin allowed to read (serve --admin-reads) reads public cases, and still sees the same service whether or not the gagged case exists', async () => {
    const withSecret = await world(true, true);
    const seenWith = await seenBy('ada', withSecret);
    expect((await h.call('ada', 'GET', `/cases/${withSecret.pub}`)).status).toBe(200);
    expect((await h.call('ada', 'POST', `/cases/${withSecret.pub}/events`, { event: { type: 'notice.sent' } })).status).toBe(403);
    await h.stop();
    const without = await world(false, true);
    expect(seenWith).toEqual(await seenBy('ada', without));
  });

  it('assigned counsel see and act on the gagged case, and every read of it is audited', async () => {
    const { secret } = await world(true);
    const reads = async () => (await h.store.transaction((tx) => tx.auditOf(secret))).map((a) => JSON.parse(a.entry) as Json).filter((e) => e['what'] === 'read');
    expect((await h.call('alice', 'GET', `/cases/${secret}`)).status).toBe(200);
    expect(((await h.call('alice', 'GET', '/cases')).body as { cases: unknown[] }).cases).toContainEqual(expect.objectContaining({ id: secret, secrecy: true }));
    expect((await h.call('alice', 'GET', '/deadlines?until=2030-01-01')).status).toBe(200);
    expect((await h.call('alice', 'GET', `/cases/${secret}/audit`)).status).toBe(200);
    expect((await reads()).map((e) => [e['read'], e['by']])).toEqual([
      ['case', 'alice'],
      ['case', 'alice'],
      ['list', 'alice'],
      ['deadlines', 'alice'],
      ['audit', 'alice'],
    ]);
    expect((await h.call('alice', 'POST', `/cases/${secret}/events`, { event: { type: 'review.completed', finding: 'sufficient' }, on: '2026-03-05' })).status).toBe(200);
    expect((await h.call('bob', 'GET', `/cases/${secret}`)).status).toBe(404);
    expect(await reads()).toHaveLength(5);
  });

  it('an admin brings counsel into the compartment without ever seeing into it, and takes them out again', async () => {
    const { secret } = await world(true);
    expect((await h.call('bob', 'GET', `/cases/${secret}`)).status).toBe(404);
    expect((await h.call('ada', 'POST', `/cases/${secret}/counsel`, { name: 'bob' })).status).toBe(204);
    expect((await h.call('bob', 'GET', `/cases/${secret}`)).status).toBe(200);
    expect((await h.call('ada', 'DELETE', `/cases/${secret}/counsel/bob`)).status).toBe(204);
    expect((await h.call('bob', 'GET', `/cases/${secret}`)).status).toBe(404);
  });

  it('when the gag lifts the case leaves the compartment: viewers see it, reads are no longer audited', async () => {
    const { secret } = await world(true);
    await h.call('alice', 'POST', `/cases/${secret}/events`, { event: { type: 'review.completed', finding: 'sufficient' }, on: '2026-03-05' });
    const lifted = await h.call('alice', 'POST', `/cases/${secret}/events`, { event: { type: 'secrecy.lifted', reason: 'lifted' }, on: '2026-03-06' });
    expect(lifted.status).toBe(200);
    const seen = await h.call('vic', 'GET', `/cases/${secret}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ secrecy: false });
    expect(((await h.call('vic', 'GET', '/cases')).body as { cases: unknown[] }).cases).toHaveLength(2);
  });
});
