import type { DataCategory } from '../../src/domain/categories.ts';
import { courtPeriodDays } from '../../src/domain/courtDays.ts';
import { dayNumber } from '../../src/domain/date.ts';
import type { VocabularyEvent } from '../../src/domain/events.ts';
import type { DemandRequest } from '../../src/domain/request.ts';
import { CaseFile } from './CaseFile.ts';
import { overlap, reaches, stillHeld } from './categoryLaw.ts';
import type { WantedDeadline } from './Deadlines.ts';
import { DEMAND_LAW, type DemandKind, type DemandLaw } from './demandLaw.ts';
import type { ClosedAs, DemandState, Stage } from './DemandState.ts';
import type { FaultId } from './faults.ts';
import { gagTrack } from './gagTrack.ts';
import { lengthInDays } from './lengthInDays.ts';
import { noticeTrack } from './noticeTrack.ts';
import { type PolicyTerms, isHeld } from './policyTerms.ts';

const OPEN: readonly Stage[] = ['review', 'challengeRequired', 'challenged', 'compliance', 'inEffect'];
const FILING: readonly Stage[] = ['review', 'challengeRequired', 'compliance'];
/** Where an enforcing authority's ground for refusal still stops the process. */
const STOPPABLE: readonly Stage[] = ['review', 'challengeRequired', 'challenged', 'compliance'];
const STAGE_TAGS: Partial<Record<Stage, string>> = { challengeRequired: 'awaitingChallenge', challenged: 'challenged', inEffect: 'disclosing' };

/**
 * A case on one of the twelve kinds of legal demand: review, challenge and compliance, with a gag,
 * a user notice, statutory challenge windows and, for orders that run for a term, the term.
 *
 * @example
 * const c = DemandCase.open(request, policyTerms(cloudflare, request.receivedOn), undefined);
 * c.send({ type: 'review.completed', finding: 'sufficient' }, '2026-01-17').accepted // true
 */
export class DemandCase extends CaseFile<DemandState> {
  private readonly law: DemandLaw;

  private constructor(
    request: DemandRequest & { kind: DemandKind },
    private readonly terms: PolicyTerms,
    fault: FaultId | undefined,
  ) {
    const law: DemandLaw = DEMAND_LAW[request.kind];
    super(request.receivedOn, {
      kind: request.kind,
      request,
      stage: 'review',
      closedAs: null,
      outcome: null,
      disclosed: [],
      gag: gagTrack.none,
      notice: 'pending',
      windows: Object.fromEntries(law.processRoutes.filter((r) => r.window).map((r) => [r.id, 'open'])),
      term: law.term ? { phase: 'initial', extensionPending: false } : null,
      response: law.respondWithin ? 'due' : null,
      enforcing: law.enforcingReview ? (request.enforcingStateNotified ? (request.emergency ? 'openUrgently' : 'open') : 'notNotified') : null,
    }, fault);
    this.law = law;
  }

  static open(request: DemandRequest & { kind: DemandKind }, terms: PolicyTerms, fault: FaultId | undefined): DemandCase {
    return new DemandCase(request, terms, fault).begin();
  }

  protected intake(): void {
    const r = this.s.request;
    const compelled = this.law.compels(r);
    const turnedAway = this.law.turnAway.find((t) => t.when(r));
    if (turnedAway) this.close('refused', `refused: ${turnedAway.ground}`);
    else if (this.law.objectTo && overlap(r.categories, this.law.objectTo).length > 0) this.s.stage = 'challengeRequired';
    else if (overlap(r.categories, compelled).length === 0) this.close('refused', 'refused: asks only for data this process cannot compel');
    else if (overlap(this.held(), compelled).length === 0) this.close('noRecords', 'no records: past retention');
    gagTrack.atReceipt(this.s, this.terms, this.fault);
  }

