import { describe, expect, it } from 'vitest';
import { preservationEntry } from '../../machines/preservation.ts';
import { subpoenaEntry } from '../../machines/subpoena.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { withPolicy } from '../../src/policy/withPolicy.ts';
import { timerMeaning } from '../../src/time/timerMeaning.ts';

describe('timerMeaning reads what a timer is from the machine definition', () => {
  it('names the state that set it, where it leads, and that the policy sets its length', () => {
    const machine = withPolicy(subpoenaEntry.machine, policyVersionAt(cloudflare, '2026-03-02'));
    expect(timerMeaning(machine, 'xstate.after.objectionWindow.subpoena.notice.sent')).toEqual({ state: 'notice.sent', leadsTo: 'notice.objectionWindowElapsed', setBy: 'policy' });
  });

  it('joins the targets a guard chooses between, and says when the law sets the length', () => {
    expect(timerMeaning(preservationEntry.machine, 'xstate.after.P90D.preservation.preserving.firstPeriod')).toEqual({ state: 'preserving.firstPeriod', leadsTo: 'preserving.extensionPeriod or released', setBy: 'law' });
  });

  it('knows no timer the machine does not have', () => {
    expect(timerMeaning(subpoenaEntry.machine, 'xstate.after.P1D.subpoena.gone')).toBeUndefined();
  });
});
