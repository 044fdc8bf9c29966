import { afterEach, describe, expect, it, vi } from 'vitest';
import { machineThrew } from '../../src/explore/machineThrew.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { createService } from '../../src/service/createService.ts';
import { createToken } from '../../src/service/tokens.ts';
import { requestOf } from './support/serviceHarness.ts';

describe('a case machine’s own failure in the service', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is a 500 naming the state and the event (the service’s fault, not the request’s), and the case is unchanged', async () => {
    const store = await sqliteStore(':memory:');
    const { token } = await createToken(store, { role: 'counsel', name: 'alice' }, '2026-03-10');
    const { app, engine } = createService({ store, policy: 'cloudflare', clock: () => '2026-03-10' });
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: res.status, body: (await res.json()) as { error?: Record<string, unknown>; id?: string; version?: number } };
    };
    const opened = await call('POST', '/cases', { request: requestOf('subpoena', '2026-03-02') });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    const before = await call('GET', `/cases/${id}`);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const snapshot = { value: { process: 'review' } } as never;
    vi.spyOn(engine, 'send').mockImplementation(() => {
      throw machineThrew(new Error('context.request is undefined'), { snapshot, event: { type: 'review.completed' } });
    });
    const failed = await call('POST', `/cases/${id}/events`, { event: { type: 'review.completed', finding: 'sufficient' }, on: '2026-03-10' });
    expect(failed.status).toBe(500);
    expect(failed.body.error).toMatchObject({ reason: 'machineThrew', field: 'event in state {"process":"review"}', value: { type: 'review.completed' } });
    expect(String(failed.body.error?.['message'])).toContain('context.request is undefined');
    expect(String(stderr.mock.calls[0]?.[0])).toContain('a case\'s machine failed');
    vi.restoreAllMocks();
    expect(await call('GET', `/cases/${id}`)).toEqual(before);
    await store.close();
  });
});
