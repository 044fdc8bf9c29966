import { CATALOGUE, findKind } from '../../machines/catalogue.ts';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { dayNumber, isoDate } from '../domain/date.ts';
import type { VocabularyEvent } from '../domain/events.ts';
import { type TimedRun, sendEvent, stateLabel } from '../time/TimedRun.ts';
import { persistRun } from './caseRecord.ts';
import type { CaseRow, StoreTx } from './CaseStore.ts';
import { ConflictError } from './ConflictError.ts';

/** Why the engine holds or frees a case, as its audit trail says it: never which case, which the holder may not know of. */
export const HELD_BECAUSE = 'a case on this account is under secrecy';
export const FREED_BECAUSE = 'no case on this account is under secrecy any more';

/** The request a stored case was opened with, as its snapshot keeps it. */
function requestOf(row: CaseRow): unknown {
  return (JSON.parse(row.snapshot) as { context?: { request?: unknown } }).context?.request;
}

/** The account a request names, if any. */
function accountIn(request: unknown): string | undefined {
  const account = (request as { account?: unknown } | undefined)?.account;
  return typeof account === 'string' ? account : undefined;
}

/** The kind's hold (`KindEntry.heldByAccountGag`), when the request is one it holds. */
function holdOf(kind: string, request: unknown): NonNullable<KindEntry['heldByAccountGag']> | undefined {
  const hold = findKind(kind)?.heldByAccountGag;
  return hold?.applies(request) ? hold : undefined;
}

/** The kinds whose cases a gag on their account holds. */
const HELD_KINDS = CATALOGUE.filter((e) => e.heldByAccountGag !== undefined).map((e) => e.kind);

/** A case of this kind may hold a gag that binds its account: it is not of a kind such gags hold. */
const bindsAccount = (kind: string): boolean => findKind(kind)?.heldByAccountGag === undefined;

/**
 * Whether a case on the account is under a gag now (`secrecy`), other than cases held by one.
 *
 * @example
 * await accountUnderGag(tx, 'subscriber-3'); // true while a gagged subpoena on it is open
 */
export async function accountUnderGag(tx: StoreTx, account: string): Promise<boolean> {
  return (await tx.listCases({ secrecy: true })).some((row) => bindsAccount(row.kind) && accountIn(requestOf(row)) === account);
}

/**
 * The request a case is opened with: a request the kind holds while a gag covers its account
 * (a data-subject access request) gets its hold field set when one does now, so the person who
 * opens it need not know of a case they may not read. `derived` names the field the engine set.
 *
 * @example
 * const { request, derived } = await openedRequest(tx, entry, parsed); // derived: 'gagOnAccount'
 */
export async function openedRequest<R extends object>(tx: StoreTx, entry: KindEntry, request: R): Promise<{ request: R; derived?: string }> {
  const hold = entry.heldByAccountGag;
  const account = accountIn(request);
  if (!hold?.applies(request) || (request as Record<string, unknown>)[hold.field] === true || account === undefined) return { request };
  if (!(await accountUnderGag(tx, account))) return { request };
  return { request: { ...request, [hold.field]: true }, derived: hold.field };
}

/** Sends one event to a case on the engine's behalf; false when the case does not take it. */
export type ApplyHold = (tx: StoreTx, caseId: string, event: VocabularyEvent, on: string, because: string) => Promise<boolean>;

/**
 * The engine's `ApplyHold` over its own case loader: the event goes in on `on`, or on the case's
 * first day still open to events when that is later, with its deadlines due by then fired first;
 * its audit entry is by `dueprocess`, saying `because`.
 *
 * @example
 * const apply = holdApplier((tx, id) => load(tx, id, true));
 */
export function holdApplier(load: (tx: StoreTx, caseId: string) => Promise<{ row: CaseRow; run: TimedRun; changes: Partial<CaseRow> }>): ApplyHold {
  return async (tx, caseId, event, on, because) => {
    const { row, run, changes } = await load(tx, caseId);
    const day0 = dayNumber(row.day0);
    const day = Math.max(dayNumber(on) - day0, run.day, run.endedDay + 1);
    const outcome = sendEvent(run, day, event);
    if (!outcome.ok) return false;
    const date = isoDate(day0 + day);
    const next = await persistRun(tx, row, run, outcome.run, date, [{ what: 'event', event, on: date, idempotencyKey: null, by: 'dueprocess', because }], changes);
    if (!next) throw new ConflictError(caseId, row.version, (await tx.getCase(caseId))?.version ?? -1);
    const result = { ok: true, version: next.version, state: stateLabel(outcome.run.snapshot) };
    await tx.insertEvent({ caseId, seq: (await tx.lastEventSeq(caseId)) + 1, idempotencyKey: null, event: JSON.stringify(event), on: date, result: JSON.stringify(result) });
    return true;
  };
}

/**
 * After a case's gag began or ended, holds or frees the open cases on its account that a gag
 * holds: each is sent `secrecy.imposed` when a gag now covers the account and it is not held,
 * and `secrecy.lifted` when none does and the engine held it (never a hold its opener declared,
 * which rests on what the engine cannot see). Returns the ids it changed.
 *
 * @example
 * await syncAccountHolds(tx, row, '2026-03-10', apply); // after row's secrecy flag changed
 */
export async function syncAccountHolds(tx: StoreTx, changed: CaseRow, on: string, apply: ApplyHold): Promise<string[]> {
  const account = accountIn(requestOf(changed));
  if (account === undefined || !bindsAccount(changed.kind)) return [];
  // Only the open cases of the kinds a gag holds are read, and the account's gags only when one of them is on it: most changes of secrecy find none.
  const held: CaseRow[] = [];
  for (const kind of HELD_KINDS) {
    for (const row of await tx.listCases({ kind, closed: false })) {
      const request = requestOf(row);
      if (accountIn(request) === account && holdOf(row.kind, request)) held.push(row);
    }
  }
  if (held.length === 0) return [];
  const gagged = await accountUnderGag(tx, account);
  const done: string[] = [];
  for (const row of held) {
    if (gagged && !row.secrecy && (await apply(tx, row.id, { type: 'secrecy.imposed' }, on, HELD_BECAUSE))) done.push(row.id);
    if (!gagged && row.secrecy && !(await declaredHold(tx, row.id)) && (await apply(tx, row.id, { type: 'secrecy.lifted', reason: 'lifted' }, on, FREED_BECAUSE))) done.push(row.id);
  }
  return done;
}

/** Whether the case's opener declared its hold: the field set on the request as given (the opening audit entry keeps that request; a field the engine set is `derived`). */
async function declaredHold(tx: StoreTx, caseId: string): Promise<boolean> {
  const opened = JSON.parse((await tx.auditOf(caseId))[0]?.entry ?? '{}') as { kind?: string; request?: Record<string, unknown> };
  const hold = findKind(String(opened.kind))?.heldByAccountGag;
  return hold !== undefined && opened.request?.[hold.field] === true;
}
