import type { AuditRow } from './CaseStore.ts';

/** A case row the audit log does not account for, or log entries for a case that is not there. */
export type CaseBreak =
  | { ok: false; caseId: string; problem: 'unopened' | 'noCaseRow' }
  | { ok: false; caseId: string; problem: 'versionMissing' | 'versionAhead'; version: number; caseVersion: number };

/**
 * Checks the audit log against the cases table. Opening a case appends its `opened` entry at
 * version 1; every later change bumps the row's version by one and, in the same transaction,
 * appends at least one entry stamped with the new version (the event, or each deadline fired);
 * reads and assignments carry no version. So a case's first versioned entry is `opened` at 1,
 * and its entries record every version from 1 to the row's, none past it. A log emptied, or cut
 * back past a case's last change, fails here even when what is left chains.
 *
 * @example
 * caseBreak(await tx.audit(), await tx.caseVersions()); // { ok: false, caseId: 'case-1', problem: 'versionMissing', version: 3, caseVersion: 3 }
 */
export function caseBreak(rows: readonly AuditRow[], cases: readonly { id: string; version: number }[]): CaseBreak | undefined {
  const logged = new Map<string, { opened: boolean; versions: Set<number> }>();
  for (const row of rows) {
    const { what, version } = JSON.parse(row.entry) as { what?: unknown; version?: unknown };
    let seen = logged.get(row.caseId);
    if (!seen) logged.set(row.caseId, (seen = { opened: false, versions: new Set() }));
    if (typeof version !== 'number') continue;
    if (seen.versions.size === 0) seen.opened = what === 'opened' && version === 1;
    seen.versions.add(version);
  }
  const known = new Set(cases.map((c) => c.id));
  for (const caseId of logged.keys()) if (!known.has(caseId)) return { ok: false, caseId, problem: 'noCaseRow' };
  for (const { id: caseId, version: caseVersion } of cases) {
    const seen = logged.get(caseId);
    if (!seen?.opened) return { ok: false, caseId, problem: 'unopened' };
    for (let version = 2; version <= caseVersion; version++) {
      if (!seen.versions.has(version)) return { ok: false, caseId, problem: 'versionMissing', version, caseVersion };
    }
    const top = [...seen.versions].reduce((a, b) => Math.max(a, b), 0);
    if (top > caseVersion) return { ok: false, caseId, problem: 'versionAhead', version: top, caseVersion };
  }
  return undefined;
}
