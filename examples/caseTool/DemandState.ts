import type { DataCategory } from '../../src/domain/categories.ts';
import type { LiftReason } from '../../src/domain/events.ts';
import type { DemandRequest } from '../../src/domain/request.ts';
import type { DemandKind } from './demandLaw.ts';

/** Where the demand itself stands. */
export type Stage = 'review' | 'challengeRequired' | 'challenged' | 'compliance' | 'inEffect' | 'closed';

/** The outcome tag of a closed demand. */
export type ClosedAs = 'disclosed' | 'refused' | 'withdrawn' | 'noRecords' | 'expired';

/**
 * Where the user notice stands: `elapsed` is sent with the objection window over; `sentLate` is
 * the delayed notice after a secret disclosure.
 */
export type NoticeStage = 'pending' | 'sent' | 'elapsed' | 'waived' | 'deferred' | 'due' | 'overdue' | 'sentLate' | 'notRequired';

/** A gag and any challenge to it. */
export interface Gag {
  phase: 'none' | 'inForce' | 'ended';
  /** Length of a fixed-term gag in days; null when it has no end date. */
  days: number | null;
  /** Days it had run when it came into force here: a served order counts from the date it bears. */
  age: number;
  /** Which order the gag runs under, counted up as each is imposed: a new order restarts the gag's term. */
  order: number;
  /** The order whose coming started the policy's challenge clock: a renewal leaves a running clock as it stands. */
  duty: number;
  /** The policy's view of the gag, the route it is being challenged on, or a court's decision (`modified`: a new order may replace it). */
  challenge: 'unchallenged' | 'challengeDue' | 'overdue' | 'upheld' | 'modified' | 'onRoute';
  route: string | null;
  /** On a route where the government must go to court: whether it has. */
  government: 'awaiting' | 'late' | 'applied' | null;
  endedBy: 'term' | LiftReason | 'challenge' | null;
}

/** Everything a legal-demand case knows; plain data, so it can be copied for rollback. */
export interface DemandState {
  kind: DemandKind;
  request: DemandRequest;
  stage: Stage;
  closedAs: ClosedAs | null;
  outcome: string | null;
  disclosed: readonly DataCategory[];
  gag: Gag;
  notice: NoticeStage;
  /** Statutory challenge windows by route: open, used in time, or lapsed. */
  windows: Record<string, 'open' | 'used' | 'lapsed'>;
  /** The order's term, for orders that run for one. */
  term: { phase: 'initial' | 'extension' | 'ended'; extensionPending: boolean } | null;
  /** The deadline to answer the process, for kinds that have one. */
  response: 'due' | 'overdue' | 'answered' | null;
  /** A notified enforcing authority's window to refuse the order (`open` holds it back; `openUrgently`, an emergency's, does not), for kinds that have one. */
  enforcing: 'notNotified' | 'open' | 'openUrgently' | 'elapsed' | 'cleared' | 'refused' | null;
}
