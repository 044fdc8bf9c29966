import { type Source, src } from '../domain/source.ts';

/**
 * How a kind of request enters a transparency report: counted by kind and outcome (the default
 * for every kind, a user's own included), counted and also summed as emergency requests,
 * reported only in national-security bands, or kept out of the totals and listed apart.
 */
export type ReportScope =
  | { as: 'counted'; emergency?: true; sources: readonly Source[] }
  | { as: 'nationalSecurity'; process: 'nsl' | 'fisa'; sources: readonly Source[] }
  | { as: 'excluded'; reason: string; sources: readonly Source[] };

const BANDS = src('§6', '50 U.S.C. 1874: a recipient under an NSL or FISA nondisclosure requirement may publish numbers only in the bands of one of four structures', 'S');

/**
 * The kinds a report treats differently, with the DOMAIN rows that say why. Legal knowledge as
 * data (DESIGN principle 1): the report code reads this table, never a kind's name.
 */
export const REPORT_SCOPES: Readonly<Record<string, ReportScope>> = {
  nationalSecurityLetter: { as: 'nationalSecurity', process: 'nsl', sources: [BANDS, src('§1 row 11', '18 U.S.C. 2709(c): NSL gag, indefinite until lifted', 'S')] },
  fisaOrder: {
    as: 'nationalSecurity',
    process: 'fisa',
    sources: [BANDS, src('§1 row 13', 'FISA orders and 702 directives: secret by statute', 'S'), src('§6', '1874(b): FISA numbers only for a period ending at least 180 days before publication', 'L')],
  },
  emergency: {
    as: 'counted',
    emergency: true,
    sources: [src('§5', 'Google and Microsoft publish emergency-request counts, and the share that produced data', 'S'), src('§6', 'Google counts emergency disclosure requests as a category', 'S')],
  },
  preservation: {
    as: 'excluded',
    reason: 'preservation requests disclose nothing and are not counted in request totals',
    sources: [src('§1 row 5', 'Google: preservation is not counted in request totals', 'S'), src('§6', 'Google excludes preservation requests from totals', 'S')],
  },
  abuseComplaint: {
    as: 'excluded',
    reason: 'an abuse complaint asks for forwarding, not for user data',
    sources: [src('§intro source 2', 'Cloudflare forwards abuse complaints to the owner and host; beyond that it follows legal process', 'S')],
  },
  dataSubjectRequest: {
    as: 'excluded',
    reason: 'a data-subject request is the user asking for their own data, not a demand by another',
    sources: [src('§1 row 20', 'GDPR Arts 12, 15-22: the user is the requester', 'S'), src('§6', 'the reports listed count government and civil process', 'S')],
  },
};

/**
 * The scope of a kind: its row in `REPORT_SCOPES`, or counted by kind and outcome.
 *
 * @example
 * reportScope('preservation').as // 'excluded'
 * reportScope('myOwnKind').as    // 'counted'
 */
export function reportScope(kind: string): ReportScope {
  return REPORT_SCOPES[kind] ?? { as: 'counted', sources: [src('§6', 'Cloudflare: requests received, in process, answered; accounts affected', 'S')] };
}
