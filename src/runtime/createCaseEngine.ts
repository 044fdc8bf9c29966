import { randomUUID } from 'node:crypto';
import { findKind, unknownKind } from '../../machines/catalogue.ts';
import { caseMachine } from './caseMachine.ts';
import type { DataCategory } from '../domain/categories.ts';
import { IsoDate, dayNumber, isoDate } from '../domain/date.ts';
import type { VocabularyEvent } from '../domain/events.ts';
import { InputError, fromZod } from '../domain/InputError.ts';
import { knownOptions } from '../domain/knownOptions.ts';
import { parseEvent } from '../domain/parseEvent.ts';
import { eventAsOf } from '../domain/eventAsOf.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { policyRegistry } from '../policy/policyRegistry.ts';
import { resolvePolicy } from '../policy/resolvePolicy.ts';
import { observe } from '../scenarios/observe.ts';
import { type TimedRun, acceptedEvents, advanceTo, sendEvent, startRun, stateLabel } from '../time/TimedRun.ts';
import { appendAudit } from './auditChain.ts';
import { caseFlags, disclosedColumn, machineVersion, persistRun, restoreRun, storedSnapshot } from './caseRecord.ts';
import type { CaseFilter, CaseRow, CaseStore, StoreTx, StoredSnapshot, TimerRow } from './CaseStore.ts';
import { ConflictError } from './ConflictError.ts';
import { caseOpenedWith, openingJson, settleKeyRace, storedKey } from './openKey.ts';
import { sameAsEarlier } from './sameAsEarlier.ts';
import { takenAfter } from '../time/takenAfter.ts';
import { whatNow } from './whatNow.ts';
import { HELD_BECAUSE, holdApplier, openedRequest, syncAccountHolds } from './accountGags.ts';
import { type CaseView, type Guard, type SendResult, unknownCase } from './CaseView.ts';

export interface EngineOptions {
  store: CaseStore;
  /** Today, as an ISO date; defaults to the UTC date. */
  clock?: () => string;
  /** The policy profile `open` uses when given none: a built-in id or one of `policies`. */
  policy?: string;
  /**
   * The provider's own policy profiles, by id, validated at construction; cases opened under one
   * store its id, so an engine that reloads them must be given the same profiles.
   */
  policies?: Readonly<Record<string, ProviderPolicy>>;
  /** Moves a snapshot stored under an older machine version forward; without it the case runs as stored. */
  migrate?: (snapshot: StoredSnapshot, fromVersion: string, kind: string) => StoredSnapshot;
}

/** An idempotency key as given, checked: a string of 1 to 200 characters, or none. */
function idempotencyKeyOf(key: unknown, fix: string): string | undefined {
  if (key !== undefined && !(typeof key === 'string' && key.length >= 1 && key.length <= 200)) throw new InputError('invalid', 'idempotencyKey', key, 'is not a string of 1 to 200 characters', fix);
  return key;
}

/**
 * A durable case engine: each change is one store transaction holding the new snapshot, the
 * deadlines it starts, fires or cancels, the event and its audit entries.
 *
 * @example
 * const engine = createCaseEngine({ store: sqliteStore('cases.db'), policy: 'cloudflare' });
 * const { id } = await engine.open(request);
 * await engine.send(id, { type: 'review.completed', finding: 'sufficient' }, { on: '2026-03-03' });
 * await engine.tick('2026-04-01');
 */
