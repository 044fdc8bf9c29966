import { createActor, setup, transition, initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/explore/explore.ts';
import type { Monitor } from '../../src/explore/Monitor.ts';
import { neverStep } from '../../src/rules/language.ts';
import { sendEvent, startRun } from '../../src/time/TimedRun.ts';

// A handler on the root stays active in every state, the final one included.
const machine = setup({ types: {} as { events: { type: 'poke' } | { type: 'finish' } } }).createMachine({
  id: 'finishing',
  initial: 'open',
  on: { poke: { target: '.open' } },
  states: { open: { on: { finish: 'closed' } }, closed: { type: 'final' } },
});
const events = [{ type: 'poke' }, { type: 'finish' }];

describe('a finished machine takes nothing more', () => {
  it('as an actor does, though XState’s pure transition would still step it', () => {
    const actor = createActor(machine).start();
    actor.send({ type: 'finish' });
    actor.send({ type: 'poke' });
    expect([actor.getSnapshot().value, actor.getSnapshot().status]).toEqual(['closed', 'done']);
    const [done] = transition(machine, initialTransition(machine)[0], { type: 'finish' });
    expect(transition(machine, done, { type: 'poke' })[0].value).toBe('open');
  });

  it('the explorer follows no step out of a finished state, so no rule sees one', () => {
    const graph = explore(machine, { inputs: [{ name: 'only', input: undefined }], events, subsumption: false, links: true });
    const closed = graph.nodes.find((n) => n.snapshot.status === 'done');
    expect(closed?.snapshot.value).toBe('closed');
    expect(graph.links[closed?.id ?? -1]).toEqual([]);
    const afterEnd = neverStep((info) => info.pre?.status === 'done', 'a step after the end') as { monitor: Monitor };
    expect(explore(machine, { inputs: [{ name: 'only', input: undefined }], events, monitors: [afterEnd.monitor] }).violations).toEqual([null]);
  });

  it('the whole-day clock refuses an event once the case has finished, and offers none', () => {
    const finished = sendEvent(startRun(machine, undefined, 0), 1, { type: 'finish' });
    expect(finished.ok).toBe(true);
    const refused = sendEvent(finished.run, 2, { type: 'poke' });
    expect(refused).toMatchObject({ ok: false, rejection: { reason: 'notAccepted', accepted: [] } });
    expect(refused.ok ? '' : refused.rejection.message).toBe('"poke" cannot be taken on day 2: the case has finished, in state closed');
    expect(refused.run).toBe(finished.run);
  });
});