  protected take(event: VocabularyEvent): boolean {
    const s = this.s;
    switch (event.type) {
      case 'review.completed':
        if (s.stage !== 'review') return false;
        if (this.law.refuseOn.includes(event.finding)) this.close('refused', `refused: ${event.finding}`);
        else if (event.finding !== 'sufficient' && this.terms.challengedFindings.includes(event.finding)) s.stage = 'challengeRequired';
        else s.stage = 'compliance';
        return true;
      case 'challenge.filed':
        return this.file(event.route) || gagTrack.take(s, event, this.terms, this.fault);
      case 'challenge.decided':
        if (s.stage !== 'challenged' || !this.law.processRoutes.some((r) => r.id === event.route)) return gagTrack.take(s, event, this.terms, this.fault);
        if (event.outcome === 'won') this.close('refused', 'quashed');
        else s.stage = 'compliance';
        return true;
      case 'challenge.governmentApplied':
      case 'secrecy.imposed':
      case 'secrecy.lifted':
        return gagTrack.take(s, event, this.terms, this.fault);
      case 'notice.sent':
      case 'notice.waived':
        return noticeTrack.take(s, event, this.terms, this.fault);
      case 'data.disclosed':
        return this.disclose(event.categories);
      case 'order.extended':
        if (!s.term || s.term.phase === 'ended' || s.term.extensionPending) return false;
        s.term = { ...s.term, extensionPending: true };
        return true;
      case 'request.withdrawn':
        if (!OPEN.includes(s.stage)) return false;
        this.close('withdrawn', 'withdrawn');
        return true;
      case 'request.refused':
        if (!FILING.includes(s.stage)) return false;
        this.close('refused', `refused: ${event.ground}`);
        return true;
      case 'enforcingAuthority.cleared':
      case 'enforcingAuthority.refused':
        if (s.enforcing !== 'open' && s.enforcing !== 'openUrgently') return false;
        s.enforcing = event.type === 'enforcingAuthority.cleared' ? 'cleared' : 'refused';
        if (s.enforcing === 'refused' && STOPPABLE.includes(s.stage)) this.close('refused', 'refused: the enforcing authority raised a ground for refusal');
        return true;
      default:
        return false;
    }
  }

  protected expire(key: string): void {
    const s = this.s;
    if (key.startsWith('window:')) s.windows[key.slice('window:'.length)] = 'lapsed';
    else if (key.startsWith('term:') && s.term) s.term = s.term.extensionPending ? { phase: 'extension', extensionPending: false } : { phase: 'ended', extensionPending: false };
    else if (key === 'response') s.response = 'overdue';
    else if (key === 'enforcing') s.enforcing = 'elapsed';
    else if (key.startsWith('gag:')) gagTrack.expire(s, key);
    else noticeTrack.expire(s, key);
  }

  protected settle(): void {
    const s = this.s;
    for (let moved = true; moved; ) {
      moved = false;
      if (s.term?.phase === 'ended' && OPEN.includes(s.stage)) {
        if (s.stage === 'inEffect') this.close('disclosed', s.outcome ?? 'disclosed');
        else this.close('expired', 'order expired unused');
        moved = true;
      }
      if (noticeTrack.settle(s, this.fault)) moved = true;
      if ((s.response === 'due' || s.response === 'overdue') && !FILING.includes(s.stage)) {
        s.response = 'answered';
        moved = true;
      }
    }
  }

