import { DATA_CATEGORIES, canonicalCategorySets, sharedCategories, withinCategories } from '../../src/domain/categories.ts';
import { legalHoliday } from '../../src/domain/courtDays.ts';
import { dayNumber, isoDate } from '../../src/domain/date.ts';
import { durationDays } from '../../src/domain/duration.ts';
import type { DeclaredValues } from '../../src/explore/eventVariants.ts';
import { stableJson } from '../../src/explore/snapshotKey.ts';
import type { DemandSpec } from './DemandSpec.ts';
import { requestMatches } from './demandGuards.ts';

/** The day every catalogue check case is received: policies are judged as of this date. */
export const CHECK_DATE = '2026-01-15';

/**
 * The requests a legal-demand kind is checked with, chosen so each branch of its law is taken:
 * a plain case; one gagged at receipt (by statute, certification or a served order); one for a
 * non-US person abroad where the kind treats residence differently; one that asks for more than
 * the process can compel (a subpoena demanding content), and one that asks only for what it
 * cannot, where the intake allows them; one for each ground the law gives to refuse at intake
 * (a CLOUD Act order targeting a US person); one dated before its receipt where an order runs
 * for a term, one whose compliance date cuts a window short, and one whose window's last day is a
 * legal holiday where the window rolls past it; an emergency order where the
 * law answers one sooner; one whose enforcing authority was notified, emergency or not, where an
 * authority may refuse the order; and one for data older than any retention period.
 */
export function demandInputs(spec: DemandSpec): { name: string; input: unknown }[] {
  const foreign = spec.routes.some((r) => r.eligible?.residenceCountryIn || r.eligible?.qualifyingForeignLawAtRisk) || (spec.intakeRefusals?.length ?? 0) > 0 || spec.refuseOn?.includes('foreignLawConflict');
  const base = {
    kind: spec.kind,
    receivedOn: CHECK_DATE,
    account: 'account-1',
    requester: { name: 'requester', country: 'US' },
    target: { usPerson: true, residesInUS: true, residenceCountry: 'US' },
    categories: [...(spec.compelsByProcess ? spec.compelsByProcess.searchWarrant : spec.compels)],
    dataAgeDays: 0,
    secrecyCertified: spec.secrecy.atReceipt === 'ifCertified',
    ...(spec.compelsByProcess ? { usProcess: 'searchWarrant' } : {}),
    ...spec.sample,
  };
  const inputs: { name: string; input: unknown }[] = [{ name: 'plain', input: base }];
  if (spec.secrecy.atReceipt === 'ifCertified') inputs.push({ name: 'not certified', input: { ...base, secrecyCertified: false } });
  if (spec.secrecy.orderPossible) inputs.push({ name: 'open-ended order served', input: { ...base, secrecyOrder: {} } });
  if (foreign) inputs.push({ name: 'non-US person in the UK', input: { ...base, target: { usPerson: false, residesInUS: false, residenceCountry: 'GB' } } });
  if (spec.compelsByProcess) inputs.push({ name: 'US subpoena issued', input: { ...base, usProcess: 'subpoena', categories: [...spec.compelsByProcess.subpoena] } });
  const overbroad = { ...base, categories: [...DATA_CATEGORIES] };
  if (!withinCategories(DATA_CATEGORIES, base.categories) && spec.requestSchema.safeParse(overbroad).success) inputs.push({ name: 'asks for more than it compels', input: overbroad });
  // Data it cannot compel shares nothing with what it can: an NSL's request for all BSI still asks for the NSL's parts of it.
  const uncompellable = { ...base, categories: DATA_CATEGORIES.filter((c) => sharedCategories([c], base.categories).length === 0) };
  if (uncompellable.categories.length > 0 && spec.requestSchema.safeParse(uncompellable).success) inputs.push({ name: 'asks only for what it cannot compel', input: uncompellable });
  // Each ground the law gives for refusing at intake, met by a request.
  for (const refusal of spec.intakeRefusals ?? []) {
    const { usPerson = base.target.usPerson, residesInUS = base.target.residesInUS } = refusal.when;
    inputs.push({ name: refusal.ground, input: { ...base, target: { usPerson, residesInUS, residenceCountry: residesInUS ? 'US' : base.target.residenceCountry }, ...(refusal.when.conduit ? { conduit: true } : {}), ...(refusal.when.seriousCrime === false ? { seriousCrime: false } : {}) } });
  }
  // A process dated before its receipt, and one whose compliance date comes before a window's end.
  if (spec.term) inputs.push({ name: 'order dated 20 days before receipt', input: { ...base, issuedOn: isoDate(dayNumber(CHECK_DATE) - 20) } });
  if (spec.routes.some((r) => r.endsByComplianceDate)) inputs.push({ name: 'compliance date 7 days after receipt', input: { ...base, complyBy: isoDate(dayNumber(CHECK_DATE) + 7) } });
  // A window whose last day rolls forward, served so that day is a legal holiday (2026-02-02: day 14 is Washington's Birthday).
  // Only a route open to the plain request: one open to others only (a CLOUD Act motion) is rolled per request, and its rule reads the receipt date.
  const rolled = spec.routes.find((r) => r.rollsForward && r.window && requestMatches(spec.requestSchema.parse(base), r.eligible ?? {}));
  if (rolled) {
    const days = durationDays(rolled.window as string);
    let served = dayNumber(CHECK_DATE);
    while (legalHoliday(isoDate(served + days)) === null) served++;
    inputs.push({ name: `last day of the ${days}-day window a legal holiday`, input: { ...base, receivedOn: isoDate(served) } });
  }
  if (spec.respondWithin?.emergency) inputs.push({ name: 'emergency order', input: { ...base, emergency: true } });
  if (spec.enforcingReview) {
    // Notified of an order for traffic data about a person living in another Member State.
    const notified = { ...base, enforcingStateNotified: true, target: { usPerson: false, residesInUS: false, residenceCountry: 'FR' } };
    inputs.push({ name: 'enforcing authority notified', input: notified });
    if (spec.respondWithin?.emergency) inputs.push({ name: 'emergency order, enforcing authority notified', input: { ...notified, emergency: true } });
  }
  inputs.push({ name: 'data 3700 days old', input: { ...base, dataAgeDays: 3700 } });
  // A variant the kind's sample already is (a CLOUD Act agreement's target lives abroad) adds nothing.
  const parsed = inputs.map((i) => ({ name: i.name, input: spec.requestSchema.parse(i.input) }));
  return parsed.filter((i, k) => parsed.findIndex((j) => stableJson(j.input) === stableJson(i.input)) === k);
}

/**
 * Values to try for the payload fields of a legal-demand kind that its schema cannot enumerate,
 * and the distinct disclosures (a set holding a category with one of its parts is the same
 * disclosure as the set without the part).
 */
export function demandAlphabet(spec: DemandSpec): DeclaredValues {
  const routes = spec.routes.map((r) => r.id);
  return {
    'data.disclosed': { categories: canonicalCategorySets() },
    'challenge.filed': { route: routes },
    'challenge.decided': { route: routes },
    'challenge.governmentApplied': { route: routes },
    'request.refused': { ground: ['process defective'] },
    'enforcingAuthority.refused': { ground: ['ne bis in idem'] },
    'secrecy.imposed': { days: [undefined, 90, 400] },
  };
}
