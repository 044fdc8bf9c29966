import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/runCliCaptured.ts';

type Row = { rules: { id: string; status: string }[] };
const statuses = async (name: string) => {
  const { code, out } = await runCliCaptured(['check', '--machine', 'test/fixtures/overdueElsewhere.js', '--export', name, '--policy', 'cloudflare', '--json']);
  const rows = JSON.parse(out) as Row[];
  return { code, status: Object.fromEntries(rows.flatMap((r) => r.rules.map((x) => [x.id, x.status]))) };
};

describe('an overdue flag for one duty excuses no other', () => {
  it('a late answer does not settle the notice owed when the gag ends', async () => {
    const { code, status } = await statuses('lateAnswerHidesNotice');
    expect(code).toBe(1);
    expect(status['delayed-notice']).toBe('violated');
  });

  it('a late answer does not excuse a timer elsewhere that fires and changes nothing', async () => {
    const { code, status } = await statuses('lateAnswerHidesLostTimer');
    expect(code).toBe(1);
    expect(status['no-silent-deadline']).toBe('violated');
  });
});
