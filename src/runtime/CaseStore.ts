/** One case: its kind, policy, machine version and where its machine is now. */
export interface CaseRow {
  id: string;
  kind: string;
  /** The policy profile's id; the version in force on `day0` is the one the case runs under. */
  policy: string;
  machineVersion: string;
  /** Bumped by every applied change; a write that expected another value is a conflict. */
  version: number;
  /** `StoredSnapshot` as JSON. */
  snapshot: string;
  /** Data categories disclosed so far, as a JSON array. */
  disclosed: string;
  /** The request's `receivedOn`: day 0 of the case. */
  day0: string;
  createdAt: string;
  /** The machine is done, or the process has an outcome (the `closed` tag) and owes nothing more (`caseFlags`). */
  closed: boolean;
  /** A nondisclosure obligation covers the request now (the `secrecy` tag). */
  secrecy: boolean;
}

/** Which cases `listCases` returns; every field given must match. */
export interface CaseFilter {
  kind?: string;
  closed?: boolean;
  secrecy?: boolean;
}

/** What a case row's `snapshot` holds: the machine's state and the whole-day clock's position. */
export interface StoredSnapshot {
  value: unknown;
  context: unknown;
  /** Day numbers relative to `day0`, as in `TimedRun`. */
  day: number;
  endedDay: number;
  seq: number;
}

/** A deadline a case's machine started; pending while `firedAt` is null. */
export interface TimerRow {
  caseId: string;
  event: string;
  delay: string;
  /** The day at whose end the deadline passes. */
  dueDate: string;
  startedOn: string;
  seq: number;
  firedAt: string | null;
}

/** One applied outside event and what applying it answered. */
export interface EventRow {
  caseId: string;
  seq: number;
  idempotencyKey: string | null;
  /** The event as JSON. */
  event: string;
  on: string;
  /** The answer `send` gave, as JSON. */
  result: string;
}

/** A case opened with an idempotency key, and what it was opened with. */
export interface OpenKeyRow {
  idempotencyKey: string;
  caseId: string;
  /** The validated request, policy id and opener, as stable JSON. */
  opened: string;
}

/** One link of the hash-chained audit log. */
export interface AuditRow {
  seq: number;
  caseId: string;
  /** The entry as canonical JSON. */
  entry: string;
  prevHash: string;
  hash: string;
}

/** An access token as stored: only the SHA-256 of its secret is kept. */
export interface TokenRow {
  id: string;
  name: string;
  role: string;
  hash: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Reads and writes inside one transaction; nothing is visible to others until it commits. */
export interface StoreTx {
  getCase(id: string): Promise<CaseRow | undefined>;
  /** `getCase`, holding the row until commit: a second writer of the same case waits. */
  lockCase(id: string): Promise<CaseRow | undefined>;
  listCases(filter: CaseFilter): Promise<CaseRow[]>;
  insertCase(row: CaseRow): Promise<void>;
  /** Writes the row if the stored version is still `expectedVersion`; false when it is not. */
  updateCase(row: CaseRow, expectedVersion: number): Promise<boolean>;
  /** A case's pending timers, by due date then seq. */
  pendingTimers(caseId: string): Promise<TimerRow[]>;
  /** Every case's pending timers due on or before `date`, by due date then seq. */
  dueTimers(date: string): Promise<TimerRow[]>;
  /**
   * Up to `limit` cases with a pending timer due on or before `date`, not in `skip`, locked until
   * commit; cases another transaction holds are passed over, not waited for.
   */
  claimDue(date: string, limit: number, skip: readonly string[]): Promise<string[]>;
  insertTimer(row: TimerRow): Promise<void>;
  /** Removes a pending timer the machine cancelled. */
  cancelTimer(caseId: string, seq: number): Promise<void>;
  markFired(caseId: string, seq: number, firedAt: string): Promise<void>;
  events(caseId: string): Promise<EventRow[]>;
  /** The seq of a case's last applied event; 0 before the first. */
  lastEventSeq(caseId: string): Promise<number>;
  /** Every case's id and version, for checking the audit log against the cases. */
  caseVersions(): Promise<{ id: string; version: number }[]>;
  eventByKey(caseId: string, idempotencyKey: string): Promise<EventRow | undefined>;
  insertEvent(row: EventRow): Promise<void>;
  openByKey(idempotencyKey: string): Promise<OpenKeyRow | undefined>;
  /** Fails when the key is already stored: two opens racing with one key cannot both commit. */
  insertOpenKey(row: OpenKeyRow): Promise<void>;
  /** The audit log's last entry; no one else can append until this transaction ends. */
  lastAudit(): Promise<AuditRow | undefined>;
  appendAudit(row: AuditRow): Promise<void>;
  /** The whole audit log, by seq. */
  audit(): Promise<AuditRow[]>;
  /** One case's audit entries, by seq. */
  auditOf(caseId: string): Promise<AuditRow[]>;
  insertToken(row: TokenRow): Promise<void>;
  tokenByHash(hash: string): Promise<TokenRow | undefined>;
  tokens(): Promise<TokenRow[]>;
  /** Marks a token revoked; false when there is no such live token. */
  revokeToken(id: string, at: string): Promise<boolean>;
  /** Grants `counsel` a case, existing or not yet (so a grant says nothing about existence). */
  assign(caseId: string, counsel: string): Promise<void>;
  unassign(caseId: string, counsel: string): Promise<void>;
  /** The counsel a case is assigned to, by name. */
  assignedCounsel(caseId: string): Promise<string[]>;
  /** Every assignment, by case then counsel. */
  assignments(): Promise<{ caseId: string; counsel: string }[]>;
}

/**
 * Where cases live. Every read and write goes through `transaction`, which commits when `fn`
 * resolves and rolls back when it throws; a store may run transactions one at a time.
 *
 * @example
 * const row = await store.transaction((tx) => tx.getCase('case-1'));
 */
export interface CaseStore {
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
