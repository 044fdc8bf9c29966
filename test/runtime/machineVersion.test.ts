import { describe, expect, it } from 'vitest';
import type { StoredSnapshot } from '../../src/runtime/CaseStore.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';

const request = {
  kind: 'subpoena',
  receivedOn: '2026-01-15',
  account: 'account-1',
  requester: { name: 'requester', country: 'US' },
  target: { usPerson: true, residesInUS: true, residenceCountry: 'US' },
  categories: ['basicSubscriberInfo'],
};
const review = { type: 'review.completed', finding: 'sufficient' } as const;

describe('machine versions', () => {
  it('a case stored under an older machine keeps running, and keeps its version, without a migration', async () => {
    const store = sqliteStore(':memory:');
    const engine = createCaseEngine({ store, policy: 'cloudflare' });
    const { id, machineVersion } = await engine.open(request);
    expect(machineVersion).toMatch(/^[0-9a-f]{16}$/);
    store.db.prepare("UPDATE cases SET machineVersion = 'old'").run();
    expect(await engine.send(id, review, { on: '2026-01-15' })).toMatchObject({ ok: true });
    expect((await engine.get(id)).machineVersion).toBe('old');
    await store.close();
  });

  it('the migration hook moves an older case forward on its next change', async () => {
    const store = sqliteStore(':memory:');
    const seen: string[] = [];
    const migrate = (snapshot: StoredSnapshot, from: string) => (seen.push(from), snapshot);
    const engine = createCaseEngine({ store, policy: 'cloudflare', migrate });
    const { id, machineVersion } = await engine.open(request);
    store.db.prepare("UPDATE cases SET machineVersion = 'old'").run();
    await engine.send(id, review, { on: '2026-01-15' });
    expect(seen).toContain('old');
    expect((await engine.get(id)).machineVersion).toBe(machineVersion);
    await store.close();
  });
});
