import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/domain/date.ts';
import { InputError } from '../../src/domain/InputError.ts';
import { verifyAudit } from '../../src/runtime/auditChain.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { observe } from '../../src/scenarios/observe.ts';
import { ACME, GAGGED, REVIEWED, SUBPOENA, type StoreHarness, TODAY, contractFixture, reference, request } from './support/contractFixtures.ts';

const NSL = JSON.parse(readFileSync('examples/nsl-request.json', 'utf8')) as Record<string, unknown>;

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

/**
 * What every `CaseStore` does when cases are opened: idempotency keys make `open` safe to retry,
 * and cases under a provider's own policy reload, take events and fire deadlines like any other.
 *
 * @example
 * caseIntakeContract('SQLite in memory', async () => sqliteHarness(':memory:'));
 */
export function caseIntakeContract(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`opening cases on ${name}`, () => {
    const f = contractFixture(makeStore);

    it('an open repeated with its idempotency key returns the first case and writes nothing; the request’s own id is no key', async () => {
      const engine = await f.engineOn();
      const first = await engine.open(NSL, { idempotencyKey: 'open-1', by: 'alice' });
      const rows = await f.snapshotRows();
      expect(await engine.open({ ...NSL }, { idempotencyKey: 'open-1', by: 'alice' })).toEqual(first);
      expect(await f.snapshotRows()).toEqual(rows);
      const other = await engine.open(NSL, { idempotencyKey: 'open-2', by: 'alice' });
      expect(other.id).not.toBe(first.id);
      expect((await engine.list()).map((c) => c.id).sort()).toEqual([first.id, other.id].sort());
      expect(await verifyAudit(f.harness.store)).toMatchObject({ ok: true });
    });

    it.each([
      ['another request', { ...NSL, account: 'customer-9' }, {}, 'another request'],
      ['another policy', NSL, { policy: 'letsencrypt' }, 'another policy'],
      ['another case id', NSL, { id: 'mine' }, 'another case id'],
    ])('an idempotency key used again with %s is refused (keyReused) without echoing the first, and writes nothing', async (_what, again, opts, problem) => {
      const engine = await f.engineOn();
      await engine.open(NSL, { idempotencyKey: 'open-1', by: 'alice' });
      const rows = await f.snapshotRows();
      const error = await refusal(engine.open(again, { idempotencyKey: 'open-1', by: 'alice', ...opts }));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ reason: 'keyReused', field: 'idempotencyKey', value: 'open-1' });
      expect((error as InputError).message).toContain(problem);
      expect((error as InputError).message).not.toContain('customer-4711');
      expect(await f.snapshotRows()).toEqual(rows);
    });

    it('an idempotency key is the opener’s own: another opener’s same key opens a case of its own, learning nothing of the first', async () => {
      const engine = await f.engineOn();
      const first = await engine.open(NSL, { idempotencyKey: 'open-1', by: 'alice' });
      const other = await engine.open(NSL, { idempotencyKey: 'open-1', by: 'bob' });
      expect(other.id).not.toBe(first.id);
      expect(await engine.open(NSL, { idempotencyKey: 'open-1', by: 'bob' })).toEqual(other);
      expect((await engine.open(NSL, { idempotencyKey: 'open-1', by: 'alice' })).id).toBe(first.id);
    });

    it('a case under the provider’s own policy runs on it through open, send, get and tick', async () => {
      await f.engineOn();
      const engine = createCaseEngine({ store: f.harness.store, policies: { acme: ACME }, policy: 'acme', clock: () => TODAY });
      const { id, policy } = await engine.open(request('subpoena'), { id: 'a' });
      expect(policy).toBe('acme');
      for (const [on, event] of SUBPOENA) expect((await engine.send(id, event, { on })).ok).toBe(true);
      // The engine describes each deadline further; the observation has its name and date.
      const pick = ({ tags, secrecy, notice, disclosed, deadlines }: ReturnType<typeof observe>) => ({ tags, secrecy, notice, disclosed, deadlines: deadlines.map(({ name, due }) => ({ name, due })) });
      const view = pick(await engine.get(id));
      expect(view).toEqual(pick(observe(reference('subpoena', SUBPOENA, undefined, ACME), dayNumber('2026-01-15'))));
      const now = view.deadlines[0]?.due ?? '';
      expect(await engine.tick(now)).toBeGreaterThan(0);
      const after = pick(await engine.get(id));
      expect(after).toEqual(pick(observe(reference('subpoena', SUBPOENA, now, ACME), dayNumber('2026-01-15'))));
      expect(after.deadlines).toContainEqual({ name: 'delayedNotice', due: '2026-05-07' });
      expect(pick(observe(reference('subpoena', SUBPOENA, now), dayNumber('2026-01-15'))).deadlines).toContainEqual({ name: 'delayedNotice', due: '2026-04-23' });
    });

    it('an engine without the policy a stored case runs under names it on get and send, and its tick fires the other cases', async () => {
      await f.engineOn();
      const withAcme = createCaseEngine({ store: f.harness.store, policies: { acme: ACME }, clock: () => TODAY });
      await withAcme.open(request('subpoena'), { id: 'a', policy: 'acme' });
      await withAcme.send('a', REVIEWED, { on: '2026-01-15' });
      await withAcme.send('a', GAGGED, { on: '2026-01-16' });
      const without = createCaseEngine({ store: f.harness.store, policy: 'cloudflare', clock: () => TODAY });
      await without.open(request('subpoena'), { id: 'c' });
      await without.send('c', REVIEWED, { on: '2026-01-15' });
      await without.send('c', GAGGED, { on: '2026-01-16' });
      const rows = await f.snapshotRows();
      // One at a time: a second refusal started before the first is awaited would reject unhandled.
      for (const act of [() => without.get('a'), () => without.send('a', { type: 'request.withdrawn' }, { on: '2026-01-17' })]) {
        const error = await refusal(act());
        expect(error).toBeInstanceOf(InputError);
        expect(error).toMatchObject({ reason: 'unknownPolicy', field: 'case.policy', value: 'acme' });
        expect((error as InputError).fix).toContain('policies');
      }
      expect(await f.snapshotRows()).toEqual(rows);
      const error = await refusal(without.tick('2027-06-01'));
      expect(error).toMatchObject({ reason: 'unknownPolicy', field: 'case.policy', value: 'acme' });
      expect((error as InputError).message).toContain('case(s) a did not fire');
      expect((await without.due('2027-06-01')).map((t) => t.caseId)).toEqual(expect.arrayContaining(['a']));
      expect((await without.due('2027-06-01')).map((t) => t.caseId)).not.toContain('c');
      expect(await withAcme.tick('2027-06-01')).toBeGreaterThan(0);
      expect(await without.due('2027-06-01')).toEqual([]);
    });
  });
}
