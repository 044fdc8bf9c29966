import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/cli/listCommand.ts', () => ({
  listCommand: () => {
    throw new TypeError('cannot read properties of undefined');
  },
}));

const { runCliCaptured } = await import('../support/runCliCaptured.ts');

describe('an internal error', () => {
  it('exits 3, not 1: CI must not read a crash as a violated rule', async () => {
    const { code, err } = await runCliCaptured(['list']);
    expect(code).toBe(3);
    expect(err).toMatch(/^dueprocess: internal error, not a verdict on your machine: cannot read properties of undefined\n\s+at /);
  });

  it('is in the --json error shape, so a program can tell it from bad input', async () => {
    const { code, out } = await runCliCaptured(['list', '--json']);
    expect(code).toBe(3);
    expect(JSON.parse(out)).toEqual({ error: { reason: 'internal', message: 'cannot read properties of undefined' } });
  });
});
