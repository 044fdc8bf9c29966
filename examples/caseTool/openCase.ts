import { InputError, fromZod } from '../../src/domain/InputError.ts';
import { ProviderPolicy } from '../../src/domain/policy.ts';
import { POLICIES } from '../../src/policy/loadPolicy.ts';
import { AbuseComplaintCase } from './AbuseComplaintCase.ts';
import type { CaseFile } from './CaseFile.ts';
import { DataSubjectCase } from './DataSubjectCase.ts';
import { DemandCase } from './DemandCase.ts';
import type { DemandKind } from './demandLaw.ts';
import { EmergencyCase } from './EmergencyCase.ts';
import { faultId } from './faults.ts';
import { type CaseKind, INTAKE_SCHEMAS } from './intakeSchemas.ts';
import { PreservationCase } from './PreservationCase.ts';
import { policyTerms } from './policyTerms.ts';

/** Every kind of request the tool handles. */
export const CASE_KINDS = Object.keys(INTAKE_SCHEMAS) as CaseKind[];

/**
 * Opens a case from a request (validated here) under a provider policy: a built-in policy id
 * (`cloudflare`, `letsencrypt`) or a policy object. The version in force on `receivedOn` applies.
 * `fault` switches on one of the seeded bugs in `FAULTS`; leave it out for the correct tool.
 * Bad input throws an `InputError` naming the field, the value and the fix.
 *
 * @example
 * const c = openCase({ kind: 'subpoena', receivedOn: '2026-03-02', account: 'a-1',
 *   requester: { name: 'US Attorney' }, target: { usPerson: true, residesInUS: true, residenceCountry: 'US' },
 *   categories: ['basicSubscriberInfo'] }, 'cloudflare');
 * c.send({ type: 'notice.sent' }, '2026-03-03');
 * c.observe().deadlines // [{ name: 'objectionWindow', due: '2026-03-17' }]
 */
export function openCase(request: unknown, policy: string | ProviderPolicy, options: { fault?: string } = {}): CaseFile<unknown> {
  const fault = faultId(options.fault);
  const kind = (request as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !(CASE_KINDS as string[]).includes(kind)) {
    throw new InputError('unknownKind', 'request.kind', kind, 'is not a kind of request the case tool handles', `use one of ${CASE_KINDS.join(', ')}`);
  }
  const parsed = INTAKE_SCHEMAS[kind as CaseKind].safeParse(request);
  if (!parsed.success) throw fromZod(parsed.error, request, 'request');
  const intake = parsed.data;
  const terms = policyTerms(policyOf(policy), intake.receivedOn, fault);
  switch (intake.kind) {
    case 'emergency':
      return EmergencyCase.open(intake, terms, fault);
    case 'preservation':
      return PreservationCase.open(intake, terms, fault);
    case 'abuseComplaint':
      return AbuseComplaintCase.open(intake, fault);
    case 'dataSubjectRequest':
      return DataSubjectCase.open(intake, fault);
    default:
      return DemandCase.open({ ...intake, kind: intake.kind as DemandKind }, terms, fault);
  }
}

function policyOf(policy: string | ProviderPolicy): ProviderPolicy {
  if (typeof policy === 'string') {
    const builtIn = POLICIES[policy];
    if (!builtIn) throw new InputError('unknownPolicy', 'policy', policy, 'is not a built-in policy', `use one of ${Object.keys(POLICIES).join(', ')}, or pass a policy object`);
    return builtIn;
  }
  const parsed = ProviderPolicy.safeParse(policy);
  if (!parsed.success) throw fromZod(parsed.error, policy, 'policy');
  return parsed.data;
}

