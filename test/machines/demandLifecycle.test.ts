import { describe, expect, it } from 'vitest';
import { compelledFor } from '../../machines/lifecycle/demandGuards.ts';
import { sharedCategories } from '../../src/domain/categories.ts';
import { stableJson } from '../../src/explore/snapshotKey.ts';
import { advanceTo } from '../../src/time/TimedRun.ts';
import {
  DEMAND_KINDS,
  type DemandKind,
  demandRequest,
  ev,
  firedTimers,
  gaggedOverrides,
  pendingTimers,
  play,
  rawRequest,
  rejectionOf,
  startCase,
} from '../support/demandFixtures.ts';

const gagFromReceipt = DEMAND_KINDS.filter((k) => k.spec.secrecy.atReceipt === 'always');
const noticeFirst = DEMAND_KINDS.filter((k) => k.spec.secrecy.atReceipt !== 'always');
const gagPossible = DEMAND_KINDS.filter((k) => k.spec.secrecy.regime !== 'none');
const noGag = DEMAND_KINDS.filter((k) => k.spec.secrecy.regime === 'none');
const courtGag = DEMAND_KINDS.filter((k) => k.spec.secrecy.orderPossible);
const storedData = DEMAND_KINDS.filter((k) => !k.spec.term);
// Let's Encrypt's retention changed in 2025: kinds whose law applies only later cannot be received then.
const storedDataBefore2025 = storedData.filter((k) => !(k.spec as { sample?: { receivedOn?: string } }).sample?.receivedOn);
const contestable = DEMAND_KINDS.flatMap((k) => {
  const route = k.spec.routes.find((r) => r.against === 'process' && !r.eligible);
  return route ? [{ ...k, route: route.id }] : [];
});
const noContent = DEMAND_KINDS.filter(
  (k) =>
    k.entry.requestSchema.safeParse(rawRequest(k.kind, { categories: ['basicSubscriberInfo', 'content'] })).success &&
    !compelledFor(k.spec, demandRequest(k.entry)).includes('content') &&
    // A kind that must object to a request for content never reaches review with one (its own test covers it).
    !(k.spec as { objectionRequired?: unknown }).objectionRequired,
);
const disclosedState = (k: DemandKind) => (k.spec.term ? 'inEffect' : 'disclosedInFull');

describe('the 13 demand kinds', () => {
  it('are all in the table, each with its own machine', () => {
    expect(DEMAND_KINDS.map((k) => k.kind)).toHaveLength(13);
    expect(new Set(DEMAND_KINDS.map((k) => k.entry.machine)).size).toBe(13);
  });

  it('are each checked with different requests: a variant the sample already is, is left out', () => {
    for (const { entry } of DEMAND_KINDS) expect(new Set(entry.inputs.map((i) => stableJson(i.input))).size).toBe(entry.inputs.length);
    // A CLOUD Act agreement's sample target already lives in the UK.
    expect(DEMAND_KINDS.find((k) => k.kind === 'cloudActAgreement')?.entry.inputs.map((i) => i.name)).not.toContain('non-US person in the UK');
    expect(DEMAND_KINDS.find((k) => k.kind === 'searchWarrant')?.entry.inputs.map((i) => i.name)).toContain('non-US person in the UK');
  });
});

