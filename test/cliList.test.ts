import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './support/runCliCaptured.ts';

const KINDS = [
  'subpoena', 'administrativeSubpoena', 'courtOrder', 'searchWarrant', 'penRegister', 'nationalSecurityLetter',
  'fisaOrder', 'mlat', 'foreignDirect', 'cloudActAgreement', 'euProductionOrder', 'civilSubpoena', 'dmcaSubpoena', 'emergency',
  'preservation', 'abuseComplaint', 'dataSubjectRequest',
];

interface Row {
  kind: string;
  title: string;
  sources: { domain: string; cite: string; confidence: string }[];
  timers: { name: string; days: number | null; setBy: string; source?: string; confidence?: string }[];
  compels: string[];
}

describe('dueprocess list', () => {
  it('--json lists all 17 kinds with title, sources and timers', async () => {
    const { code, out } = await runCliCaptured(['list', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Row[];
    expect(rows.map((r) => r.kind)).toEqual(KINDS);
    for (const row of rows) {
      expect(row.title.length).toBeGreaterThan(5);
      expect(row.sources.length).toBeGreaterThan(0);
      for (const s of row.sources) expect(s.domain).toMatch(/^§(\d+|intro)/);
      expect(Array.isArray(row.timers)).toBe(true);
    }
  });

  it('shows each kind’s own legal timers with their lengths', async () => {
    const rows = JSON.parse((await runCliCaptured(['list', '--json'])).out) as Row[];
    const timers = (kind: string) => rows.find((r) => r.kind === kind)?.timers ?? [];
    expect(timers('nationalSecurityLetter')).toContainEqual({ name: 'P30D', days: 30, setBy: 'law' });
    expect(timers('penRegister')).toContainEqual({ name: 'P60D', days: 60, setBy: 'law' });
    expect(timers('penRegister')).toContainEqual({ name: 'orderTerm', days: null, setBy: 'case', atMostDays: 60 });
    expect(timers('civilSubpoena')).toContainEqual({ name: 'writtenObjectionWindow', days: null, setBy: 'case', atMostDays: 17 });
    expect(timers('searchWarrant')).toContainEqual({ name: 'cloudActComityMotionWindow', days: null, setBy: 'case', atMostDays: 17 });
    expect(timers('preservation')).toContainEqual({ name: 'P90D', days: 90, setBy: 'law' });
    expect(timers('subpoena')).toContainEqual({ name: 'secrecyTerm', days: null, setBy: 'case' });
    expect(timers('subpoena')).toContainEqual(expect.objectContaining({ name: 'objectionWindow', days: 14, setBy: 'policy' }));
  });

  it('gives every policy timer its citation and weakest confidence tag: lengths nobody publishes are [?]', async () => {
    const rows = JSON.parse((await runCliCaptured(['list', '--json'])).out) as Row[];
    const policyTimers = rows.flatMap((r) => r.timers.filter((t) => t.setBy === 'policy'));
    expect(new Set(policyTimers.map((t) => t.name))).toEqual(new Set(['objectionWindow', 'delayedNotice', 'secrecyChallengeWindow', 'emergencyFollowUp']));
    for (const t of policyTimers) {
      expect(t.source).toMatch(/^DOMAIN §(\d+|intro)/);
      expect(t.confidence).toBe('?');
    }
    expect(rows.flatMap((r) => r.timers.filter((t) => t.setBy !== 'policy')).every((t) => t.source === undefined && t.confidence === undefined)).toBe(true);
    const { out } = await runCliCaptured(['list']);
    expect(out).toContain('objectionWindow (14 days, policy [?])');
    expect(out).toMatch(/^ {2}- objectionWindow, 14 days \[\?\]: DOMAIN §11 q10 \[\?\] not published/m);
  });

  it('prints a readable catalogue by default', async () => {
    const { code, out } = await runCliCaptured(['list']);
    expect(code).toBe(0);
    for (const kind of KINDS) expect(out).toContain(`${kind} — `);
    expect(out).toContain('17 kinds.');
  });

  it('rejects an unknown flag with exit code 2', async () => {
    const { code, err } = await runCliCaptured(['list', '--jsn']);
    expect(code).toBe(2);
    expect(err).toMatch(/arguments: .*--jsn.*Fix: usage: dueprocess list/);
  });

  it('rejects a stray argument rather than ignoring it, and so do coverage and suite (exit code 2)', async () => {
    for (const args of [['list', '--json', 'subpoena'], ['coverage', 'subpoena'], ['suite', '--out', '/tmp/never-written', 'subpoena']]) {
      const { code, err, out } = await runCliCaptured(args);
      expect(code).toBe(2);
      // Nothing but the error, which --json also puts on stdout.
      expect(out === '' ? null : JSON.parse(out).error.field).toBe(args.includes('--json') ? 'arguments' : null);
      expect(err).toMatch(new RegExp(`arguments: .*'subpoena'.*Fix: usage: dueprocess ${args[0]}`));
    }
  });

  it('rejects a name every object has (toString, constructor) as an unknown command, exit code 2', async () => {
    for (const name of ['toString', 'constructor', '__proto__']) {
      const { code, err } = await runCliCaptured([name]);
      expect(code, name).toBe(2);
      expect(err).toContain(`command: is not a dueprocess command (got "${name}")`);
    }
  });

  it('runs as the installed `dueprocess` bin', async () => {
    const result = spawnSync(process.execPath, ['bin/dueprocess.js', 'list', '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Row[]).length).toBe(17);
    const bad = spawnSync(process.execPath, ['bin/dueprocess.js', 'lsit'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('command: is not a dueprocess command (got "lsit")');
  });
});

describe('dueprocess list into a reader that stops early', () => {
  it('stops quietly with exit 0 when the pipe closes, as `dueprocess list | head -2` does', () => {
    const { status, stdout, stderr } = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx src/cli/main.ts list | head -2; exit "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