export function createCaseEngine(options: EngineOptions) {
  knownOptions(options, ['store', 'clock', 'policy', 'policies', 'migrate'], 'engine options');
  const { store } = options;
  const clock = options.clock ?? (() => new Date().toISOString().slice(0, 10));
  const policies = policyRegistry(options.policies ?? {}, 'policies');
  if (options.policy !== undefined) resolvePolicy(options.policy, 'policy', policies);

  const dateOf = (value: unknown, field: string): string => {
    const parsed = IsoDate.safeParse(value);
    if (!parsed.success) throw fromZod(parsed.error, value, field);
    return parsed.data;
  };

  /** A date no later than today: an event, a receipt or a day's end in the future has not happened yet. */
  const notAfterToday = (date: string, field: string, fix: string): void => {
    const today = clock();
    if (date > today) throw new InputError('invalid', field, date, `is after today (${today})`, fix);
  };

  /** The stored case as a run, migrated first when its machine version is older and a hook is given. */
  const load = async (tx: StoreTx, id: string, forWrite = false) => {
    const row = forWrite ? await tx.lockCase(id) : await tx.getCase(id);
    if (!row) throw unknownCase(id);
    const entry = findKind(row.kind);
    if (!entry) throw new InputError('unknownKind', 'case.kind', row.kind, 'is no longer in the catalogue', 'restore the kind to the catalogue');
    const machine = caseMachine(entry, resolvePolicy(row.policy, 'case.policy', policies), row.day0);
    const current = machineVersion(entry.machine);
    let stored = JSON.parse(row.snapshot) as StoredSnapshot;
    let changes: Partial<CaseRow> = {};
    if (row.machineVersion !== current && options.migrate) {
      stored = options.migrate(stored, row.machineVersion, row.kind);
      changes = { machineVersion: current };
    }
    const run = restoreRun(machine, row, await tx.pendingTimers(id), stored);
    return { row, run, changes, entry };
  };

  const disclosedAfter = (row: CaseRow, event: VocabularyEvent): string =>
    disclosedColumn([...(JSON.parse(row.disclosed) as DataCategory[]), ...(event.type === 'data.disclosed' ? event.categories : [])]);

  const view = async (tx: StoreTx, id: string, guard?: Guard): Promise<CaseView> => {
    const { row, run, entry } = await load(tx, id);
    await guard?.(tx, row);
    const disclosed = JSON.parse(row.disclosed) as DataCategory[];
    const disclosure = { type: 'data.disclosed', categories: disclosed } as { type: string };
    const withDisclosed: TimedRun = { ...run, steps: run.steps.map((s) => ({ ...s, trigger: { kind: 'event', event: disclosure } })) };
    const history = (await tx.events(id)).map((e) => ({ seq: e.seq, on: e.on, event: JSON.parse(e.event) as VocabularyEvent }));
    const { kind, policy, closed, version } = row;
    const request = (run.snapshot.context as { request?: unknown } | undefined)?.request ?? null;
    const passed = (await tx.auditOf(id)).map((a) => JSON.parse(a.entry) as { what: string; delay?: string; due?: string }).flatMap((e) => (e.what === 'deadline' ? [{ name: String(e.delay), due: String(e.due) }] : []));
    const observed = { ...observe(withDisclosed, dayNumber(row.day0)), ...whatNow(entry, run, row.day0, clock()) };
    const takesEventsFrom = isoDate(dayNumber(row.day0) + Math.max(run.day, run.endedDay + 1));
    return { id, kind, policy, closed, version, machineVersion: row.machineVersion, ...observed, state: stateLabel(run.snapshot), request, history, takesEventsFrom, passed };
  };

  const applyHold = holdApplier((tx, id) => load(tx, id, true));

  /** Fires one claimed case's deadlines due by `now`. */
  const fireCase = async (tx: StoreTx, id: string, now: string) => {
    const { row, run, changes } = await load(tx, id, true);
    const through = advanceTo(run, dayNumber(now) - dayNumber(row.day0), true);
    if (through.steps.length === run.steps.length) return 0;
    // The case's clock stops at the last deadline fired, not at the tick's day: an event that
    // happened between them can still be entered, as on a case no deadline of which fell due.
    const after = advanceTo(run, through.endedDay, true);
    const next = await persistRun(tx, row, run, after, now, [], changes);
    if (!next) throw new ConflictError(id, row.version, (await tx.getCase(id))?.version ?? -1);
    if (next.secrecy !== row.secrecy) await syncAccountHolds(tx, next, isoDate(dayNumber(row.day0) + after.endedDay), applyHold);
    return after.steps.length - run.steps.length;
  };

  return {
    /**
     * Validates a request, starts its case and stores it with its deadlines; returns its view.
     * `by` names who opened it in the audit entry; `onOpened` runs in the same transaction. A
     * request received after today is an InputError. With an `idempotencyKey`, opening the same
     * request again (same policy and `by`) returns the case the key first opened, as it stands,
     * and writes nothing (`onRepeat` runs instead of `onOpened`); the key with another request is
     * an InputError (`keyReused`). Keys are each `by`'s own. A request's own `id` is the
     * requester's reference, not a key. An option this method does not know is an InputError.
     */
    async open(request: unknown, opts: { policy?: string; id?: string; by?: string; idempotencyKey?: string; onOpened?: Guard; onRepeat?: Guard } = {}): Promise<CaseView> {
      knownOptions(opts, ['policy', 'id', 'by', 'idempotencyKey', 'onOpened', 'onRepeat'], 'open options');
      const kind = (request as { kind?: unknown } | null)?.kind;
      const entry = typeof kind === 'string' ? findKind(kind) : undefined;
      if (!entry) throw unknownKind('request.kind', kind, 'open a request of a catalogue kind (dueprocess list)');
      const parsed = entry.requestSchema.safeParse(request);
      if (!parsed.success) throw fromZod(parsed.error, request, 'request');
      const profile = resolvePolicy(opts.policy ?? options.policy, 'policy', policies);
      const key = idempotencyKeyOf(opts.idempotencyKey, 'give a key of your own making, like a UUID, for each new case');
      const day0 = parsed.data.receivedOn;
      notAfterToday(day0, 'request.receivedOn', 'open a case on or after the day its request was received');
      const id = opts.id ?? randomUUID();
      const policy = profile.id;
      const opening = { request: parsed.data, policy, by: opts.by ?? null };
      const attempt = () =>
        store.transaction(async (tx) => {
          const earlier = key === undefined ? undefined : await caseOpenedWith(tx, key, opening, opts.id);
          if (earlier !== undefined) return view(tx, earlier, opts.onRepeat);
          if (await tx.getCase(id)) throw new InputError('invalid', 'id', id, 'is already a case', 'give a new id, or none to have one made');
          const { request: opened, derived } = await openedRequest(tx, entry, parsed.data);
          const run = startRun(caseMachine(entry, profile, day0), opened, 0);
          const row: CaseRow = { id, kind: entry.kind, policy, machineVersion: machineVersion(entry.machine), version: 1, snapshot: storedSnapshot(run), disclosed: '[]', day0, createdAt: clock(), ...caseFlags(run) };
          await tx.insertCase(row);
          if (key !== undefined) await tx.insertOpenKey({ idempotencyKey: storedKey(key, opening.by), caseId: id, opened: openingJson(opening) });
          for (const t of run.timers) {
            await tx.insertTimer({ caseId: id, event: t.event, delay: t.delay, dueDate: isoDate(dayNumber(day0) + t.dueDay), startedOn: day0, seq: t.seq, firedAt: null });
          }
          await appendAudit(tx, id, { what: 'opened', kind: entry.kind, policy, request: parsed.data, ...(derived ? { derived, because: HELD_BECAUSE } : {}), version: 1, ...(key === undefined ? {} : { idempotencyKey: key }), ...(opts.by === undefined ? {} : { by: opts.by }) });
          if (row.secrecy) await syncAccountHolds(tx, row, day0, applyHold);
          await opts.onOpened?.(tx, row);
          return view(tx, id);
        });
      return key === undefined ? attempt() : settleKeyRace(store, storedKey(key, opening.by), attempt);
    },

    /**
     * Applies one outside event on `on` (default today), first firing deadlines due before it.
     * A rejected event changes nothing; a known `idempotencyKey` returns the first answer, and
     * is an InputError (`keyReused`) when sent with another event or date. A date after today is
     * an InputError. `by` names the sender in the audit entry.
     */
    async send(caseId: string, event: unknown, opts: { on?: string; idempotencyKey?: string; expectedVersion?: number; guard?: Guard; by?: string } = {}): Promise<SendResult> {
      knownOptions(opts, ['on', 'idempotencyKey', 'expectedVersion', 'guard', 'by'], 'send options');
      const parsedEvent = parseEvent(event, 'event');
      idempotencyKeyOf(opts.idempotencyKey, 'give a key of your own making, like a UUID, for each event you send');
      const on = dateOf(opts.on === undefined ? clock() : opts.on, 'on');
      notAfterToday(on, 'on', 'record an event on the day it happened, today or earlier');
      return store.transaction(async (tx) => {
        const { row, run, changes, entry: kindEntry } = await load(tx, caseId, true);
        await opts.guard?.(tx, row);
        const key = opts.idempotencyKey ?? null;
        const earlier = key === null ? undefined : await tx.eventByKey(caseId, key);
        if (earlier) return sameAsEarlier(earlier, parsedEvent, opts.on === undefined ? null : on);
        if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) throw new ConflictError(caseId, opts.expectedVersion, row.version);
        const day = dayNumber(on) - dayNumber(row.day0);
        const couldTakeOn = (date: string) => whatNow(kindEntry, run, row.day0, date).couldTake;
        if (day < 0) return { ok: false, reason: 'timeWentBack', message: `${on} is before ${row.day0}, the day the case was received; events must be in date order`, allowed: acceptedEvents(run.snapshot), couldTake: couldTakeOn(clock()) };
        // The event is kept as sent; the machine takes a dated order as its days left today.
        const machineEvent = eventAsOf(parsedEvent, on);
        const outcome = sendEvent(run, day, machineEvent);
        if (!outcome.ok) {
          const hint = outcome.rejection.reason === 'notAccepted' && run.snapshot.status === 'active' ? `; ${takenAfter(kindEntry, run, day, machineEvent)}` : '';
          const message = outcome.rejection.message.replace(/\bday (-?\d+)/g, (_, n: string) => isoDate(dayNumber(row.day0) + Number(n))) + hint;
          return { ok: false, reason: outcome.rejection.reason, message, allowed: outcome.rejection.accepted, couldTake: couldTakeOn(outcome.rejection.reason === 'timeWentBack' ? clock() : on) };
        }
        const entry = { what: 'event', event: parsedEvent, on, idempotencyKey: key, ...(opts.by === undefined ? {} : { by: opts.by }) };
        const next = await persistRun(tx, row, run, outcome.run, on, [entry], { ...changes, disclosed: disclosedAfter(row, parsedEvent) });
        if (!next) throw new ConflictError(caseId, row.version, (await tx.getCase(caseId))?.version ?? -1);
        if (next.secrecy !== row.secrecy) await syncAccountHolds(tx, next, on, applyHold);
        const result: SendResult = { ok: true, version: next.version, state: stateLabel(outcome.run.snapshot) };
        const seq = (await tx.lastEventSeq(caseId)) + 1;
        await tx.insertEvent({ caseId, seq, idempotencyKey: key, event: JSON.stringify(parsedEvent), on, result: JSON.stringify(result) });
        return result;
      });
    },

    /** The case's state, vocabulary view, described pending deadlines, the events it would take today, version and history. */
    get: async (caseId: string, opts: { guard?: Guard } = {}): Promise<CaseView> => {
      knownOptions(opts, ['guard'], 'get options');
      return store.transaction((tx) => view(tx, caseId, opts.guard));
    },

    /** A case's audit entries, oldest first, each entry parsed. */
    audit: async (caseId: string, opts: { guard?: Guard } = {}) => {
      knownOptions(opts, ['guard'], 'audit options');
      return store.transaction(async (tx) => {
        const row = await tx.getCase(caseId);
        if (!row) throw unknownCase(caseId);
        await opts.guard?.(tx, row);
        return (await tx.auditOf(caseId)).map((a) => ({ seq: a.seq, hash: a.hash, entry: JSON.parse(a.entry) as Record<string, unknown> }));
      });
    },

    /** Every policy profile this engine opens and reloads cases under, by id: the built-in ones and `policies`. */
    policies,

    /** Cases, optionally of one kind, open or closed, under secrecy or not; oldest first. */
    list: async (filter: CaseFilter = {}) => {
      knownOptions(filter, ['kind', 'closed', 'secrecy'], 'list filter');
      return store.transaction((tx) => tx.listCases(filter));
    },

    /** Pending deadlines due on or before `now`, by due date then start order. */
    async due(now: string): Promise<TimerRow[]> {
      const date = dateOf(now, 'now');
      return store.transaction((tx) => tx.dueTimers(date));
    },

    /**
     * Fires every deadline due on or before `now` (today or earlier), each exactly once, a batch
     * of cases per transaction; returns how many fired. Workers ticking the same store share the
     * work: each claims cases the others do not hold. A case under a policy this engine does not
     * know is left as it is, and once the others have fired that is an InputError naming it.
     */
    async tick(now: string, opts: { batch?: number } = {}): Promise<number> {
      knownOptions(opts, ['batch'], 'tick options');
      const { batch = 100 } = opts;
      const date = dateOf(now, 'now');
      notAfterToday(date, 'now', 'tick today or an earlier day: a deadline passes only once its day has');
      const idle: string[] = [];
      const unknown: { id: string; error: InputError }[] = [];
      let fired = 0;
      for (;;) {
        const claimed = await store.transaction(async (tx) => {
          const ids = await tx.claimDue(date, batch, idle);
          for (const id of ids) {
            // A case whose policy is not registered is left as it is; the other cases' deadlines still fire.
            const n = await fireCase(tx, id, date).catch((error: unknown) => {
              if (!(error instanceof InputError && error.reason === 'unknownPolicy')) throw error;
              unknown.push({ id, error });
              return 0;
            });
            if (n === 0) idle.push(id);
            fired += n;
          }
          return ids.length;
        });
        if (claimed === 0) break;
      }
      const first = unknown[0];
      if (!first) return fired;
      const cases = unknown.map((u) => u.id).join(', ');
      throw new InputError('unknownPolicy', first.error.field, first.error.value, `${first.error.problem}; deadlines due of case(s) ${cases} did not fire (${fired} other deadline(s) did)`, first.error.fix);
    },
  };
}

export type CaseEngine = ReturnType<typeof createCaseEngine>;
