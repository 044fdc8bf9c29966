import { describe, expect, it } from 'vitest';
import { runCliCaptured, tempFile } from '../support/runCliCaptured.ts';

const request = tempFile('request.json', { receivedOn: '2026-03-02' });
const events = tempFile('events.json', []);

describe('an empty --machine, --policy or --export is refused (exit 2), not read as left out', () => {
  it.each([
    ['check', ['check', 'subpoena', '--machine', ''], '--machine', 'leave --machine out to use the catalogue'],
    ['check', ['check', 'subpoena', '--policy', ''], '--policy', 'leave --policy out for the default'],
    ['check', ['check', 'subpoena', '--policy='], '--policy', 'leave --policy out for the default'],
    ['simulate', ['simulate', '--machine', ' ', '--request', request, '--events', events], '--machine', 'give the path of a .ts or .js module'],
    ['simulate', ['simulate', 'subpoena', '--policy', '', '--request', request, '--events', events], '--policy', 'give a built-in policy name'],
    ['simulate', ['simulate', '--machine', 'examples/my-workflow.ts', '--export', '', '--request', request, '--events', events], '--export', 'leave --export out for the default export'],
    ['viz', ['viz', '--machine', '', '--format', 'json'], '--machine', 'leave --machine out to use the catalogue'],
    ['coverage', ['coverage', '--policy', ''], '--policy', 'give a built-in policy name'],
  ])('%s %j', async (_command, args, flag, fix) => {
    const { code, out, err } = await runCliCaptured(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(new RegExp(`^dueprocess: ${flag}: is empty \\(got "\\s*"\\)\\. Fix: .*${fix}`));
  });
});
