import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('examples/concurrentRequests.ts runs as README.md says: the pair explored whole, symmetry halves two like requests', () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/concurrentRequests.ts'], { encoding: 'utf8' });
  expect(out).toContain('NSL + civil subpoena: 9401 symbolic states, every one explored');
  expect(out).toMatch(/civil notice sent while the NSL gag holds: reachable in \d+ states, first on day 0/);
  const [, plain, reduced] = /two civil subpoenas: (\d+) symbolic states; with symmetry (\d+)/.exec(out) ?? [];
  expect(Number(plain)).toBe(4867);
  expect(Number(reduced)).toBeLessThan(Number(plain) * 0.6);
});
