import { describe, expect, it } from 'vitest';
import { AbuseComplaintRequest, abuseComplaintMachine } from '../../machines/abuseComplaint.ts';
import { startRun } from '../../src/time/TimedRun.ts';
import { send, attempt } from '../support/runHelpers.ts';

const request = AbuseComplaintRequest.parse({
  kind: 'abuseComplaint',
  receivedOn: '2026-05-04',
  account: 'customer-42',
  requester: { name: 'Rights Agency KK', country: 'JP' },
  complainant: { name: 'Example Records', email: 'legal@example-records.test' },
  site: 'https://pirate.example.com/album',
  hostingProvider: 'Hostly Inc.',
});

describe('abuse complaint', () => {
  it('closes as forwarded once host and owner have it and the complainant knows the host', () => {
    let run = startRun(abuseComplaintMachine, request, 0);
    expect(request.forwardToOwner).toBe(true);
    run = send(run, 0, { type: 'complaint.forwarded', to: 'host' });
    run = send(run, 1, { type: 'complainant.informed' });
    expect(run.snapshot.matches('handling')).toBe(true);
    expect(run.snapshot.hasTag('closed')).toBe(false);

    run = send(run, 1, { type: 'complaint.forwarded', to: 'owner' });
    expect(run.snapshot.matches('forwarded')).toBe(true);
    expect(run.snapshot.hasTag('closed') && run.snapshot.hasTag('forwarded')).toBe(true);
    expect(run.snapshot.context.outcome).toBe('forwarded');
    expect(run.timers).toEqual([]);
  });

  it('does not forward to the owner when the complainant asked not to', () => {
    const discreet = AbuseComplaintRequest.parse({ ...request, forwardToOwner: false });
    let run = startRun(abuseComplaintMachine, discreet, 0);
    expect(run.snapshot.matches({ handling: { owner: 'declined' } })).toBe(true);
    expect(attempt(run, 0, { type: 'complaint.forwarded', to: 'owner' }).ok).toBe(false);

    run = send(run, 0, { type: 'complaint.forwarded', to: 'host' });
    run = send(run, 0, { type: 'complainant.informed' });
    expect(run.snapshot.matches('forwarded')).toBe(true);
  });

  it('does not close until the complainant is told who the host is', () => {
    let run = startRun(abuseComplaintMachine, request, 0);
    run = send(run, 0, { type: 'complaint.forwarded', to: 'host' });
    run = send(run, 0, { type: 'complaint.forwarded', to: 'owner' });
    expect(run.snapshot.matches({ handling: { complainant: 'pending' } })).toBe(true);
    expect(run.snapshot.hasTag('forwarded')).toBe(false);
  });

  it('never gives the complainant subscriber data', () => {
    const run = startRun(abuseComplaintMachine, request, 0);
    const result = attempt(run, 0, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.rejection.accepted).not.toContain('data.disclosed');
  });

  it('can be refused or withdrawn before it closes, not after', () => {
    const open = send(startRun(abuseComplaintMachine, request, 0), 0, { type: 'complaint.forwarded', to: 'host' });
    const refused = send(open, 1, { type: 'request.refused', ground: 'not an abuse report' });
    expect(refused.snapshot.matches('refused')).toBe(true);
    expect(refused.snapshot.hasTag('refused')).toBe(true);
    expect(refused.snapshot.context.outcome).toBe('refused: not an abuse report');

    const withdrawn = send(open, 1, { type: 'request.withdrawn' });
    expect(withdrawn.snapshot.hasTag('withdrawn') && withdrawn.snapshot.hasTag('closed')).toBe(true);

    let done = send(open, 1, { type: 'complaint.forwarded', to: 'owner' });
    done = send(done, 1, { type: 'complainant.informed' });
    expect(attempt(done, 2, { type: 'request.withdrawn' }).ok).toBe(false);
  });

  it('rejects a complaint without a usable site, naming the field', () => {
    const result = AbuseComplaintRequest.safeParse({ ...request, site: 'not a site' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['site']);
    expect(AbuseComplaintRequest.safeParse({ ...request, site: 'example.org' }).success).toBe(true);
    const noHost = AbuseComplaintRequest.safeParse({ ...request, hostingProvider: '' });
    expect(noHost.error?.issues[0]?.path).toEqual(['hostingProvider']);
  });
});
