import { createHash } from 'node:crypto';
import type { AnyStateMachine } from 'xstate';
import { DATA_CATEGORIES } from '../domain/categories.ts';
import { dayNumber, isoDate } from '../domain/date.ts';
import { TAGS } from '../domain/tags.ts';
import type { TimedRun } from '../time/TimedRun.ts';
import type { PendingTimer } from '../time/timerChanges.ts';
import { appendAudit } from './auditChain.ts';
import type { CaseRow, StoreTx, StoredSnapshot, TimerRow } from './CaseStore.ts';

const versions = new WeakMap<AnyStateMachine, string>();

/** A machine's version: its `meta.version` when it declares one, else a hash of its definition. */
export function machineVersion(machine: AnyStateMachine): string {
  const known = versions.get(machine);
  if (known) return known;
  const declared = (machine.config as { meta?: { version?: unknown } }).meta?.version;
  const version = typeof declared === 'string' ? declared : createHash('sha256').update(JSON.stringify(machine.definition)).digest('hex').slice(0, 16);
  versions.set(machine, version);
  return version;
}

/** The run a stored case stands for, with one step holding its pending timers. */
export function restoreRun(machine: AnyStateMachine, row: CaseRow, timers: readonly TimerRow[], stored: StoredSnapshot): TimedRun {
  const day0 = dayNumber(row.day0);
  const snapshot = machine.resolveState({ value: stored.value as never, context: stored.context as never });
  const pending: PendingTimer[] = timers.map((t) => ({ event: t.event, delay: t.delay, startedDay: dayNumber(t.startedOn) - day0, dueDay: dayNumber(t.dueDate) - day0, seq: t.seq }));
  const step = { day: stored.day, trigger: { kind: 'start' as const }, snapshot, timers: pending, transitions: [] };
  return { machine, day: stored.day, snapshot, timers: pending, steps: [step], seq: stored.seq, endedDay: stored.endedDay };
}

/**
 * The row's `disclosed` column for categories disclosed so far: a JSON list in catalogue order.
 *
 * @example
 * disclosedColumn(['content', 'basicSubscriberInfo']); // '["basicSubscriberInfo","content"]'
 */
export function disclosedColumn(categories: Iterable<string>): string {
  const had = new Set(categories);
  return JSON.stringify(DATA_CATEGORIES.filter((c) => had.has(c)));
}

/** Tags that say a case with an outcome still owes something: notice, a challenge, a missed act. */
const OWING = [TAGS.noticeDue, TAGS.noticeDeferred, TAGS.challengeDue, TAGS.overdue];

/**
 * The row's `closed` and `secrecy` columns for where a run stands. A case is closed when its
 * machine is done, or its process has an outcome and it owes nothing more: no deadline pending,
 * no notice due or deferred, no challenge due, nothing overdue. So a disclosure under a gag
 * stays open until the user is told, and `list({ closed: false })` is the queue of work.
 */
export function caseFlags(run: TimedRun): Pick<CaseRow, 'closed' | 'secrecy'> {
  const { snapshot } = run;
  const settled = snapshot.hasTag(TAGS.closed) && run.timers.length === 0 && !OWING.some((tag) => snapshot.hasTag(tag));
  return { closed: snapshot.status === 'done' || settled, secrecy: snapshot.hasTag(TAGS.secrecy) };
}

/** What a row stores of a run. */
export function storedSnapshot(run: TimedRun): string {
  const { value, context } = run.snapshot;
  return JSON.stringify({ value, context, day: run.day, endedDay: run.endedDay, seq: run.seq } satisfies StoredSnapshot);
}

/**
 * Writes what happened between `before` and `after` (the run `before` went on to): timers started,
 * fired and cancelled, one audit entry per fired deadline, then `entries`, and the case row with
 * its version bumped. False, with nothing meant to be committed, when the row changed meanwhile.
 */
export async function persistRun(tx: StoreTx, row: CaseRow, before: TimedRun, after: TimedRun, on: string, entries: object[], changes: Partial<CaseRow> = {}): Promise<CaseRow | undefined> {
  const day0 = dayNumber(row.day0);
  const newSteps = after.steps.slice(before.steps.length);
  const seen = new Map<number, PendingTimer>(before.timers.map((t) => [t.seq, t]));
  const fired = new Set<number>();
  const audit: object[] = [];
  let previous = before.steps[before.steps.length - 1];
  for (const step of newSteps) {
    step.timers.forEach((t) => seen.set(t.seq, t));
    const timer = step.trigger.kind === 'timer' ? previous?.timers[0] : undefined;
    if (timer) {
      fired.add(timer.seq);
      audit.push({ what: 'deadline', delay: timer.delay, due: isoDate(day0 + timer.dueDay) });
    }
    previous = step;
  }
  const stored = new Set(before.timers.map((t) => t.seq));
  const pending = new Set(after.timers.map((t) => t.seq));
  for (const [seq, t] of seen) {
    const firedAt = fired.has(seq) ? on : null;
    if (!stored.has(seq)) {
      if (firedAt || pending.has(seq)) await tx.insertTimer({ caseId: row.id, event: t.event, delay: t.delay, dueDate: isoDate(day0 + t.dueDay), startedOn: isoDate(day0 + t.startedDay), seq, firedAt });
    } else if (firedAt) {
      await tx.markFired(row.id, seq, firedAt);
    } else if (!pending.has(seq)) {
      await tx.cancelTimer(row.id, seq);
    }
  }
  const next: CaseRow = { ...row, ...changes, version: row.version + 1, snapshot: storedSnapshot(after), ...caseFlags(after) };
  if (!(await tx.updateCase(next, row.version))) return undefined;
  await appendAudit(tx, row.id, ...[...audit, ...entries].map((entry) => ({ ...entry, version: next.version })));
  return next;
}
