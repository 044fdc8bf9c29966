import { describe, expect, it } from 'vitest';
import { parsePort } from '../../src/cli/inspectCommand.ts';
import { InputError } from '../../src/domain/InputError.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

describe('dueprocess inspect', () => {
  it.each([['abc'], ['70000'], ['1.5'], ['']])('refuses --port %j with exit 2, naming the flag', async (port) => {
    const { code, err } = await runCliCaptured(['inspect', `--port=${port}`]);
    expect(code).toBe(2);
    expect(err).toContain('--port');
    expect(err).toContain('Fix:');
  });

  it('refuses stray arguments and unknown flags with exit 2', async () => {
    expect((await runCliCaptured(['inspect', 'subpoena'])).code).toBe(2);
    expect((await runCliCaptured(['inspect', '--host', '0.0.0.0'])).code).toBe(2);
  });

  it('reads a port, 0 meaning any free one', () => {
    expect(parsePort(undefined)).toBe(0);
    expect(parsePort('0')).toBe(0);
    expect(parsePort('8123')).toBe(8123);
    expect(() => parsePort('-1')).toThrow(InputError);
  });

  it('is listed in the usage', async () => {
    const { out } = await runCliCaptured(['help']);
    expect(out).toContain('dueprocess inspect [--port N]');
  });
});
