import { describe, expect, it } from 'vitest';
import { mlatEntry, mlatSpec } from '../../machines/mlat.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import { UK_TARGET, ev, pendingTimers, play, rawRequest, rejectionOf, startCase } from '../support/demandFixtures.ts';

const entry = mlatEntry;
const everything = ['basicSubscriberInfo', 'nonContentRecords', 'content'];

describe('MLAT request executed by a US court (18 U.S.C. 3512)', () => {
  it('compels what the US process issued compels', () => {
    expect(mlatSpec.compelsByProcess).toEqual({
      subpoena: ['basicSubscriberInfo'],
      courtOrder: ['basicSubscriberInfo', 'nonContentRecords'],
      searchWarrant: ['basicSubscriberInfo', 'nonContentRecords', 'content'],
    });
  });

  it('must say which US process the court issued', () => {
    const parsed = entry.requestSchema.safeParse(rawRequest('mlat', { usProcess: undefined }));

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toContainEqual(['usProcess']);
  });

  it.each([
    ['subpoena', 'nonContentRecords', 'basicSubscriberInfo'],
    ['courtOrder', 'content', 'nonContentRecords'],
  ] as const)('as a %s, rejects %s and discloses %s', (usProcess, beyond, within) => {
    const noticed = play(startCase(entry, { usProcess, categories: everything }), [[1, ev.review()], [1, ev.noticeSent()]]);

    expect(rejectionOf(noticed, 16, ev.disclose(beyond)).reason).toBe('notAccepted');
    expect(play(noticed, [[16, ev.disclose(within)]]).snapshot.hasTag('disclosed')).toBe(true);
  });

  it('as a warrant, discloses content in full', () => {
    const run = play(startCase(entry, { usProcess: 'searchWarrant', categories: everything }), [
      [1, ev.review()],
      [1, ev.noticeSent()],
      [16, ev.disclose('basicSubscriberInfo', 'nonContentRecords', 'content')],
    ]);

    expect(run.snapshot.matches({ process: 'disclosedInFull', notice: 'objectionWindowElapsed' })).toBe(true);
  });

  it('is refused, and quashed on a motion as for the matching US process', () => {
    const refused = play(startCase(entry), [[1, ev.refuse('dual criminality not met')]]);
    const quashed = play(startCase(entry), [[4, ev.file('motionToQuash')], [30, ev.decide('motionToQuash')]]);

    expect(refused.snapshot.matches({ process: 'refused' })).toBe(true);
    expect(quashed.snapshot.matches({ process: 'quashed' })).toBe(true);
  });

  it('keeps a 60-day 2705(b) gag and owes notice when it ends at the end of day 60', () => {
    const run = play(startCase(entry, { secrecyOrder: { days: 60 } }), [[1, ev.review()], [2, ev.disclose('basicSubscriberInfo')]]);

    expect(rejectionOf(run, 60, ev.noticeSent()).reason).toBe('notAccepted');
    expect(advanceTo(run, 60, true).snapshot.matches({ secrecy: 'ended', notice: 'due' })).toBe(true);
    expect(pendingTimers(advanceTo(run, 60, true))).toEqual([['delayedNotice', 67]]);
  });
});

describe('MLAT warrant for a UK resident’s content: CLOUD Act comity motion', () => {
  const ukWarrant = { usProcess: 'searchWarrant', target: UK_TARGET, categories: ['content'] };

  it('takes the motion on day 14 and rejects it on day 15', () => {
    const reviewed = play(startCase(entry, ukWarrant), [[1, ev.review()]]);

    expect(play(reviewed, [[14, ev.file('cloudActComityMotion')]]).snapshot.matches({ process: 'challenged' })).toBe(true);
    expect(rejectionOf(reviewed, 15, ev.file('cloudActComityMotion')).reason).toBe('notAccepted');
  });
});
