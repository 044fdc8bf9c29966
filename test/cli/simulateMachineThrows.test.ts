import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';

const request = tempFile('request.json', { receivedOn: '2026-03-02' });
const machines = tempFile(
  'throwing.mjs',
  `import { setup } from 'xstate';
const boom = () => { throw new Error('no request in context'); };
const closed = { tags: ['closed', 'withdrawn'] };
export const onEvent = setup({ guards: { boom } }).createMachine({ id: 'onEvent', initial: 'a', states: { a: { on: { 'my.event': { target: 'b', guard: 'boom' } } }, b: closed } });
export const onTimer = setup({ guards: { boom }, delays: { P10D: 10 * 86_400_000 } }).createMachine({ id: 'onTimer', initial: 'a', states: { a: { after: { P10D: { target: 'b', guard: 'boom' } } }, b: closed } });
export const onAnother = setup({ guards: { boom } }).createMachine({ id: 'onAnother', initial: 'a', states: { a: { on: { 'notice.sent': { target: 'b', guard: 'boom' }, 'my.event': 'b' } }, b: closed } });`,
);
const simulate = (name: string, events: unknown, ...rest: string[]) => runCliCaptured(['simulate', '--machine', machines, '--export', name, '--request', request, '--events', tempFile('events.json', events), ...rest]);

describe('simulate --machine: a machine whose own code throws is bad input (exit 2), not an internal error', () => {
  it('names the line, the day, the machine, the event and what the guard threw', async () => {
    const { code, out, err } = await simulate('onEvent', [{ day: 1, event: { type: 'my.event' } }]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`dueprocess: events[0].event: on day 1, ${machines}#onEvent: the machine threw on it: Unable to evaluate guard 'boom' in transition for event 'my.event' in state node 'onEvent.a'`);
    expect(err).toContain('no request in context (got {"type":"my.event"}). Fix: make the machine\'s guards, assignments and delays work for each event it may be sent');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('a deadline whose guard throws, fired by a line that only moves the clock', async () => {
    const { code, err } = await simulate('onTimer', [{ day: 20 }]);
    expect(code).toBe(2);
    expect(err).toContain(`dueprocess: events[0]: on day 20, ${machines}#onTimer: the machine threw on it: Unable to evaluate guard 'boom' in transition for event 'xstate.after.P10D.onTimer.a'`);
  });

  it('a guard that throws when the machine is asked what it could take instead of a refused event, also in --json', async () => {
    const { code, out } = await simulate('onAnother', [{ day: 1, event: { type: 'request.withdrawn' } }], '--json');
    expect(code).toBe(2);
    const { error } = JSON.parse(out) as { error: { reason: string; field: string; problem: string } };
    expect(error).toMatchObject({ reason: 'invalid', field: 'events[0].event' });
    expect(error.problem).toContain(`on day 1, ${machines}#onAnother: the machine threw on it: Unable to evaluate guard 'boom' in transition for event 'notice.sent'`);
  });

  it('eventless transitions that never settle end the replay with exit 2 instead of running for ever', () => {
    // In a child process: without the microstep cap the loop never yields, and no test timeout could stop it.
    const events = tempFile('events.json', [{ day: 1, event: { type: 'notice.sent' } }]);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'simulate', '--machine', 'test/fixtures/throwingMachines.js', '--export', 'endlessLoop', '--request', request, '--events', events], { encoding: 'utf8', timeout: 15_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('dueprocess: events[0].event: on day 1, test/fixtures/throwingMachines.js#endlessLoop: given it, the machine loops through eventless transitions (or raised events) without settling');
  });
});
