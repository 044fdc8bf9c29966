import { describe, expect, it } from 'vitest';
import { FREED_BECAUSE, HELD_BECAUSE } from '../../src/runtime/accountGags.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { STORES } from '../service/support/serviceHarness.ts';
import { GAGGED, REVIEWED, TODAY, request } from './support/contractFixtures.ts';

const dsr = (right: string, account = 'account-1', extra: Record<string, unknown> = {}) => ({ kind: 'dataSubjectRequest', receivedOn: '2026-01-20', account, requester: { name: 'the user', country: 'DE' }, right, ...extra });

describe.each(STORES)('the engine holds a data-subject access answer while a gag covers the account (%s)', (_name, makeStore) => {
  const setup = async () => {
    const store = await makeStore();
    const engine = createCaseEngine({ store, policy: 'cloudflare', clock: () => TODAY });
    const { id: subpoena } = await engine.open(request('subpoena'));
    expect(await engine.send(subpoena, REVIEWED, { on: '2026-01-15' })).toMatchObject({ ok: true });
    return { store, engine, subpoena };
  };
  const entries = async (engine: Awaited<ReturnType<typeof setup>>['engine'], id: string) => (await engine.audit(id)).map((a) => a.entry);

  it('an access request opened on a gagged account is held from intake, though its opener said nothing of a gag; it is freed when the gag ends', async () => {
    const { store, engine, subpoena } = await setup();
    expect(await engine.send(subpoena, GAGGED, { on: '2026-01-16' })).toMatchObject({ ok: true });
    const held = await engine.open(dsr('access'));
    expect(held.secrecy).toBe(true);
    expect(held.state).toContain('escalated');
    const opened = (await entries(engine, held.id))[0];
    expect(opened).toMatchObject({ what: 'opened', derived: 'gagOnAccount', because: HELD_BECAUSE });
    expect((opened?.['request'] as Record<string, unknown>)['gagOnAccount']).toBeUndefined();
    expect(JSON.stringify(await entries(engine, held.id))).not.toContain(subpoena);
    expect(await engine.send(held.id, { type: 'request.fulfilled' }, { on: '2026-01-25' })).toMatchObject({ ok: false, reason: 'notAccepted' });
    // Other accounts, and rights whose answer names no recipient, are not held.
    expect((await engine.open(dsr('access', 'account-2'))).secrecy).toBe(false);
    expect((await engine.open(dsr('erasure'))).secrecy).toBe(false);

    // The 90-day gag ends on 16 April; the hold goes with it, on the engine's word.
    await engine.tick('2026-04-20');
    expect((await engine.get(subpoena)).secrecy).toBe(false);
    const freed = await engine.get(held.id);
    expect(freed.secrecy).toBe(false);
    // The tick fires the cases in an order of the store's choosing: the user's own deadlines may fire before or after the lift.
    expect((await entries(engine, held.id)).filter((e) => e['by'] === 'dueprocess')).toEqual([expect.objectContaining({ what: 'event', event: { type: 'secrecy.lifted', reason: 'lifted' }, because: FREED_BECAUSE })]);
    expect(await engine.send(held.id, { type: 'request.fulfilled' }, { on: '2026-04-22' })).toMatchObject({ ok: true });
    await store.close();
  });

  it('an access request already open is held from the day a gag comes to cover the account', async () => {
    const { store, engine, subpoena } = await setup();
    const { id } = await engine.open(dsr('access'));
    expect((await engine.get(id)).secrecy).toBe(false);
    expect(await engine.send(subpoena, GAGGED, { on: '2026-01-22' })).toMatchObject({ ok: true });
    const held = await engine.get(id);
    expect(held.secrecy).toBe(true);
    expect(held.history.at(-1)).toMatchObject({ on: '2026-01-22', event: { type: 'secrecy.imposed' } });
    expect((await entries(engine, id)).at(-1)).toMatchObject({ by: 'dueprocess', because: HELD_BECAUSE });
    expect(await engine.send(id, { type: 'request.fulfilled' }, { on: '2026-01-23' })).toMatchObject({ ok: false, reason: 'notAccepted' });
    await store.close();
  });

  it('a case opened under a gag served with it holds the account’s open access requests from its day of receipt', async () => {
    const { store, engine } = await setup();
    const { id } = await engine.open(dsr('access', 'account-3'));
    const gagged = await engine.open({ ...request('subpoena'), account: 'account-3', receivedOn: '2026-01-25', secrecyOrder: {} });
    expect(gagged.secrecy).toBe(true);
    expect((await engine.get(id)).history.at(-1)).toMatchObject({ on: '2026-01-25', event: { type: 'secrecy.imposed' } });
    await store.close();
  });

  it('a hold its opener declared is never lifted by the engine, which cannot see the gag it rests on', async () => {
    const { store, engine, subpoena } = await setup();
    const { id } = await engine.open(dsr('access', 'account-1', { gagOnAccount: true }));
    expect(await engine.send(subpoena, GAGGED, { on: '2026-01-16' })).toMatchObject({ ok: true });
    expect(await engine.send(subpoena, { type: 'secrecy.lifted', reason: 'lifted' }, { on: '2026-01-30' })).toMatchObject({ ok: true });
    expect((await engine.get(subpoena)).secrecy).toBe(false);
    expect((await engine.get(id)).secrecy).toBe(true);
    expect((await entries(engine, id)).filter((e) => e['by'] === 'dueprocess')).toEqual([]);
    await store.close();
  });
});
