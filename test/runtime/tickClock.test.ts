import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';

const NSL = JSON.parse(readFileSync('examples/nsl-request.json', 'utf8')) as { receivedOn: string };
const FILED = { type: 'challenge.filed', route: 'reciprocalNotice' } as const;

/** A tick long after a deadline stops the case's clock at that deadline, not at the tick's day. */
describe('a case a tick touched takes events dated after its last deadline', () => {
  const setUp = async () => {
    const engine = createCaseEngine({ store: sqliteStore(':memory:'), policy: 'cloudflare', clock: () => '2027-12-31' });
    const opened = await engine.open(NSL);
    expect(opened.takesEventsFrom).toBe(NSL.receivedOn);
    expect(opened.deadlines.map((d) => [d.name, d.due])).toEqual([['secrecyChallengeWindow', '2013-03-06']]);
    return { engine, id: opened.id };
  };

  it('an event entered late, dated between the deadline and the tick, is taken', async () => {
    const { engine, id } = await setUp();
    expect(await engine.tick('2013-06-29')).toBe(1);
    const view = await engine.get(id);
    expect(view.passed).toEqual([{ name: 'secrecyChallengeWindow', due: '2013-03-06' }]);
    expect(view.takesEventsFrom).toBe('2013-03-07');
    expect(await engine.send(id, FILED, { on: '2013-04-10' })).toMatchObject({ ok: true });
    expect((await engine.get(id)).takesEventsFrom).toBe('2013-04-10');
  });

  it('an event dated on the deadline’s day is still refused: the day ended when it fired', async () => {
    const { engine, id } = await setUp();
    await engine.tick('2013-06-29');
    const refused = await engine.send(id, FILED, { on: '2013-03-06' });
    expect(refused).toMatchObject({ ok: false, reason: 'timeWentBack' });
    expect(refused.ok ? '' : refused.message).toMatch(/^2013-03-06 has ended/);
  });
});
