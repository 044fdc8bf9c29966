import { dayNumber } from '../../src/domain/date.ts';
import type { VocabularyEvent } from '../../src/domain/events.ts';
import type { WantedDeadline } from './Deadlines.ts';
import type { DemandState, Gag } from './DemandState.ts';
import { DEMAND_LAW } from './demandLaw.ts';
import type { FaultId } from './faults.ts';
import { lengthInDays } from './lengthInDays.ts';
import { type PolicyTerms, challengesGag } from './policyTerms.ts';

const NO_GAG: Gag = { phase: 'none', days: null, age: 0, order: 0, duty: 0, challenge: 'unchallenged', route: null, government: null, endedBy: null };
const CHALLENGEABLE: readonly Gag['challenge'][] = ['unchallenged', 'challengeDue', 'overdue'];
/** Where a renewal leaves the challenge as it is: a clock already running, or a challenge before the court. */
const KEPT_BY_RENEWAL: readonly Gag['challenge'][] = ['challengeDue', 'onRoute'];
const LIFTS: readonly Gag['endedBy'][] = ['lifted', 'courtOrder', 'threeYearReview', 'investigationClosed'];

/**
 * The gag on a legal demand: in force from receipt (by statute, certification or a served order)
 * or imposed later by a court; ended by its term, a lift or a won challenge; after a modified
 * decision, or where the court may renew its order, replaced by the court's new order. The policy
 * may require the provider to challenge it within a delay.
 *
 * @example
 * gagTrack.atReceipt(state, terms, undefined);
 * gagTrack.tags(state, undefined) // ['secrecy', 'secrecyOpenEnded']
 */
export const gagTrack = {
  none: NO_GAG,

  atReceipt(s: DemandState, terms: PolicyTerms, fault: FaultId | undefined): void {
    const law = DEMAND_LAW[s.kind].gag;
    if (law.atReceipt === 'always') impose(s, null, terms);
    else if (law.atReceipt === 'ifCertified' && s.request.secrecyCertified) impose(s, fault === 'nsl-gag-expires' ? lengthInDays('P3Y') : null, terms);
    else if (law.courtMayOrder && s.request.secrecyOrder) {
      const { days, issuedOn } = s.request.secrecyOrder;
      impose(s, days ?? null, terms, issuedOn ? dayNumber(s.request.receivedOn) - dayNumber(issuedOn) : 0);
    }
  },

  take(s: DemandState, event: VocabularyEvent, terms: PolicyTerms, fault?: FaultId): boolean {
    const law = DEMAND_LAW[s.kind];
    const g = s.gag;
    const inForce = g.phase === 'inForce';
    switch (event.type) {
      case 'secrecy.imposed':
        // A gag in force takes a new order after a court modified it, or where the court may renew it: the new order replaces the old.
        if (!law.gag.courtMayOrder || (inForce && g.challenge !== 'modified' && !law.gag.renewable)) return false;
        if (inForce && law.gag.renewable) renew(s, event.days ?? null, terms, fault);
        else impose(s, event.days ?? null, terms);
        return true;
      case 'secrecy.lifted':
        if (!inForce || !law.gag.endsBy.includes(event.reason)) return false;
        end(s, event.reason);
        return true;
      case 'challenge.filed': {
        const route = law.gagRoutes.find((r) => r.id === event.route);
        if (!route || !inForce || !CHALLENGEABLE.includes(g.challenge)) return false;
        s.gag = { ...g, challenge: 'onRoute', route: route.id, government: route.governmentAppliesWithin ? 'awaiting' : null };
        return true;
      }
      case 'challenge.governmentApplied':
        if (!inForce || g.challenge !== 'onRoute' || g.route !== event.route || (g.government !== 'awaiting' && g.government !== 'late')) return false;
        s.gag = { ...g, government: 'applied' };
        return true;
      case 'challenge.decided':
        if (!inForce || g.challenge !== 'onRoute' || g.route !== event.route) return false;
        if (event.outcome === 'won') end(s, 'challenge');
        else s.gag = { ...g, challenge: event.outcome === 'modified' && law.gag.courtMayOrder ? 'modified' : 'upheld', route: null, government: null };
        return true;
      default:
        return false;
    }
  },

  expire(s: DemandState, key: string): void {
    if (key.startsWith('gag:term:')) end(s, 'term');
    else if (key.startsWith('gag:challenge:')) s.gag = { ...s.gag, challenge: 'overdue' };
    else if (key === 'gag:government') s.gag = { ...s.gag, government: 'late' };
  },

  wanted(s: DemandState, terms: PolicyTerms): WantedDeadline[] {
    const g = s.gag;
    if (g.phase !== 'inForce') return [];
    const out: WantedDeadline[] = [];
    if (g.days !== null) out.push({ key: `gag:term:${g.order}`, name: 'secrecyTerm', days: g.days - g.age });
    if (g.challenge === 'challengeDue') out.push({ key: `gag:challenge:${g.duty}`, name: 'secrecyChallengeWindow', days: terms.secrecyChallengeWindow });
    const applyWithin = DEMAND_LAW[s.kind].gagRoutes.find((r) => r.id === g.route)?.governmentAppliesWithin;
    if (g.government === 'awaiting' && applyWithin) out.push({ key: 'gag:government', name: applyWithin, days: lengthInDays(applyWithin) });
    return out;
  },

  tags(s: DemandState, fault: FaultId | undefined): string[] {
    const g = s.gag;
    if (g.phase !== 'inForce') return fault === 'lifted-gag-still-secret' && LIFTS.includes(g.endedBy) ? ['secrecy'] : [];
    return [
      'secrecy',
      ...(g.days === null ? ['secrecyOpenEnded'] : []),
      ...(g.challenge === 'challengeDue' ? ['challengeDue'] : g.challenge === 'overdue' ? ['overdue'] : []),
      ...(g.challenge === 'onRoute' ? ['challenged', 'secrecyChallenged'] : []),
      ...(g.government === 'late' ? ['governmentLate'] : []),
    ];
  },
};

function impose(s: DemandState, days: number | null, terms: PolicyTerms, age = 0): void {
  const order = s.gag.order + 1;
  s.gag = { phase: 'inForce', days, age, order, duty: order, challenge: challengesGag(terms, days) ? 'challengeDue' : 'unchallenged', route: null, government: null, endedBy: null };
}

/** A new order over one still in force: its term starts today; the challenge is weighed again unless a clock runs or a court hears it. */
function renew(s: DemandState, days: number | null, terms: PolicyTerms, fault?: FaultId): void {
  const g = s.gag;
  if (fault === 'renewal-keeps-old-term') return;
  if (!KEPT_BY_RENEWAL.includes(g.challenge)) return impose(s, days, terms);
  s.gag = { ...g, days, age: 0, order: g.order + 1 };
}

function end(s: DemandState, by: NonNullable<Gag['endedBy']>): void {
  s.gag = { ...NO_GAG, phase: 'ended', order: s.gag.order, duty: s.gag.duty, endedBy: by };
}
