import { findKind } from '../../machines/catalogue.ts';
import { TAGS } from '../domain/tags.ts';
import { stableJson } from '../explore/snapshotKey.ts';
import { disclosedColumn, machineVersion } from './caseRecord.ts';
import type { AuditRow, StoreTx, StoredSnapshot } from './CaseStore.ts';

/** A case whose rows say something its audit log does not. */
export interface RowBreak {
  ok: false;
  caseId: string;
  problem: 'eventsDiffer' | 'disclosedDiffers' | 'secrecyDiffers' | 'stateInvalid';
  /** What differs, in words. */
  detail: string;
}

type Logged = { event: unknown; on: string }[];

/**
 * Checks the rows the service reads against the audit log: a case's applied events are the log's
 * `event` entries, in order; its `disclosed` column is what those events disclosed; and its
 * `secrecy` column is what its stored state says (when it was stored by this version of its machine). Access
 * control reads those columns, so one edited by hand (a gagged case's `secrecy` set to false, to
 * show it to viewers) is caught here even though the chain itself is intact.
 *
 * @example
 * await rowBreak(tx, await tx.audit()); // { ok: false, caseId: 'c1', problem: 'secrecyDiffers', detail: 'secrecy is false in the cases table, true in its state' }
 */
export async function rowBreak(tx: StoreTx, rows: readonly AuditRow[]): Promise<RowBreak | undefined> {
  const logged = new Map<string, Logged>();
  for (const row of rows) {
    const entry = JSON.parse(row.entry) as { what?: unknown; event?: unknown; on?: unknown };
    if (entry.what !== 'event') continue;
    logged.set(row.caseId, [...(logged.get(row.caseId) ?? []), { event: entry.event, on: String(entry.on) }]);
  }
  for (const row of await tx.listCases({})) {
    const events = logged.get(row.id) ?? [];
    const applied = (await tx.events(row.id)).map((e) => ({ event: JSON.parse(e.event) as unknown, on: e.on }));
    const differs = applied.length !== events.length || applied.some((e, i) => stableJson(e) !== stableJson(events[i]));
    if (differs) return { ok: false, caseId: row.id, problem: 'eventsDiffer', detail: `its ${applied.length} applied events are not the ${events.length} its audit log records` };
    const expected = disclosedColumn(events.flatMap(({ event }) => ((event as { type?: unknown }).type === 'data.disclosed' ? ((event as { categories?: string[] }).categories ?? []) : [])));
    if (row.disclosed !== expected) return { ok: false, caseId: row.id, problem: 'disclosedDiffers', detail: `the cases table says ${row.disclosed} was disclosed, its audit log ${expected}` };
    const entry = findKind(row.kind);
    // A state stored under another version of its machine may name states this one lacks.
    if (!entry || row.machineVersion !== machineVersion(entry.machine)) continue;
    const stored = JSON.parse(row.snapshot) as StoredSnapshot;
    let snapshot;
    try {
      snapshot = entry.machine.resolveState({ value: stored.value as never, context: stored.context as never });
    } catch {
      return { ok: false, caseId: row.id, problem: 'stateInvalid', detail: `its stored state ${JSON.stringify(stored.value)} is no state of its machine` };
    }
    const secrecy = snapshot.hasTag(TAGS.secrecy);
    if (row.secrecy !== secrecy) return { ok: false, caseId: row.id, problem: 'secrecyDiffers', detail: `secrecy is ${row.secrecy} in the cases table, ${secrecy} in its stored state` };
  }
  return undefined;
}
