import type { VocabularyEvent } from '../../src/domain/events.ts';
import { BESPOKE_LAW, type Right } from './bespokeLaw.ts';
import { CaseFile } from './CaseFile.ts';
import type { WantedDeadline } from './Deadlines.ts';
import type { FaultId } from './faults.ts';
import { lengthInDays } from './lengthInDays.ts';

/** Intake of a GDPR data-subject request, as the tool validated it. */
export interface DataSubjectIntake {
  kind: 'dataSubjectRequest';
  receivedOn: string;
  right: Right;
  /** A gag on another case covers the account (DOMAIN §8): an access answer waits for it to lift. */
  gagOnAccount?: boolean | undefined;
}

interface DataSubjectState {
  stage: 'firstMonth' | 'extended' | 'overdue' | 'closed';
  closedAs: 'fulfilled' | 'refused' | 'refusedLate' | 'withdrawn' | null;
  /** The three-month outer limit has passed. */
  outerLimitPassed: boolean;
  /** The answer is escalated to counsel and held: it would reveal a gagged demand. */
  held: boolean;
}

const CLOSED_TAGS = { fulfilled: ['fulfilled'], refused: ['refused'], refusedLate: ['refused', 'overdue'], withdrawn: ['withdrawn'] };

/**
 * A GDPR data-subject request (DOMAIN §1 row 20, §2 GDPR_*): answered within one month, or within
 * three when an extension is announced inside the first (calendar months from receipt); a refusal
 * must rest on a ground that answers the right invoked, and one given after the first month is late.
 * An access answer on an account a gag covers is held until the gag lifts.
 *
 * @example
 * const c = DataSubjectCase.open(request, undefined);
 * c.observe().deadlines // received 2026-01-15: P1M on day 31, P3M on day 90
 */
export class DataSubjectCase extends CaseFile<DataSubjectState> {
  private constructor(
    private readonly request: DataSubjectIntake,
    fault: FaultId | undefined,
  ) {
    super(request.receivedOn, { stage: 'firstMonth', closedAs: null, outerLimitPassed: false, held: request.gagOnAccount === true }, fault);
  }

  static open(request: DataSubjectIntake, fault: FaultId | undefined): DataSubjectCase {
    return new DataSubjectCase(request, fault).begin();
  }

  protected intake(): void {}

  protected take(event: VocabularyEvent): boolean {
    const s = this.s;
    if (s.stage === 'closed') return false;
    switch (event.type) {
      case 'request.fulfilled':
        if (s.held && this.fault !== 'access-answered-under-gag') return false;
        this.close('fulfilled');
        return true;
      case 'secrecy.lifted':
        if (!s.held) return false;
        s.held = false;
        return true;
      // DOMAIN §8: a gag on another case that comes to cover the account holds an access answer from then on.
      case 'secrecy.imposed':
        if (s.held || this.request.right !== 'access') return false;
        s.held = true;
        return true;
      case 'request.withdrawn':
        this.close('withdrawn');
        return true;
      case 'response.extended':
        if (s.stage !== 'firstMonth') return false;
        s.stage = 'extended';
        return true;
      case 'request.refused':
        if (!this.groundFits(event.ground)) return false;
        this.close(s.stage === 'firstMonth' ? 'refused' : 'refusedLate');
        return true;
      default:
        return false;
    }
  }

  protected expire(key: string): void {
    if (key === 'outerLimit') this.s.outerLimitPassed = true;
    this.s.stage = 'overdue';
  }

  protected settle(): void {}

  protected wanted(): WantedDeadline[] {
    const s = this.s;
    const { answerWithin, extendedTo } = BESPOKE_LAW.dataSubjectRequest;
    const days = (iso: string) => lengthInDays(iso, this.fault === 'months-as-30-days', this.request.receivedOn);
    if (s.stage === 'closed') return [];
    return [
      ...(s.outerLimitPassed ? [] : [{ key: 'outerLimit', name: extendedTo, days: days(extendedTo) }]),
      ...(s.stage === 'firstMonth' ? [{ key: 'firstMonth', name: answerWithin, days: days(answerWithin) }] : []),
    ];
  }

  protected tags(): string[] {
    const s = this.s;
    if (s.stage === 'closed') return ['closed', ...CLOSED_TAGS[s.closedAs ?? 'fulfilled']];
    return [...(s.stage === 'overdue' ? ['overdue'] : []), ...(s.held ? ['secrecy'] : [])];
  }

  /** A listed ground that answers the right invoked (DOMAIN §7, GDPR Art. 12(4), 17(3)). */
  private groundFits(ground: string): boolean {
    const grounds = BESPOKE_LAW.dataSubjectRequest.grounds;
    return Object.hasOwn(grounds, ground) && (grounds[ground] ?? []).includes(this.request.right);
  }

  private close(as: NonNullable<DataSubjectState['closedAs']>): void {
    Object.assign(this.s, { stage: 'closed', closedAs: as });
  }
}
