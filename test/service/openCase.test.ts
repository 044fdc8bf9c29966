import { afterEach, describe, expect, it } from 'vitest';
import type { CaseStore } from '../../src/runtime/CaseStore.ts';
import { createService } from '../../src/service/createService.ts';
import { createToken } from '../../src/service/tokens.ts';
import { ACME } from '../runtime/support/contractFixtures.ts';
import { type Harness, STORES, requestOf, startHarness } from './support/serviceHarness.ts';

type Body = Record<string, unknown> & { error?: Record<string, unknown> };

describe.each(STORES)('POST /cases on %s', (_name, makeStore) => {
  let h: Harness;
  afterEach(async () => h.stop());
  const auditCount = async () => (await h.store.transaction((tx) => tx.audit())).length;
  const open = (who: string, request: unknown, key?: string) => h.call(who, 'POST', '/cases', { request }, key === undefined ? {} : { 'Idempotency-Key': key });

  it('a retry with the same Idempotency-Key answers 200 with the first body and opens nothing', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const request = requestOf('nationalSecurityLetter', '2026-03-02', { secrecyCertified: true });
    const first = await open('alice', request, 'open-1');
    expect(first.status).toBe(201);
    const audit = await auditCount();
    const again = await open('alice', request, 'open-1');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await auditCount()).toBe(audit);
    expect(((await h.call('alice', 'GET', '/cases')).body as { cases: unknown[] }).cases).toHaveLength(1);
  });

  it('the Idempotency-Key with another request is 409 keyReused and tells nothing of the first; another caller’s same key is a key of its own', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const request = requestOf('nationalSecurityLetter', '2026-03-02', { secrecyCertified: true });
    const first = await open('alice', request, 'open-1');
    const audit = await auditCount();
    const res = await open('alice', { ...request, account: 'someone-else' }, 'open-1');
    expect(res.status).toBe(409);
    expect((res.body as Body).error).toMatchObject({ reason: 'keyReused', field: 'idempotencyKey', value: 'open-1' });
    expect(res.text).not.toContain((first.body as { id: string }).id);
    expect(await auditCount()).toBe(audit);
    // Bob learns nothing of alice's gagged case from her key: it opens his own.
    const bobs = await open('bob', request, 'open-1');
    expect(bobs.status).toBe(201);
    expect((bobs.body as { id: string }).id).not.toBe((first.body as { id: string }).id);
  });

  it('opens a case under a policy the service was started with, and refuses an unknown one naming the known ids', async () => {
    const store: CaseStore = await makeStore();
    const { app } = createService({ store, policy: 'cloudflare', policies: { acme: ACME }, clock: () => '2026-03-10' });
    const { token } = await createToken(store, { role: 'counsel', name: 'alice' }, '2026-03-10');
    h = { stop: () => store.close() } as Harness;
    const post = (policy: string) => app.request('/cases', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ request: requestOf('subpoena', '2026-03-02'), policy }) });
    const opened = await post('acme');
    expect(opened.status).toBe(201);
    const { id, policy } = (await opened.json()) as { id: string; policy: string };
    expect(policy).toBe('acme');
    const got = await app.request(`/cases/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(got.status).toBe(200);
    const refused = await post('nope');
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as Body).error;
    expect(error).toMatchObject({ reason: 'unknownPolicy', field: 'body.policy', value: 'nope' });
    expect(String(error?.['message'])).toContain('cloudflare, letsencrypt, acme');
  });
});
