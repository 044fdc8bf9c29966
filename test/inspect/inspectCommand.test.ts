import { describe, expect, it } from 'vitest';
import { onPort, parsePort } from '../../src/cli/inspectCommand.ts';
import { InputError } from '../../src/domain/InputError.ts';
import { occupiedPort } from '../support/occupiedPort.ts';
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

  it('refuses a port already in use with exit 2, naming the flag, the port and the fix', async () => {
    const { port, server } = await occupiedPort();
    try {
      const { code, err } = await runCliCaptured(['inspect', '--port', String(port)]);
      expect(code).toBe(2);
      expect(err).toContain(`dueprocess: --port: is already in use (got ${port}). Fix: choose another port, or stop what is using it`);
    } finally {
      server.close();
    }
  }, 60_000);

  it('turns a port this user may not open into --port, and lets other failures through', async () => {
    const denied = Object.assign(new Error('listen EACCES: permission denied 127.0.0.1:80'), { code: 'EACCES' });
    const refused = await onPort(80, () => Promise.reject(denied)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect(refused).toMatchObject({ field: '--port', value: 80, fix: 'choose another port, from 1024 up, or 0 for any free one' });
    const other = new Error('boom');
    await expect(onPort(0, () => Promise.reject(other))).rejects.toBe(other);
    expect(await onPort(0, () => Promise.resolve('up'))).toBe('up');
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
