import { describe, expect, it } from 'vitest';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';
import { sqliteStore } from '../../src/runtime/sqliteStore.ts';
import { subpoenaEntry } from '../../machines/subpoena.ts';
import { demandRequest } from '../support/demandFixtures.ts';

const DISCLOSE = { type: 'data.disclosed', categories: ['basicSubscriberInfo'] };
const WINDOW = { name: 'objectionWindow', due: '2026-03-19', state: 'notice.sent', leadsTo: 'notice.objectionWindowElapsed', setBy: 'policy' };

/** A subpoena received 2026-03-02, reviewed, and noticed on 2026-03-05: its objection window ends on 2026-03-19. */
async function noticedSubpoena() {
  let today = '2026-03-10';
  const engine = createCaseEngine({ store: sqliteStore(':memory:'), policy: 'cloudflare', clock: () => today });
  const { id } = await engine.open(demandRequest(subpoenaEntry, { receivedOn: '2026-03-02', categories: ['basicSubscriberInfo'] }));
  await engine.send(id, { type: 'review.completed', finding: 'sufficient' }, { on: '2026-03-04' });
  await engine.send(id, { type: 'notice.sent' }, { on: '2026-03-05' });
  return { engine, id, setToday: (day: string) => void (today = day) };
}

describe('what a case tool can do with a case now: concrete events and described deadlines', () => {
  it('a refused send and the case view list the events the case would take, guards evaluated; allowed still lists the types its state listens for', async () => {
    const { engine, id } = await noticedSubpoena();
    const refused = await engine.send(id, DISCLOSE, { on: '2026-03-10' });
    if (refused.ok) throw new Error('a disclosure inside the objection window was taken');
    expect(refused.allowed).toContain('data.disclosed');
    expect(refused.couldTake.map((e) => e.type)).not.toContain('data.disclosed');
    expect(refused.couldTake).toContainEqual({ type: 'request.withdrawn' });
    expect(refused.couldTake.filter((e) => e.type === 'challenge.filed')).toEqual([{ type: 'challenge.filed', route: 'motionToQuash' }]);
    expect((await engine.get(id)).couldTake).toEqual(refused.couldTake);
  });

  it('a send dated before receipt says what the case would take today', async () => {
    const { engine, id, setToday } = await noticedSubpoena();
    setToday('2026-03-20');
    const refused = await engine.send(id, DISCLOSE, { on: '2026-03-01' });
    expect(refused).toMatchObject({ ok: false, reason: 'timeWentBack' });
    expect(refused.ok ? [] : refused.couldTake).toContainEqual(DISCLOSE);
  });

  it('describes each deadline by its state, where it leads and who sets it, and marks it overdue once its day has ended with no tick', async () => {
    const { engine, id, setToday } = await noticedSubpoena();
    expect((await engine.get(id)).deadlines).toEqual([WINDOW]);
    setToday('2026-03-19');
    expect((await engine.get(id)).deadlines).toEqual([WINDOW]);
    setToday('2026-03-20');
    const overdue = await engine.get(id);
    expect(overdue.deadlines).toEqual([{ ...WINDOW, overdue: true }]);
    // A send today would fire the window first: the disclosure is open now.
    expect(overdue.couldTake).toContainEqual(DISCLOSE);
    await engine.tick('2026-03-19');
    expect((await engine.get(id)).deadlines).toEqual([]);
  });

  it('says when a deadline’s length is set by the case', async () => {
    const { engine, id } = await noticedSubpoena();
    await engine.send(id, { type: 'secrecy.imposed', days: 90 }, { on: '2026-03-06' });
    expect((await engine.get(id)).deadlines).toContainEqual({ name: 'secrecyTerm', due: '2026-06-04', state: 'secrecy.inForce.term.fixed', leadsTo: 'secrecy.ended', setBy: 'case' });
  });
});
