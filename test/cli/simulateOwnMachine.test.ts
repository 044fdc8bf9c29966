import { describe, expect, it } from 'vitest';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';

const request = tempFile('request.json', { receivedOn: '2026-03-02' });
const story = tempFile('events.json', [
  { day: 0, event: { type: 'secrecy.imposed' } },
  { day: 1, event: { type: 'notice.sent' } },
]);
const simulate = (...args: string[]) => runCliCaptured(['simulate', '--machine', 'examples/my-workflow.ts', '--request', request, '--events', story, ...args]);

describe('simulate --machine: a dated story on a machine of your own', () => {
  it('replays it and names the rule it breaks, with the day (exit 1)', async () => {
    const { code, out, err } = await simulate();
    expect(code).toBe(1);
    expect(out).toMatch(/^examples\/my-workflow\.ts — policy Cloudflare/);
    expect(out).toContain('day    1  2026-03-03  notice.sent');
    expect(err).toContain('VIOLATED no-notice-under-secrecy on day 1 (2026-03-03): the user was notified while a gag was in force.');
  });

  it('says so in --json too', async () => {
    const { code, out } = await simulate('--json');
    expect(code).toBe(1);
    const parsed = JSON.parse(out) as { machine: string; violations: { rule: string; day: number; date: string }[] };
    expect(parsed.machine).toBe('examples/my-workflow.ts');
    expect(parsed.violations).toMatchObject([{ rule: 'no-notice-under-secrecy', day: 1, date: '2026-03-03' }]);
  });

  it('stops where the machine that keeps the rule refuses the notice (exit 1), naming what it could take', async () => {
    const { code, err } = await simulate('--export', 'safeWorkflow');
    expect(code).toBe(1);
    expect(err).toContain('events[1] (day 1, 2026-03-03): "notice.sent" cannot be taken');
    expect(err).not.toContain('VIOLATED');
  });

  it('takes events of the machine’s own types, which check explores too', async () => {
    const machine = tempFile('own.mjs', "import { setup } from 'xstate'; export default setup({}).createMachine({ id: 'own', initial: 'a', states: { a: { on: { 'my.event': 'b' } }, b: { tags: ['closed', 'withdrawn'] } } });");
    const events = tempFile('own-events.json', [{ day: 1, event: { type: 'my.event' } }]);
    const { code, out } = await runCliCaptured(['simulate', '--machine', machine, '--request', request, '--events', events]);
    expect(code).toBe(0);
    expect(out).toContain('day    1  2026-03-03  my.event');
    const typo = await runCliCaptured(['simulate', '--machine', machine, '--request', request, '--events', tempFile('bad.json', [{ day: 1, event: { type: 'notice.sent', extra: 1 } }])]);
    expect(typo.code).toBe(2);
  });

  it('refuses a request without receivedOn, a kind beside --machine, or --export without it', async () => {
    const bad = await runCliCaptured(['simulate', '--machine', 'examples/my-workflow.ts', '--request', tempFile('r.json', {}), '--events', story]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/request\.receivedOn: is missing/);
    const both = await runCliCaptured(['simulate', 'subpoena', '--machine', 'examples/my-workflow.ts', '--request', request, '--events', story]);
    expect(both.code).toBe(2);
    expect(both.err).toContain('kind: cannot be given with --machine');
    const exportAlone = await runCliCaptured(['simulate', 'subpoena', '--export', 'safeWorkflow', '--request', request, '--events', story]);
    expect(exportAlone.code).toBe(2);
    expect(exportAlone.err).toContain('--export: needs --machine');
  });

  it('holds a dated story to the gag order’s date, and refuses an order dated after receipt', async () => {
    const served = tempFile('served.json', { receivedOn: '2026-01-15', secrecyOrder: { days: 30 } });
    const events = tempFile('challenge.json', [{ day: 20, event: { type: 'challenge.filed', route: 'motionToModify' } }, { day: 20, event: { type: 'challenge.decided', route: 'motionToModify', outcome: 'lost' } }, { day: 31 }]);
    const late = await runCliCaptured(['simulate', '--machine', 'test/fixtures/gagTerm.js', '--export', 'reentry', '--request', served, '--events', events]);
    expect(late.code).toBe(1);
    expect(late.err).toContain('VIOLATED gag-ends-on-its-date on day 31 (2026-02-15): the gag order ran out after 30 days, and the case still held the request secret the day after.');
    const future = tempFile('future.json', { receivedOn: '2026-01-15', secrecyOrder: { days: 5, issuedOn: '2026-03-01' } });
    const refused = await runCliCaptured(['simulate', '--machine', 'test/fixtures/gagTerm.js', '--export', 'reentry', '--request', future, '--events', events]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('request.secrecyOrder.issuedOn: is after receivedOn');
    const malformed = await runCliCaptured(['simulate', '--machine', 'test/fixtures/gagTerm.js', '--export', 'reentry', '--request', tempFile('m.json', { receivedOn: '2026-01-15', secrecyOrder: { days: 5, issuedOn: 'March 1' } }), '--events', events]);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('request.secrecyOrder.issuedOn: is not a date written YYYY-MM-DD (got "March 1")');
  });
});

