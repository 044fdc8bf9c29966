import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('examples/caseEngine.ts runs as README.md says: refused early, fired once, retried without effect, audit intact', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dueprocess-example-')), 'cases.db');
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/caseEngine.ts', file], { encoding: 'utf8' });
  // The example runs on the real clock, after 2026-03-19, so the unticked window shows as overdue.
  expect(out).toMatch(/pending: \[\s*\{\s*name: 'objectionWindow',\s*due: '2026-03-19',\s*state: 'notice\.sent',\s*leadsTo: 'notice\.objectionWindowElapsed',\s*setBy: 'policy',\s*overdue: true\s*\}\s*\]/);
  const refusal = /^disclose on 2026-03-10: refused, (.*)$/m.exec(out)?.[1];
  expect(refusal).toMatch(/^"data\.disclosed" cannot be taken on 2026-03-10 in state .*: its guards refuse it here \(pending deadline: objectionWindow, due 2026-03-19\); it is taken after the objectionWindow deadline; or after secrecy\.imposed, then the objectionWindow deadline$/);
  expect(readFileSync('README.md', 'utf8')).toContain(`message: '${refusal}'`);
  expect(out).toContain('deadlines fired by tick(2026-03-19): 1');
  expect(out).toMatch(/case process\.disclosedInFull .*, notice sent, disclosed basicSubscriberInfo, version 5, 3 events/);
  expect(out).toMatch(/audit: \{\s*ok: true,\s*entries: 5,\s*head: \{\s*seq: 5,\s*hash: '[0-9a-f]{64}'\s*\}\s*\} in /);
  expect(out).toContain(` in ${file}`);
});
