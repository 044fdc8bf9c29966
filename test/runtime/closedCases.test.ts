import { describe, expect, it } from 'vitest';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { SUBPOENA, TODAY, request } from './support/contractFixtures.ts';

/** `closed` is the end of the work, not only of the process: a case that still owes notice stays open. */
describe('a case is closed once it has an outcome and owes nothing more', () => {
  it('a disclosure under a 90-day gag stays open through the gag and the notice it owes, and closes once the user is told', async () => {
    const engine = createCaseEngine({ store: sqliteStore(':memory:'), policy: 'cloudflare', clock: () => TODAY });
    const { id } = await engine.open(request('subpoena'));
    for (const [on, event] of SUBPOENA) expect(await engine.send(id, event, { on })).toMatchObject({ ok: true });
    const gagged = await engine.get(id);
    expect(gagged.tags).toEqual(expect.arrayContaining(['closed', 'disclosed', 'secrecy']));
    expect(gagged.deadlines.map((d) => d.name)).toEqual(['secrecyTerm']);
    expect(gagged.closed).toBe(false);
    expect((await engine.list({ closed: false })).map((c) => c.id)).toEqual([id]);

    await engine.tick('2026-04-20');
    const owing = await engine.get(id);
    expect(owing.secrecy).toBe(false);
    expect(owing.notice).toBe('due');
    expect(owing.closed).toBe(false);

    expect(await engine.send(id, { type: 'notice.sent' }, { on: '2026-04-21' })).toMatchObject({ ok: true });
    const told = await engine.get(id);
    expect(told.deadlines).toEqual([]);
    expect(told.closed).toBe(true);
    expect(await engine.list({ closed: false })).toEqual([]);
    expect((await engine.list({ closed: true })).map((c) => c.id)).toEqual([id]);
  });
});
