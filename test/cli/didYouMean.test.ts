import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';

const request = tempFile('request.json', { receivedOn: '2026-03-02' });
const events = tempFile('events.json', []);

describe('a misspelt kind, policy, command or flag: the fix says which was meant', () => {
  it.each([
    ['viz kind', ['viz', 'subpena', '--format', 'dot'], 'kind: is not a kind in the catalogue (got "subpena")', ', or --machine FILE; did you mean subpoena?'],
    ['simulate kind', ['simulate', 'subpena', '--request', request, '--events', events], 'kind: is not a kind in the catalogue (got "subpena")', ', or --machine FILE; did you mean subpoena?'],
    ['scenarios kind', ['scenarios', 'subpena', '--dir', 'unused'], 'kind: is not a kind in the catalogue (got "subpena")', 'dataSubjectRequest; did you mean subpoena?'],
    ['check kind', ['check', 'subpena'], 'kind: is not a kind in the catalogue (got "subpena")', 'dataSubjectRequest; did you mean subpoena?'],
    ['suite --kinds', ['suite', '--out', join(mkdtempSync(join(tmpdir(), 'dueprocess-')), 'out'), '--kinds', 'preservation,subpena'], '--kinds: is not a kind in the catalogue (got "subpena")', 'dataSubjectRequest; did you mean subpoena?'],
    ['built-in policy', ['check', 'subpoena', '--policy', 'cloudfare'], '--policy: is not a built-in policy (got "cloudfare")', 'or the path of a policy JSON file; did you mean cloudflare?'],
    ['command', ['chek'], 'command: is not a dueprocess command (got "chek")', 'report, serve, token; did you mean check?'],
    ['flag', ['check', '--jsn'], "arguments: Unknown option '--jsn'", '[--threads N] [--json]; did you mean --json?'],
    ['flag of another command', ['simulate', 'subpoena', '--polcy', 'x'], "arguments: Unknown option '--polcy'", '[--policy NAME|FILE] [--json]; did you mean --policy?'],
  ])('%s', async (_what, args, problem, ending) => {
    const { code, err } = await runCliCaptured(args);
    expect(code).toBe(2);
    expect(err).toContain(`dueprocess: ${problem}`);
    expect(err.trimEnd().endsWith(ending)).toBe(true);
  });

  it('guesses nothing for a word far from every option, and gives the guess in --json too', async () => {
    const far = await runCliCaptured(['check', 'warrant']);
    expect(far.code).toBe(2);
    expect(far.err).not.toContain('did you mean');
    const json = await runCliCaptured(['check', 'subpena', '--json']);
    expect((JSON.parse(json.out) as { error: { fix: string } }).error.fix).toMatch(/; did you mean subpoena\?$/);
  });
});
