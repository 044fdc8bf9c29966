import { describe, expect, it } from 'vitest';
import { subpoenaEntry, subpoenaSpec } from '../../machines/subpoena.ts';
import { type DataCategory, withinCategories } from '../../src/domain/categories.ts';
import { couldTake } from '../../src/time/couldTake.ts';
import { acceptedEvents, advanceTo } from '../../src/time/TimedRun.ts';
import { demandRequest, ev, gaggedOverrides, play, startCase } from '../support/demandFixtures.ts';

const typesOf = (events: { type: string }[]) => events.map((e) => e.type);

describe('couldTake: the concrete events a snapshot would take, guards evaluated under the policy', () => {
  // Notice on day 3 opens the policy's objection window: it ends on day 17.
  const noticed = play(startCase(subpoenaEntry, {}, 'cloudflare'), [
    [2, ev.review()],
    [3, ev.noticeSent()],
  ]);

  it('inside the objection window, leaves out the disclosure the state listens for, and keeps a withdrawal', () => {
    const at = advanceTo(noticed, 8).snapshot;
    expect(acceptedEvents(at)).toContain('data.disclosed');
    const events = couldTake(subpoenaEntry, at);
    expect(events).toContainEqual({ type: 'request.withdrawn' });
    expect(typesOf(events)).not.toContain('data.disclosed');
  });

  it('once the window has passed, offers disclosures, each of categories the request asks for or parts of them', () => {
    const asked = demandRequest(subpoenaEntry).categories;
    const disclosures = couldTake(subpoenaEntry, advanceTo(noticed, 18).snapshot).filter((e) => e.type === 'data.disclosed') as { type: string; categories: DataCategory[] }[];
    expect(disclosures.map((d) => d.categories)).toEqual([['basicSubscriberInfo'], ['subscriberIdentity'], ['tollBillingRecords'], ['subscriberIdentity', 'tollBillingRecords']]);
    for (const d of disclosures) expect(withinCategories(d.categories, asked)).toBe(true);
  });

  it('gives each challenge its route, and only the routes open to the case', () => {
    const filings = (run: typeof noticed) => couldTake(subpoenaEntry, run.snapshot).filter((e) => e.type === 'challenge.filed');
    expect(filings(noticed)).toEqual([{ type: 'challenge.filed', route: 'motionToQuash' }]);
    expect(filings(startCase(subpoenaEntry, gaggedOverrides(subpoenaSpec), 'cloudflare'))).toEqual([
      { type: 'challenge.filed', route: 'motionToQuash' },
      { type: 'challenge.filed', route: 'vacateNondisclosure' },
    ]);
  });
});
