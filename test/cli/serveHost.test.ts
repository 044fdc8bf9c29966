import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { occupiedPort } from '../support/occupiedPort.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'dueprocess-serve-')), 'cases.db');
const FIX = 'Fix: give an address of this machine to listen on: 127.0.0.1 or ::1 (loopback), 0.0.0.0 or :: (every interface), or a host name that resolves to one';

describe('dueprocess serve --host', () => {
  it.each([
    ['an address with an octet past 255', '999.1.1.1', '--host: is not an IP address, and no host has that name'],
    ['a host name that does not resolve', 'no-such-host.invalid', '--host: is not an IP address, and no host has that name'],
    ['an address of another machine', '192.0.2.1', '--host: is not an address of this machine, so nothing can listen on it (got "192.0.2.1")'],
    ['an empty one', '', '--host: is empty (got ""). Fix: give the address to listen on, like 127.0.0.1, or leave --host out for loopback'],
  ])('refuses %s with exit 2 and leaves no database behind', async (_what, host, message) => {
    const db = tempDb();
    const { code, err } = await runCliCaptured(['serve', '--db', db, '--port', '0', '--host', host]);
    expect(code).toBe(2);
    expect(err).toContain(`dueprocess: ${message}`);
    if (host !== '') expect(err).toContain(FIX);
    expect(err).not.toContain('internal error');
    expect(existsSync(db)).toBe(false);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it('removes the database it made when the port is taken, and keeps one that was there before', async () => {
    const { port, server } = await occupiedPort();
    try {
      const db = tempDb();
      expect((await runCliCaptured(['serve', '--db', db, '--port', String(port)])).code).toBe(2);
      expect(existsSync(db)).toBe(false);
      expect((await runCliCaptured(['token', 'create', '--role', 'admin', '--name', 'ops', '--db', db])).code).toBe(0);
      expect((await runCliCaptured(['serve', '--db', db, '--port', String(port)])).code).toBe(2);
      expect(existsSync(db)).toBe(true);
      expect((await runCliCaptured(['token', 'list', '--db', db])).out).toMatch(/admin\s+ops/);
    } finally {
      server.close();
    }
  });
});
