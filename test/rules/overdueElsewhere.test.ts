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

  it('delayed notice’s own overdue flag does not settle an emergency’s follow-up; a follow-up flag of its own does', async () => {
    const bad = await statuses('noticeOverdueHidesFollowUp');
    expect(bad.code).toBe(1);
    expect(bad.status['emergency-follow-up']).toBe('violated');
    const good = await statuses('followUpFlaggedOnItsOwn');
    expect(good.status['emergency-follow-up']).toBe('proved');
  });

  it('a gag’s own challenge flag does not settle an emergency’s follow-up either', async () => {
    const { code, status } = await statuses('gagFlagHidesFollowUp');
    expect(code).toBe(1);
    expect(status['emergency-follow-up']).toBe('violated');
  });
});

