import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('examples/replay.ts says why the early disclosure is refused, in the words README.md shows', () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/replay.ts'], { encoding: 'utf8' });
  const message = /^refused on day 10: (.*)$/m.exec(out)?.[1];
  expect(message).toContain('(pending deadline: objectionWindow, due day 17)');
  expect(readFileSync('README.md', 'utf8')).toContain(`// ${message}\n`);
});