describe.each(DEMAND_KINDS)('intake schema of $kind', ({ kind, entry }) => {
  it('accepts the base request and fills in the defaults', () => {
    const parsed = entry.requestSchema.safeParse(rawRequest(kind));

    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ kind, dataAgeDays: 0, secrecyCertified: false });
  });

  it.each([
    ['kind', { kind: 'somethingElse' }],
    ['target.usPerson', { target: { usPerson: 'yes', residesInUS: true, residenceCountry: 'US' } }],
    ['categories', { categories: [] }],
    ['receivedOn', { receivedOn: '2026-02-30' }],
  ])('rejects a bad %s, naming the field', (field, overrides) => {
    const parsed = entry.requestSchema.safeParse(rawRequest(kind, overrides));

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

describe.each(DEMAND_KINDS)('lifecycle of $kind', (k) => {
  it('goes from intake to review with the notice pending', () => {
    const run = startCase(k.entry);

    expect(run.snapshot.matches({ process: 'review', notice: 'pending' })).toBe(true);
    expect(run.snapshot.hasTag('closed')).toBe(false);
  });

  it('closes as refused when the provider refuses, and then owes no notice', () => {
    const run = play(startCase(k.entry), [[3, ev.refuse('no valid process')]]);

    expect(run.snapshot.matches({ process: 'refused', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('refused')).toBe(true);
    expect(run.snapshot.context.outcome).toBe('refused: no valid process');
    expect(rejectionOf(run, 4, ev.review()).reason).toBe('notAccepted');
  });

  it('closes as withdrawn when the requester withdraws', () => {
    const run = play(startCase(k.entry), [[1, ev.review()], [5, ev.withdraw()]]);

    expect(run.snapshot.matches({ process: 'withdrawn', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.hasTag('withdrawn')).toBe(true);
  });

  it('rejects a disclosure before the review is completed', () => {
    const run = startCase(k.entry, gaggedOverrides(k.spec));

    expect(rejectionOf(run, 1, ev.disclose(...demandRequest(k.entry).categories)).reason).toBe('notAccepted');
  });
});

describe.each(noticeFirst)('notice before disclosure: $kind', ({ entry, spec }) => {
  // What the request asks for and the process reaches: all of it, but for a DMCA subpoena's request for all subscriber information.
  const request = demandRequest(entry);
  const categories = sharedCategories(request.categories, compelledFor(spec, request));

  it('discloses only after the 14-day objection window has elapsed', () => {
    const noticed = play(startCase(entry), [[1, ev.review()], [1, ev.noticeSent()]]);

    expect(rejectionOf(noticed, 15, ev.disclose(...categories)).reason).toBe('notAccepted');
    const run = play(noticed, [[16, ev.disclose(...categories)]]);
    expect(run.snapshot.matches({ process: 'disclosedInFull', notice: 'objectionWindowElapsed' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('disclosed')).toBe(true);
    expect(firedTimers(run)).toContainEqual([15, 'objectionWindow']);
  });

  if (spec.secrecy.orderPossible) {
    it('keeps the objection window of a user told before a gag came', () => {
      const gagged = play(startCase(entry), [[1, ev.review()], [1, ev.noticeSent()], [2, ev.impose()]]);

      expect(rejectionOf(gagged, 2, ev.disclose(...categories)).reason).toBe('notAccepted');
      expect(play(gagged, [[16, ev.disclose(...categories)]]).snapshot.hasTag('disclosed')).toBe(true);
    });
  }

  it('rejects a disclosure when the user was never told', () => {
    const run = play(startCase(entry), [[1, ev.review()]]);

    expect(rejectionOf(run, 40, ev.disclose(...categories)).reason).toBe('notAccepted');
  });

  it('lets notice be waived only where the policy lists the ground (futility under Let’s Encrypt)', () => {
    const strict = play(startCase(entry), [[1, ev.review()]]);
    const le = play(startCase(entry, {}, 'letsencrypt'), [[1, ev.review()], [2, ev.waive('futility')], [2, ev.disclose(...categories)]]);

    expect(rejectionOf(strict, 2, ev.waive('futility')).reason).toBe('notAccepted');
    expect(le.snapshot.matches({ process: 'disclosedInFull', notice: 'waived' })).toBe(true);
  });
});

describe.each(gagPossible)('secrecy: $kind', (k) => {
  const reason = k.spec.secrecy.endsBy[0] ?? 'lifted';
  const categories = demandRequest(k.entry).categories;

  it('rejects notice.sent while the gag is in force', () => {
    const run = play(startCase(k.entry, gaggedOverrides(k.spec)), [[1, ev.review()]]);

    expect(run.snapshot.hasTag('secrecy')).toBe(true);
    expect(rejectionOf(run, 2, ev.noticeSent()).reason).toBe('notAccepted');
  });

  it(`discloses under the gag at once, then owes notice within 7 days of a "${reason}" lift`, () => {
    const disclosed = play(startCase(k.entry, gaggedOverrides(k.spec)), [[1, ev.review()], [1, ev.disclose(...categories)]]);
    const lifted = play(disclosed, [[40, ev.lift(reason)]]);
    const overdue = advanceTo(lifted, 47, true);

    expect(disclosed.snapshot.matches({ process: disclosedState(k), notice: 'deferred' })).toBe(true);
    expect(lifted.snapshot.matches({ secrecy: 'ended', notice: 'due' })).toBe(true);
    expect(pendingTimers(lifted)).toContainEqual(['delayedNotice', 47]);
    expect(advanceTo(lifted, 47).snapshot.hasTag('overdue')).toBe(false);
    expect(overdue.snapshot.hasTag('noticeDue') && overdue.snapshot.hasTag('overdue')).toBe(true);
    expect(play(overdue, [[48, ev.noticeSent()]]).snapshot.matches({ notice: 'sentAfterDisclosure' })).toBe(true);
  });
});

describe.each(gagFromReceipt)('gag from receipt: $kind', ({ entry }) => {
  it('is sealed from day 0 with no end date, whatever the request says', () => {
    const run = startCase(entry);

    expect(run.snapshot.matches({ secrecy: { inForce: { term: 'openEnded' } } })).toBe(true);
    expect(pendingTimers(run).map(([delay]) => delay)).not.toContain('secrecyTerm');
  });
});

describe.each(noGag)('no gag possible: $kind', ({ entry }) => {
  it('ignores a secrecy order in the request and rejects secrecy.imposed', () => {
    const run = startCase(entry, { secrecyOrder: { days: 30 } });

    expect(run.snapshot.matches({ secrecy: 'none' })).toBe(true);
    expect(rejectionOf(run, 1, ev.impose(30)).reason).toBe('notAccepted');
  });
});

describe.each(courtGag)('fixed-term court gag: $kind', ({ entry }) => {
  it('ends on the day the term runs out, and the deferred notice falls due that day', () => {
    const gagged = play(startCase(entry), [[1, ev.review()], [5, ev.impose(45)], [6, ev.disclose(...demandRequest(entry).categories)]]);

    expect(pendingTimers(gagged)).toContainEqual(['secrecyTerm', 50]);
    expect(advanceTo(gagged, 50).snapshot.matches({ secrecy: 'inForce', notice: 'deferred' })).toBe(true);
    const ended = advanceTo(gagged, 50, true);
    expect(ended.snapshot.matches({ secrecy: 'ended', notice: 'due' })).toBe(true);
    expect(firedTimers(ended)).toContainEqual([50, 'secrecyTerm']);
    expect(pendingTimers(ended)).toContainEqual(['delayedNotice', 57]);
  });
});

describe.each(contestable)('challenge on $route: $kind', ({ entry, route }) => {
  it('is required by Cloudflare’s policy for an overbroad finding, and quashes when won', () => {
    const required = play(startCase(entry, {}, 'cloudflare'), [[2, ev.review('overbroad')]]);
    const run = play(required, [[3, ev.file(route)], [30, ev.decide(route, 'won')]]);

    expect(required.snapshot.hasTag('awaitingChallenge')).toBe(true);
    expect(run.snapshot.matches({ process: 'quashed', notice: 'notRequired' })).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('refused')).toBe(true);
  });

  it('returns to compliance when lost; without a policy an overbroad finding is not challenged', () => {
    const lost = play(startCase(entry), [[2, ev.file(route)], [30, ev.decide(route, 'lost')]]);
    const unchallenged = play(startCase(entry), [[2, ev.review('overbroad')]]);

    expect(lost.snapshot.matches({ process: 'compliance' })).toBe(true);
    expect(unchallenged.snapshot.matches({ process: 'compliance' })).toBe(true);
  });
});

describe.each(storedDataBefore2025)('retention under Let’s Encrypt: $kind', ({ entry }) => {
  it.each([
    ['2024-03-01', 3650, 'review'],
    ['2024-03-01', 3651, 'noRecords'],
    ['2025-02-03', 3651, 'review'],
  ])('a case received %s about %i-day-old data goes to %s', (receivedOn, dataAgeDays, state) => {
    const run = startCase(entry, { receivedOn, dataAgeDays }, 'letsencrypt');

    expect(run.snapshot.matches({ process: state })).toBe(true);
    expect(run.snapshot.hasTag('noRecords')).toBe(state === 'noRecords');
  });
});

describe.each(noContent)('no content on $kind', ({ entry, spec }) => {
  it('rejects a content disclosure even when content was asked for', () => {
    const request = { categories: ['basicSubscriberInfo', 'content'] };
    const noticed = play(startCase(entry, request), [[1, ev.review()], [1, ev.noticeSent()]]);
    // All it compels of what was asked: BSI, or an NSL's parts of it.
    const compelled = sharedCategories(['basicSubscriberInfo', 'content'], compelledFor(spec, demandRequest(entry, request)));

    expect(rejectionOf(noticed, 16, ev.disclose('content')).reason).toBe('notAccepted');
    expect(play(noticed, [[16, ev.disclose(...compelled)]]).snapshot.matches({ process: 'disclosedInFull' })).toBe(true);
  });
});