  protected wanted(): WantedDeadline[] {
    const s = this.s;
    const { complyBy, issuedOn, receivedOn } = s.request;
    const windows = this.law.processRoutes.flatMap((r) => {
      if (!r.window || s.windows[r.id] !== 'open') return [];
      // FRCP 45(d)(2)(B): served before the time set for compliance, so by the day before it.
      const cut = r.untilComplianceDate && complyBy ? dayNumber(complyBy) - dayNumber(receivedOn) - 1 : Infinity;
      const length = r.rollsForward ? courtPeriodDays(receivedOn, lengthInDays(r.window)) : lengthInDays(r.window);
      const days = Math.min(length, cut) + (this.fault === 'window-one-day-long' ? 1 : 0);
      return [{ key: `window:${r.id}`, name: r.untilComplianceDate || r.rollsForward ? `${r.id}Window` : r.window, days }];
    });
    const law = this.law.term;
    const initial = s.term?.phase === 'initial';
    const term =
      law && s.term && s.term.phase !== 'ended'
        ? [{ key: `term:${s.term.phase}`, name: initial ? 'orderTerm' : law.extension, days: lengthInDays(initial ? law.length : law.extension) - (initial && issuedOn ? dayNumber(receivedOn) - dayNumber(issuedOn) : 0) }]
        : [];
    const review = this.law.enforcingReview;
    const respond = (s.request.emergency && this.law.respondWithinEmergency) || (s.request.enforcingStateNotified && review?.respondWithin) || this.law.respondWithin;
    const response = s.response === 'due' && respond ? [{ key: 'response', name: respond, days: lengthInDays(respond) }] : [];
    const window = review && (s.enforcing === 'open' || s.enforcing === 'openUrgently') ? (s.enforcing === 'open' ? review.window : review.emergencyWindow) : null;
    const enforcing = window ? [{ key: 'enforcing', name: window, days: lengthInDays(window) }] : [];
    return [...windows, ...term, ...response, ...enforcing, ...gagTrack.wanted(s, this.terms), ...noticeTrack.wanted(s, this.terms)];
  }

  protected tags(): string[] {
    const s = this.s;
    const stage = s.stage === 'closed' ? ['closed', s.closedAs ?? 'refused'] : [STAGE_TAGS[s.stage] ?? []].flat();
    return [...new Set([...stage, ...gagTrack.tags(s, this.fault), ...noticeTrack.tags(s), ...(s.response === 'overdue' ? ['overdue'] : []), ...(s.enforcing === 'open' ? ['awaitingEnforcingAuthority'] : [])])];
  }

  /** A process route is filed: open to this requester, and inside its window if it has one. */
  private file(routeId: string): boolean {
    const s = this.s;
    const route = this.law.processRoutes.find((r) => r.id === routeId);
    if (!route || !FILING.includes(s.stage) || !(route.open?.(s.request) ?? true)) return false;
    if (route.window && s.windows[route.id] !== 'open' && !(this.fault === 'lapsed-window-accepts-filing' && s.windows[route.id] === 'lapsed')) return false;
    if (route.window) s.windows[route.id] = 'used';
    s.stage = 'challenged';
    return true;
  }

  /** Data goes out only in compliance, only what the process compels and the provider still holds, and only once the notice rules allow. */
  private disclose(categories: readonly DataCategory[]): boolean {
    const s = this.s;
    const r = s.request;
    const compelled = this.law.compels(r);
    const compellable = (s.kind === 'subpoena' && this.fault === 'subpoena-discloses-content') || categories.every((c) => reaches(compelled, c));
    const held = categories.every((c) => reaches(this.fault === 'disclosed-past-retention' ? r.categories : this.held(), c));
    const noticeAllows =
      // A user told before the gag keeps the objection window.
      (s.gag.phase === 'inForce' && s.notice !== 'sent') ||
      s.notice === 'elapsed' ||
      s.notice === 'waived' ||
      !this.terms.noticeBeforeDisclosure ||
      (this.fault === 'objection-window-ignored' && s.notice === 'sent');
    if (s.stage !== 'compliance' || !compellable || !held || !noticeAllows || s.term?.phase === 'ended' || s.enforcing === 'open') return false;
    s.disclosed = [...categories];
    s.outcome ??= 'disclosed';
    if (s.term) s.stage = 'inEffect';
    else this.close('disclosed', s.outcome);
    return true;
  }

  /** The requested categories the provider still holds, given the data's age. */
  private held(): DataCategory[] {
    const r = this.s.request;
    return stillHeld(r.categories, (c) => isHeld(this.terms, c, r.dataAgeDays));
  }

  private close(as: ClosedAs, outcome: string): void {
    this.s.stage = 'closed';
    this.s.closedAs = as;
    this.s.outcome = outcome;
  }
}
