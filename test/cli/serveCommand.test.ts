import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { ACME } from '../runtime/support/contractFixtures.ts';
import { occupiedPort } from '../support/occupiedPort.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

/** A policy JSON file in a fresh directory. */
const policyFile = (policy: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'dueprocess-policy-')), 'policy.json');
  writeFileSync(file, JSON.stringify(policy));
  return file;
};
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'dueprocess-serve-')), 'cases.db');

describe('dueprocess token', () => {

  it('token with a --db that is no database says so, not to give a writable path', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dueprocess-notdb-')), 'policy.json');
    writeFileSync(file, '{}');
    const { code, err } = await runCliCaptured(['token', 'list', '--db', file]);
    expect(code).toBe(2);
    expect(err).toContain('--db: is not a dueprocess case database');
    expect(err).not.toContain('writable path');
  });
  it('creates a token shown once, lists it without its secret, and revokes it once', async () => {
    const db = tempDb();
    const made = await runCliCaptured(['token', 'create', '--role', 'counsel', '--name', 'alice', '--db', db]);
    expect(made.code).toBe(0);
    const secret = /^dp_[A-Za-z0-9_-]{43}$/m.exec(made.out)?.[0];
    expect(secret).toBeDefined();
    const id = /^token (\S+) for alice \(counsel\)/.exec(made.out)?.[1] ?? '';
    const listed = await runCliCaptured(['token', 'list', '--db', db]);
    expect(listed.out).toContain(`${id}  counsel  alice`);
    expect(listed.out).not.toContain(secret);
    expect((await runCliCaptured(['token', 'revoke', id, '--db', db])).code).toBe(0);
    const again = await runCliCaptured(['token', 'revoke', id, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`id: is not a live token (got "${id}")`);
  });

  it.each([
    ['an unknown role', ['token', 'create', '--role', 'owner', '--name', 'x'], 'role: is not a role (got "owner"). Fix: use one of viewer, counsel, admin'],
    ['a missing name', ['token', 'create', '--role', 'admin'], '--name: is required'],
    ['an unknown subcommand', ['token', 'steal'], 'subcommand: is not a token subcommand'],
    ['a list of a database that is not there', ['token', 'list'], '--db: does not exist'],
  ])('rejects %s with exit 2, naming the field, the value and the fix, and makes no database', async (_what, args, message) => {
    const db = tempDb();
    const r = await runCliCaptured([...args, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(db)).toBe(false);
  });
});

describe('dueprocess serve', () => {
  it.each([
    ['--tick-seconds', ['--tick-seconds', '0'], '--tick-seconds: is not a whole number of seconds'],
    ['--today', ['--today', '2026-02-30'], '--today: is no day of the calendar'],
    ['--policy', ['--policy', 'acme'], '--policy: is not a built-in policy'],
    ['--port', ['--port', '70000'], '--port: is not a TCP port'],
    ['--policy', ['--policy', policyFile({ ...cloudflare, name: 'Ours' })], '--policy: holds the policy id "cloudflare", which is a built-in policy\'s'],
    ['--policy', ['--policy', policyFile({ ...ACME, versions: [] })], 'policy.versions: '],
    ['--db', ['--db', '/no/such/dir/cases.db'], '--db: could not be opened as an SQLite case database'],
  ])('rejects a bad %s with exit 2 before it listens or makes a database', async (flag, args, message) => {
    const db = tempDb();
    // --db once: a repeated option is refused before anything else is checked.
    const r = await runCliCaptured(['serve', ...(flag === '--db' ? [] : ['--db', db]), ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    if (flag !== '--db') expect(existsSync(db)).toBe(false);
  });

  it('refuses a port already in use with exit 2, naming --port, the port and the fix', async () => {
    const { port, server } = await occupiedPort();
    try {
      const r = await runCliCaptured(['serve', '--db', tempDb(), '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`dueprocess: --port: is already in use (got ${port}). Fix: choose another port, or stop what is using it`);
    } finally {
      server.close();
    }
  });

  it.each([
    ['the built-in default policy', [], 'cloudflare'],
    ['a policy JSON file, registered by its id', ['--policy', policyFile(ACME)], 'acme'],
  ])('serves on loopback until SIGTERM under %s: a token made by the CLI opens a case over HTTP', async (_what, policyArgs, policyId) => {
    const db = tempDb();
    const token = /^dp_\S+$/m.exec((await runCliCaptured(['token', 'create', '--role', 'counsel', '--name', 'alice', '--db', db])).out)?.[0];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', db, '--port', '0', '--today', '2026-03-10', ...policyArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await expect.poll(() => out, { timeout: 15_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '';
    const request = { kind: 'subpoena', receivedOn: '2026-03-02', account: 'a-1', requester: { name: 'AUSA', country: 'US' }, target: { usPerson: true, residesInUS: true, residenceCountry: 'US' }, categories: ['basicSubscriberInfo'] };
    const opened = await fetch(`${url}/cases`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ request }) });
    expect(opened.status).toBe(201);
    expect(((await opened.json()) as { policy: string }).policy).toBe(policyId);
    expect(out).toContain(`policy ${policyId};`);
    expect((await fetch(`${url}/cases`)).status).toBe(401);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('stopped (SIGTERM)');
    expect((await runCliCaptured(['audit', 'verify', '--db', db])).out).toContain('the audit log verifies, 1 entry,');
  });
});
