import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/runtime/auditChain.ts';
import { ROUTES } from '../../src/service/routes.ts';
import { serveCases } from '../../src/service/serveCases.ts';
import { type Harness, STORES, requestOf, startHarness } from './support/serviceHarness.ts';

const REVIEWED = { type: 'review.completed', finding: 'sufficient' };
type Body = Record<string, unknown> & { error?: Record<string, unknown> };

describe.each(STORES)('the case service over HTTP on %s', (_name, makeStore) => {
  let h: Harness;
  afterEach(async () => h.stop());
  const auditCount = async () => (await h.store.transaction((tx) => tx.audit())).length;
  const openSubpoena = async (who = 'alice') => {
    const res = await h.call(who, 'POST', '/cases', { request: requestOf('subpoena', '2026-03-02') });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  };

  it('answers 401 to no token, a wrong token and a revoked one, alike', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const none = await h.call(null, 'GET', '/cases');
    const wrong = await h.call(`dp_${'x'.repeat(43)}`, 'GET', '/cases');
    const tokens = (await h.call('ada', 'GET', '/tokens')).body as { tokens: { id: string; name: string }[] };
    const vic = tokens.tokens.find((t) => t.name === 'vic')?.id;
    expect((await h.call('ada', 'DELETE', `/tokens/${vic}`)).status).toBe(204);
    const revoked = await h.call('vic', 'GET', '/cases');
    for (const r of [none, wrong, revoked]) {
      expect(r.status).toBe(401);
      expect(r.text).toBe(none.text);
    }
    expect(JSON.stringify(tokens)).not.toMatch(/hash|dp_/);
  });

  it('lets an admin make, list and revoke tokens over HTTP; the secret is shown once and works; bad input is 400, an unknown token 404', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const made = await h.call('ada', 'POST', '/tokens', { role: 'counsel', name: 'carol' });
    expect(made.status).toBe(201);
    const { id, token } = made.body as { id: string; token: string };
    expect((await h.call(token, 'GET', '/cases')).status).toBe(200);
    expect((await h.call('ada', 'GET', '/tokens')).text).not.toContain(token);
    expect((await h.call('ada', 'POST', '/tokens', { role: 'owner', name: 'x' })).body).toMatchObject({ error: { field: 'body.role', value: 'owner' } });
    expect((await h.call('ada', 'POST', '/tokens', { role: 'viewer', name: 'no spaces please' })).body).toMatchObject({ error: { field: 'body.name' } });
    expect((await h.call('ada', 'DELETE', `/tokens/${id}`)).status).toBe(204);
    expect((await h.call(token, 'GET', '/cases')).status).toBe(401);
    const again = await h.call('ada', 'DELETE', `/tokens/${id}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: { reason: 'unknownToken', field: 'tokenId', value: id } });
    expect((await h.call('ada', 'POST', '/cases/some-case/counsel', { name: '' })).body).toMatchObject({ error: { field: 'body.name' } });
  });

  it('gives no second live token a person’s name, assigns only live counsel, and records a re-issued name in its cases’ trails', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const id = await openSubpoena('alice');
    const twin = await h.call('ada', 'POST', '/tokens', { role: 'counsel', name: 'alice' });
    expect(twin.status).toBe(400);
    expect(twin.body).toMatchObject({ error: { field: 'name', value: 'alice' } });
    expect(twin.text).toContain('is the name of a live token: a second would share its cases and its audit trail');
    const nobody = await h.call('ada', 'POST', `/cases/${id}/counsel`, { name: 'nobody' });
    expect(nobody.status).toBe(400);
    expect(nobody.body).toMatchObject({ error: { field: 'body.name', value: 'nobody' } });
    expect(nobody.text).toContain('is not the name of a live counsel token');
    expect((await h.call('ada', 'POST', `/cases/${id}/counsel`, { name: 'vic' })).status).toBe(400);
    // Rotation: alice's token is revoked and a new one issued under her name; her case says so.
    const listed = (await h.call('ada', 'GET', '/tokens')).body as { tokens: { id: string; name: string }[] };
    const old = listed.tokens.find((t) => t.name === 'alice')?.id;
    expect((await h.call('ada', 'DELETE', `/tokens/${old}`)).status).toBe(204);
    const renewed = await h.call('ada', 'POST', '/tokens', { role: 'counsel', name: 'alice' });
    expect(renewed.status).toBe(201);
    const { token, id: tokenId } = renewed.body as { token: string; id: string };
    const trail = (await h.call(token, 'GET', `/cases/${id}/audit`)).body as { entries: { entry: Record<string, unknown> }[] };
    expect(trail.entries.map((e) => e.entry).filter((e) => e['what'] === 'tokenIssued')).toEqual([{ what: 'tokenIssued', counsel: 'alice', role: 'counsel', tokenId, by: 'ada' }]);
  });

  it('keeps each role to its operations with 403, before looking at any case', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const id = await openSubpoena();
    expect((await h.call('vic', 'POST', `/cases/${id}/events`, { event: REVIEWED })).status).toBe(403);
    expect((await h.call('vic', 'POST', '/cases/no-such/events', { event: REVIEWED })).status).toBe(403);
    expect((await h.call('ada', 'GET', `/cases/${id}`)).status).toBe(403);
    expect((await h.call('ada', 'GET', '/deadlines')).status).toBe(403);
    expect((await h.call('alice', 'POST', '/tokens', { role: 'admin', name: 'mallory' })).status).toBe(403);
    expect((await h.call('vic', 'POST', '/cases', { request: requestOf('subpoena', '2026-03-02') })).status).toBe(403);
    const denied = await h.call('ada', 'GET', `/cases/${id}`);
    expect((denied.body as { error: { message: string } }).error.message).toBe('admin tokens may not use GET /cases/{id} (A case: state, secrecy, notice, disclosed data, pending deadlines (each with its state, where it leads, who sets it, and whether it is overdue), the events it would take today (couldTake), history)');
  });

  it('reads the bearer scheme in any case, and refuses an empty Idempotency-Key, two different keys for one send, a body that is not JSON by its type, and an unknown kind filter', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const id = await openSubpoena();
    expect((await h.call(null, 'GET', '/cases', undefined, { authorization: `bearer ${h.tokens['alice']}` })).status).toBe(200);
    const empty = await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED }, { 'idempotency-key': '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { field: 'Idempotency-Key', value: '' } });
    const twoKeys = await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, idempotencyKey: 'b-1' }, { 'idempotency-key': 'h-1' });
    expect(twoKeys.status).toBe(400);
    expect(twoKeys.body).toMatchObject({ error: { field: 'body.idempotencyKey', value: 'b-1' } });
    expect(twoKeys.text).toContain('differs from the Idempotency-Key header (h-1)');
    expect((await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, idempotencyKey: 'k-1' }, { 'idempotency-key': 'k-1' })).status).toBe(200);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const plain = await h.call('alice', 'POST', `/cases/${id}/events`, JSON.stringify({ event: { type: 'request.withdrawn' } }), { 'content-type': type });
      expect(plain.status).toBe(400);
      expect(plain.body).toMatchObject({ error: { field: 'Content-Type', value: type } });
    }
    expect((await h.call('alice', 'GET', `/cases/${id}`)).body).toMatchObject({ version: 2 });
    const kind = await h.call('alice', 'GET', '/cases?kind=subpena');
    expect(kind.status).toBe(400);
    expect(kind.body).toMatchObject({ error: { field: 'query.kind', value: 'subpena' } });
  });

  it('opens a case, applies events, refuses what the case cannot take with 409, the allowed types and the events it could take, and applies nothing then', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const id = await openSubpoena();
    const sent = await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, on: '2026-03-03' });
    expect(sent).toMatchObject({ status: 200, body: { ok: true, version: 2 } });
    const before = await auditCount();
    const refused = await h.call('alice', 'POST', `/cases/${id}/events`, { event: { type: 'challenge.decided', route: 'motionToQuash', outcome: 'won' }, on: '2026-03-04' });
    expect(refused.status).toBe(409);
    expect((refused.body as Body).error).toMatchObject({ reason: 'notAccepted' });
    const { allowed, couldTake } = (refused.body as { error: { allowed: string[]; couldTake: { type: string }[] } }).error;
    expect(allowed).toContain('notice.sent');
    expect(couldTake).toContainEqual({ type: 'challenge.filed', route: 'motionToQuash' });
    expect(couldTake.map((e) => e.type)).not.toContain('challenge.decided');
    expect(await auditCount()).toBe(before);
    const view = (await h.call('alice', 'GET', `/cases/${id}`)).body as { version: number; history: unknown[] };
    expect(view).toMatchObject({ version: 2, history: [{ on: '2026-03-03', event: REVIEWED }], couldTake });
  });

  it.each([
    ['bad JSON', '{"event":', 'badJson', 'body'],
    ['an unknown event type', { event: { type: 'case.teleported' } }, 'invalid', 'body.event.type'],
    ['a bad payload', { event: { type: 'review.completed', finding: 'fine' } }, 'invalid', 'body.event.finding'],
    ['a date after today', { event: REVIEWED, on: '2026-03-11' }, 'invalid', 'on'],
    ['an unknown field', { event: REVIEWED, urgent: true }, 'invalid', 'body'],
  ])('answers 400 to %s, naming the field, the value and the fix, and applies nothing', async (_what, body, reason, field) => {
    h = await startHarness(makeStore, '2026-03-10');
    const id = await openSubpoena();
    const before = await auditCount();
    const res = await h.call('alice', 'POST', `/cases/${id}/events`, body);
    expect(res.status).toBe(400);
    expect((res.body as Body).error).toMatchObject({ reason, field });
    expect(String((res.body as Body).error?.['fix']).length).toBeGreaterThan(0);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a body over 256 KiB with 413 before reading it, and applies nothing', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const id = await openSubpoena();
    const before = await auditCount();
    const res = await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, on: '2026-03-03', padding: 'x'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { reason: 'tooLarge', field: 'body' } });
    expect(await auditCount()).toBe(before);
  });

  it('answers 400 to an invalid request, naming the request field', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const res = await h.call('alice', 'POST', '/cases', { request: requestOf('subpoena', '2026-02-30') });
    expect(res.status).toBe(400);
    expect((res.body as Body).error).toMatchObject({ field: 'request.receivedOn', value: '2026-02-30' });
    expect(await auditCount()).toBe(0);
    const future = await h.call('alice', 'POST', '/cases', { request: requestOf('subpoena', '2026-03-11') });
    expect(future.status).toBe(400);
    expect((future.body as Body).error).toMatchObject({ reason: 'invalid', field: 'request.receivedOn', value: '2026-03-11', fix: expect.any(String) });
    expect((future.body as Body).error?.['message']).toContain('is after today (2026-03-10)');
    expect(await auditCount()).toBe(0);
    const policy = await h.call('alice', 'POST', '/cases', { request: requestOf('subpoena', '2026-03-02'), policy: 'acme' });
    expect(policy.status).toBe(400);
    expect((policy.body as Body).error).toMatchObject({ reason: 'unknownPolicy', field: 'body.policy', value: 'acme' });
    expect(await auditCount()).toBe(0);
  });

  it('applies a retried write once: the Idempotency-Key header returns the first answer', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const id = await openSubpoena();
    const first = await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, on: '2026-03-03' }, { 'idempotency-key': 'k-1' });
    const again = await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, on: '2026-03-03' }, { 'idempotency-key': 'k-1' });
    expect(again).toEqual(first);
    expect(((await h.call('alice', 'GET', `/cases/${id}`)).body as { history: unknown[] }).history).toHaveLength(1);
  });

  it('an Idempotency-Key sent again with another event is a 409 naming the key, and applies nothing', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const id = await openSubpoena();
    await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, on: '2026-03-03' }, { 'idempotency-key': 'k-1' });
    const before = await auditCount();
    const reused = await h.call('alice', 'POST', `/cases/${id}/events`, { event: { type: 'request.withdrawn' }, on: '2026-03-04' }, { 'idempotency-key': 'k-1' });
    expect(reused.status).toBe(409);
    expect((reused.body as Body).error).toMatchObject({ reason: 'keyReused', field: 'idempotencyKey', value: 'k-1', fix: expect.stringContaining('new idempotency key') });
    expect((reused.body as Body).error?.['message']).toContain('was first used for {"type":"review.completed","finding":"sufficient"} on 2026-03-03');
    expect(await auditCount()).toBe(before);
    expect(((await h.call('alice', 'GET', `/cases/${id}`)).body as { history: unknown[] }).history).toHaveLength(1);
  });

  it('a stale expectedVersion is a 409 conflict', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const id = await openSubpoena();
    await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, on: '2026-03-03', expectedVersion: 1 });
    const stale = await h.call('alice', 'POST', `/cases/${id}/events`, { event: { type: 'notice.sent' }, on: '2026-03-04', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect((stale.body as Body).error).toMatchObject({ reason: 'conflict' });
  });

  it('fires a deadline from its scheduler the day after it falls due, so events dated its last day are still taken', async () => {
    h = await startHarness(makeStore, '2026-03-05', 20);
    const id = await openSubpoena();
    await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, on: '2026-03-03' });
    await h.call('alice', 'POST', `/cases/${id}/events`, { event: { type: 'notice.sent' }, on: '2026-03-04' });
    const due = ((await h.call('alice', 'GET', `/cases/${id}`)).body as { deadlines: { due: string }[] }).deadlines[0]?.due ?? '';
    expect(due).toBe('2026-03-18');
    h.setToday('2026-03-18');
    await h.service.tick();
    expect(((await h.call('alice', 'GET', `/cases/${id}`)).body as { deadlines: unknown[] }).deadlines).toHaveLength(1);
    const early = await h.call('alice', 'POST', `/cases/${id}/events`, { event: { type: 'data.disclosed', categories: ['basicSubscriberInfo'] } });
    expect(early.status).toBe(409);
    expect((early.body as Body).error?.['message']).toContain('cannot be taken on 2026-03-18');
    h.setToday('2026-03-19');
    await expect.poll(async () => ((await h.call('alice', 'GET', `/cases/${id}`)).body as { deadlines: unknown[] }).deadlines, { timeout: 10_000 }).toEqual([]);
    const disclosed = await h.call('alice', 'POST', `/cases/${id}/events`, { event: { type: 'data.disclosed', categories: ['basicSubscriberInfo'] } });
    expect(disclosed.status).toBe(200);
    expect(await verifyAudit(h.store)).toMatchObject({ ok: true });
  });

  it('fires on start the deadlines that fell due while it was stopped', async () => {
    h = await startHarness(makeStore, '2026-03-05');
    const id = await openSubpoena();
    await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, on: '2026-03-03' });
    await h.call('alice', 'POST', `/cases/${id}/events`, { event: { type: 'notice.sent' }, on: '2026-03-04' });
    await h.service.close();
    h.service = await serveCases({ store: h.store, policy: 'cloudflare', clock: () => '2026-04-01', log: () => undefined });
    const fired = await h.store.transaction((tx) => tx.auditOf(id));
    expect(fired.map((a) => JSON.parse(a.entry) as { what: string; due?: string }).filter((e) => e.what === 'deadline')).toEqual([expect.objectContaining({ due: '2026-03-18' })]);
  });

  it('fires nothing when it cannot listen: a start on a busy port leaves every deadline due', async () => {
    h = await startHarness(makeStore, '2026-03-05');
    const id = await openSubpoena();
    await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, on: '2026-03-03' });
    await h.call('alice', 'POST', `/cases/${id}/events`, { event: { type: 'notice.sent' }, on: '2026-03-04' });
    await h.service.close();
    const busy = createServer();
    const port = await new Promise<number>((resolve) => busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)));
    try {
      await expect(serveCases({ store: h.store, policy: 'cloudflare', port, clock: () => '2026-04-01', log: () => undefined })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      busy.close();
    }
    const audit = await h.store.transaction((tx) => tx.auditOf(id));
    expect(audit.map((a) => (JSON.parse(a.entry) as { what: string }).what)).toEqual(['opened', 'event', 'event']);
    h.service = await serveCases({ store: h.store, policy: 'cloudflare', clock: () => '2026-04-01', log: () => undefined });
    expect(((await h.call('alice', 'GET', `/cases/${id}`)).body as { deadlines: unknown[] }).deadlines).toEqual([]);
  });

  it('lists due deadlines and the case audit trail', async () => {
    h = await startHarness(makeStore, '2026-03-20');
    const id = await openSubpoena();
    await h.call('alice', 'POST', `/cases/${id}/events`, { event: REVIEWED, on: '2026-03-03' });
    await h.call('alice', 'POST', `/cases/${id}/events`, { event: { type: 'notice.sent' }, on: '2026-03-04' });
    expect((await h.call('alice', 'GET', '/deadlines?until=2026-03-18')).body).toEqual({ until: '2026-03-18', deadlines: [{ caseId: id, name: 'objectionWindow', event: expect.any(String), due: '2026-03-18', startedOn: '2026-03-04', state: 'notice.sent', leadsTo: 'notice.objectionWindowElapsed', setBy: 'policy', overdue: true }] });
    const [onCase] = ((await h.call('alice', 'GET', `/cases/${id}`)).body as { deadlines: unknown[] }).deadlines;
    expect(onCase).toEqual({ name: 'objectionWindow', due: '2026-03-18', state: 'notice.sent', leadsTo: 'notice.objectionWindowElapsed', setBy: 'policy', overdue: true });
    expect((await h.call('alice', 'GET', '/deadlines?until=2026-03-17')).body).toMatchObject({ deadlines: [] });
    expect((await h.call('alice', 'GET', '/deadlines?until=someday')).status).toBe(400);
    const audit = (await h.call('vic', 'GET', `/cases/${id}/audit`)).body as { entries: { entry: { what: string; by?: string } }[] };
    expect(audit.entries.map((e) => [e.entry.what, e.entry.by])).toEqual([['opened', 'alice'], ['event', 'alice'], ['event', 'alice']]);
  });

  it('pages case lists with a cursor, oldest first, and refuses a cursor it did not give', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await openSubpoena());
    const pages: string[][] = [];
    let after = '';
    for (;;) {
      const page = (await h.call('vic', 'GET', `/cases?limit=2${after ? `&after=${after}` : ''}`)).body as { cases: { id: string }[]; next: string | null };
      pages.push(page.cases.map((c) => c.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().sort()).toEqual([...ids].sort());
    const bad = await h.call('vic', 'GET', '/cases?after=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { field: 'query.after' } });
    expect((await h.call('vic', 'GET', '/cases?limit=0')).status).toBe(400);
  });

  it('serves an OpenAPI 3.1 document with every route, its roles and its body schema', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const doc = (await h.call(null, 'GET', '/openapi.json')).body as { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } } }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      const op = doc.paths[route.path]?.[route.method];
      expect(op?.operationId).toBe(route.id);
      if (route.body) expect(Object.keys(op?.requestBody?.content['application/json'].schema.properties ?? {}).length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(doc.paths['/cases/{id}/events'])).toContain('review.completed');
  });
});
