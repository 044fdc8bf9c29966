import type { DataCategory } from '../../src/domain/categories.ts';
import type { VocabularyEvent } from '../../src/domain/events.ts';
import { BESPOKE_LAW } from './bespokeLaw.ts';
import { CaseFile } from './CaseFile.ts';
import { stillHeld } from './categoryLaw.ts';
import type { WantedDeadline } from './Deadlines.ts';
import type { FaultId } from './faults.ts';
import { lengthInDays } from './lengthInDays.ts';
import { type PolicyTerms, isHeld } from './policyTerms.ts';

/** Intake of a preservation request, as the tool validated it. */
export interface PreservationIntake {
  kind: 'preservation';
  receivedOn: string;
  categories: DataCategory[];
  dataAgeDays: number;
}

interface PreservationState {
  stage: 'firstPeriod' | 'extensionPeriod' | 'closed';
  closedAs: 'released' | 'handedToProcess' | 'withdrawn' | 'noRecords' | null;
  /** A renewal was asked for; it starts when the current period ends. */
  extensionPending: boolean;
}

/**
 * A 2703(f) preservation request (DOMAIN §1 row 5): existing records are frozen for 90 days,
 * renewable once for 90 more, until legal process arrives, the request is withdrawn or the
 * period runs out. Nothing is disclosed under it.
 *
 * @example
 * const c = PreservationCase.open(request, terms, undefined);
 * c.observe().deadlines // [{ name: 'P90D', due: '2026-04-15' }]
 */
export class PreservationCase extends CaseFile<PreservationState> {
  private constructor(
    private readonly request: PreservationIntake,
    private readonly terms: PolicyTerms,
    fault: FaultId | undefined,
  ) {
    super(request.receivedOn, { stage: 'firstPeriod', closedAs: null, extensionPending: false }, fault);
  }

  static open(request: PreservationIntake, terms: PolicyTerms, fault: FaultId | undefined): PreservationCase {
    return new PreservationCase(request, terms, fault).begin();
  }

  protected intake(): void {
    if (stillHeld(this.request.categories, (c) => isHeld(this.terms, c, this.request.dataAgeDays)).length === 0) this.close('noRecords');
  }

  protected take(event: VocabularyEvent): boolean {
    const s = this.s;
    if (s.stage === 'closed') return false;
    switch (event.type) {
      case 'process.received':
        this.close('handedToProcess');
        return true;
      case 'request.withdrawn':
        this.close('withdrawn');
        return true;
      case 'preservation.extended': {
        const renewable = s.stage === 'firstPeriod' || this.fault === 'preservation-extended-twice';
        if (!renewable || s.extensionPending) return false;
        s.extensionPending = true;
        return true;
      }
      default:
        return false;
    }
  }

  protected expire(): void {
    const s = this.s;
    if (s.extensionPending) Object.assign(s, { stage: 'extensionPeriod', extensionPending: false });
    else this.close('released');
  }

  protected settle(): void {}

  protected wanted(): WantedDeadline[] {
    const { period, extension } = BESPOKE_LAW.preservation;
    if (this.s.stage === 'firstPeriod') return [{ key: 'firstPeriod', name: period, days: lengthInDays(period) }];
    if (this.s.stage === 'extensionPeriod') return [{ key: 'extensionPeriod', name: extension, days: lengthInDays(extension) }];
    return [];
  }

  protected tags(): string[] {
    return this.s.stage === 'closed' ? ['closed', this.s.closedAs ?? 'released'] : ['preserving'];
  }

  private close(as: NonNullable<PreservationState['closedAs']>): void {
    Object.assign(this.s, { stage: 'closed', closedAs: as });
  }
}
