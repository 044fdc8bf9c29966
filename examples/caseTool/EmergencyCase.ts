import type { DataCategory } from '../../src/domain/categories.ts';
import type { VocabularyEvent } from '../../src/domain/events.ts';
import { BESPOKE_LAW } from './bespokeLaw.ts';
import { CaseFile } from './CaseFile.ts';
import { reaches, stillHeld } from './categoryLaw.ts';
import type { WantedDeadline } from './Deadlines.ts';
import type { FaultId } from './faults.ts';
import { type PolicyTerms, isHeld } from './policyTerms.ts';

/** Intake of an emergency request, as the tool validated it. */
export interface EmergencyIntake {
  kind: 'emergency';
  receivedOn: string;
  requester: { country: string };
  categories: DataCategory[];
  dataAgeDays: number;
}

interface EmergencyState {
  stage: 'verifying' | 'assessing' | 'emergencyFound' | 'closed';
  closedAs: 'disclosed' | 'refused' | 'withdrawn' | 'noRecords' | null;
  outcome: string | null;
  disclosed: boolean;
  followUp: 'pending' | 'awaiting' | 'overdue' | 'requested' | 'notRequired';
  notice: 'pending' | 'deferred' | 'due' | 'overdue' | 'sent' | 'notRequired';
}

const NOTICE_TAGS: Record<EmergencyState['notice'], string[]> = {
  pending: [],
  deferred: ['noticeDeferred'],
  due: ['noticeDue'],
  overdue: ['noticeDue', 'overdue'],
  sent: ['noticeSent'],
  notRequired: ['noticeNotRequired'],
};
const OPEN: readonly EmergencyState['stage'][] = ['verifying', 'assessing', 'emergencyFound'];

/**
 * An emergency disclosure request (DOMAIN §1 row 8, §5): the requester is verified if the policy
 * says so, the emergency is assessed in good faith, stored data it needs may go out, then legal
 * process is asked for and the user is told once the emergency has passed.
 *
 * @example
 * const c = EmergencyCase.open(request, terms, undefined);
 * c.send({ type: 'request.verified', authentic: true }, '2026-01-15').accepted // true
 */
export class EmergencyCase extends CaseFile<EmergencyState> {
  private constructor(
    private readonly request: EmergencyIntake,
    private readonly terms: PolicyTerms,
    fault: FaultId | undefined,
  ) {
    super(request.receivedOn, { stage: 'verifying', closedAs: null, outcome: null, disclosed: false, followUp: 'pending', notice: 'pending' }, fault);
  }

  static open(request: EmergencyIntake, terms: PolicyTerms, fault: FaultId | undefined): EmergencyCase {
    return new EmergencyCase(request, terms, fault).begin();
  }

  protected intake(): void {
    this.s.stage = this.terms.verifiesRequester ? 'verifying' : 'assessing';
  }

  protected take(event: VocabularyEvent): boolean {
    const s = this.s;
    switch (event.type) {
      case 'request.verified':
        if (s.stage !== 'verifying') return false;
        if (event.authentic) s.stage = 'assessing';
        else this.close('refused', 'refused: forged request');
        return true;
      case 'emergency.assessed': {
        if (s.stage !== 'assessing') return false;
        const met = event.criterion !== null && this.terms.emergencyCriteria.includes(event.criterion);
        if (!met) this.close('refused', 'no emergency: legal process required');
        else if (event.criterion !== BESPOKE_LAW.emergency.criterion) this.close('refused', 'no emergency the statute allows: legal process required');
        else if (this.held().length === 0) this.close('noRecords', 'no records: past retention');
        else s.stage = 'emergencyFound';
        return true;
      }
      case 'data.disclosed': {
        const assessed = s.stage === 'emergencyFound' || (this.fault === 'emergency-unassessed-disclosure' && s.stage === 'assessing');
        const lawful = BESPOKE_LAW.emergency.usGovernments.includes(this.request.requester.country) ? BESPOKE_LAW.emergency.stored : BESPOKE_LAW.emergency.toForeignAuthority;
        // The provider's emergency policy may narrow what the statute allows (Let's Encrypt: account-recovery information).
        const promised = this.terms.emergencyDiscloses ?? lawful;
        if (!assessed || !event.categories.every((c) => reaches(lawful, c) && reaches(promised, c) && reaches(this.held(), c))) return false;
        s.disclosed = true;
        this.close('disclosed', 'disclosed');
        return true;
      }
      case 'emergency.ended': {
        const before = s.stage === 'emergencyFound';
        const after = s.notice === 'deferred';
        if (before) this.close('refused', 'emergency over before disclosure: legal process required');
        if (after) s.notice = 'due';
        return before || after;
      }
      case 'process.followUpRequested':
        if (s.followUp !== 'awaiting' && s.followUp !== 'overdue') return false;
        s.followUp = 'requested';
        return true;
      case 'notice.sent':
        if (s.notice !== 'due' && s.notice !== 'overdue') return false;
        s.notice = 'sent';
        return true;
      case 'request.withdrawn':
      case 'request.refused':
        if (!OPEN.includes(s.stage)) return false;
        if (event.type === 'request.withdrawn') this.close('withdrawn', 'withdrawn');
        else this.close('refused', `refused: ${event.ground}`);
        return true;
      default:
        return false;
    }
  }

  protected expire(key: string): void {
    if (key === 'followUp') this.s.followUp = 'overdue';
    else if (key === 'notice') this.s.notice = 'overdue';
  }

  protected settle(): void {
    const s = this.s;
    const closedEmpty = s.stage === 'closed' && !s.disclosed;
    if (s.followUp === 'pending' && (s.disclosed || closedEmpty)) s.followUp = s.disclosed ? 'awaiting' : 'notRequired';
    if (s.notice === 'pending' && (s.disclosed || closedEmpty)) s.notice = s.disclosed ? 'deferred' : 'notRequired';
  }

  protected wanted(): WantedDeadline[] {
    return [
      ...(this.s.followUp === 'awaiting' ? [{ key: 'followUp', name: 'emergencyFollowUp', days: this.terms.emergencyFollowUp }] : []),
      ...(this.s.notice === 'due' ? [{ key: 'notice', name: 'delayedNotice', days: this.terms.delayedNotice }] : []),
    ];
  }

  protected tags(): string[] {
    const s = this.s;
    return [...(s.stage === 'closed' ? ['closed', s.closedAs ?? 'refused'] : []), ...(s.followUp === 'overdue' ? ['overdue'] : []), ...NOTICE_TAGS[s.notice]];
  }

  /** The requested categories the provider still holds, given the data's age. */
  private held(): DataCategory[] {
    return stillHeld(this.request.categories, (c) => isHeld(this.terms, c, this.request.dataAgeDays));
  }

  private close(as: NonNullable<EmergencyState['closedAs']>, outcome: string): void {
    Object.assign(this.s, { stage: 'closed', closedAs: as, outcome });
  }
}
