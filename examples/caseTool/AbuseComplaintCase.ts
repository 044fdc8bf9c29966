import type { VocabularyEvent } from '../../src/domain/events.ts';
import { CaseFile } from './CaseFile.ts';
import type { WantedDeadline } from './Deadlines.ts';
import type { FaultId } from './faults.ts';

/** Intake of an abuse complaint, as the tool validated it. */
export interface AbuseComplaintIntake {
  kind: 'abuseComplaint';
  receivedOn: string;
  forwardToOwner: boolean;
}

interface AbuseComplaintState {
  stage: 'handling' | 'closed';
  closedAs: 'forwarded' | 'refused' | 'withdrawn' | null;
  host: 'pending' | 'forwarded';
  owner: 'pending' | 'forwarded' | 'declined';
  complainant: 'pending' | 'informed';
}

/**
 * An abuse complaint about a proxied site (DOMAIN §intro source 2, Cloudflare's 2018 letter):
 * forwarded to the host and, unless the complainant asks otherwise, the site owner; the
 * complainant is told who the host is. No subscriber data goes out, and no deadline runs.
 *
 * @example
 * const c = AbuseComplaintCase.open(request, undefined);
 * c.send({ type: 'complaint.forwarded', to: 'host' }, '2026-01-16').accepted // true
 */
export class AbuseComplaintCase extends CaseFile<AbuseComplaintState> {
  private constructor(request: AbuseComplaintIntake, fault: FaultId | undefined) {
    super(request.receivedOn, { stage: 'handling', closedAs: null, host: 'pending', owner: request.forwardToOwner ? 'pending' : 'declined', complainant: 'pending' }, fault);
  }

  static open(request: AbuseComplaintIntake, fault: FaultId | undefined): AbuseComplaintCase {
    return new AbuseComplaintCase(request, fault).begin();
  }

  protected intake(): void {}

  protected take(event: VocabularyEvent): boolean {
    const s = this.s;
    if (s.stage === 'closed') return false;
    switch (event.type) {
      case 'complaint.forwarded':
        if (event.to === 'host' && s.host === 'pending') s.host = 'forwarded';
        else if (event.to === 'owner' && s.owner === 'pending') s.owner = 'forwarded';
        else return false;
        return true;
      case 'complainant.informed':
        if (s.complainant !== 'pending') return false;
        s.complainant = 'informed';
        return true;
      case 'request.refused':
      case 'request.withdrawn':
        Object.assign(s, { stage: 'closed', closedAs: event.type === 'request.refused' ? 'refused' : 'withdrawn' });
        return true;
      default:
        return false;
    }
  }

  protected expire(): void {}

  protected settle(): void {
    const s = this.s;
    const informed = s.complainant === 'informed' || this.fault === 'abuse-closed-uninformed';
    if (s.stage === 'handling' && s.host === 'forwarded' && s.owner !== 'pending' && informed) Object.assign(s, { stage: 'closed', closedAs: 'forwarded' });
  }

  protected wanted(): WantedDeadline[] {
    return [];
  }

  protected tags(): string[] {
    return this.s.stage === 'closed' ? ['closed', this.s.closedAs ?? 'forwarded'] : [];
  }
}
