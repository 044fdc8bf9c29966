import { describe, expect, it } from 'vitest';
import { loadUserMachine } from '../../src/cli/loadUserMachine.ts';
import { InputError } from '../../src/domain/InputError.ts';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';

/** Exports that have some of a machine's fields but are no XState v5 machine. */
const FAKES: [string, string][] = [
  ['an imitation with root, transition and provide (as an XState v4 machine has)', 'export default { root: { meta: {} }, transition() {}, provide() { return this; } };'],
  ['an object with config and root', 'export default { config: {}, root: {} };'],
  ['an imitation whose root points back at it but has no events', 'const m = { transition() {}, provide() {}, microstep() {}, getInitialSnapshot() {}, resolveState() {} }; m.root = { machine: m }; export default m;'],
  ['a proxy that throws when read', "export default new Proxy({}, { get() { throw new Error('no'); }, has() { throw new Error('no'); } });"],
];

describe('loadUserMachine refuses an export that only looks like a machine', () => {
  it.each(FAKES)('%s', async (_what, source) => {
    const file = tempFile('fake.mjs', source);
    const error = await loadUserMachine(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('--export');
    expect((error as InputError).problem).toBe(`is not an XState v5 machine exported by ${file}`);
  });

  it.each(['check', 'simulate'])('%s --machine exits 2 on one, not 3', async (command) => {
    const file = tempFile('v4.mjs', FAKES[0]?.[1] ?? '');
    const args = command === 'check' ? ['--policy', 'cloudflare'] : ['--request', tempFile('request.json', { receivedOn: '2026-03-02' }), '--events', tempFile('events.json', [])];
    const { code, err } = await runCliCaptured([command, '--machine', file, ...args]);
    expect(code).toBe(2);
    expect(err).toContain(`dueprocess: --export: is not an XState v5 machine exported by ${file} (got "default")`);
    expect(err).not.toContain('internal error');
  });

  it('still takes a machine made with setup().createMachine()', async () => {
    const target = await loadUserMachine('examples/my-workflow.ts', 'safeWorkflow');
    expect(target.name).toBe('examples/my-workflow.ts#safeWorkflow');
  });
});
