import type { AnyStateMachine } from 'xstate';
import { z } from 'zod';
import { InputError } from '../domain/InputError.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import { resolvePolicy } from '../policy/resolvePolicy.ts';
import { appendAudit } from '../runtime/auditChain.ts';
import { findKind, unknownKind } from '../../machines/catalogue.ts';
import { caseDeadline } from '../runtime/caseDeadline.ts';
import { caseMachine } from '../runtime/caseMachine.ts';
import type { CaseRow, CaseStore } from '../runtime/CaseStore.ts';
import type { CaseEngine } from '../runtime/createCaseEngine.ts';
import { canKnow, canRead, readEntry, readGuard } from './access.ts';
import { transparencyReportFromStore } from '../report/reportFromStore.ts';
import { parsePeriod } from '../report/ReportPeriod.ts';
import { renderReport } from '../report/renderReport.ts';
import { type AssignBody, type DeadlinesQuery, type ListQuery, type OpenCaseBody, type ReportQuery, type SendBody, TokenBody } from './routes.ts';
import { type Principal, createToken } from './tokens.ts';

/** What a handler is given: the caller, the parsed body, query and path parameters. */
export interface Call {
  who: Principal;
  body: unknown;
  query: unknown;
  params: Record<string, string>;
  headers: { idempotencyKey?: string };
}

/** A handler's answer: a status and a JSON body (none for 204). */
export interface Answer {
  status: 200 | 201 | 204 | 404 | 409;
  body?: unknown;
  /** A text answer instead of JSON, with its media type. */
  text?: { body: string; type: string };
}

export interface HandlerContext {
  engine: CaseEngine;
  store: CaseStore;
  today: () => string;
  /** The service's default policy profile. */
  policy: string;
  /** The provider's own policy profiles, as the engine was given them. */
  policies?: Readonly<Record<string, ProviderPolicy>>;
}

/** A case as a list shows it: what it is and where it stands, not what it holds. */
const summary = (row: CaseRow, admin: boolean, counsel: string[]) =>
  admin ? { id: row.id, kind: row.kind, createdAt: row.createdAt, closed: row.closed, counsel } : { id: row.id, kind: row.kind, policy: row.policy, receivedOn: row.day0, createdAt: row.createdAt, closed: row.closed, secrecy: row.secrecy, version: row.version };

/** Where a case sorts in a list: creation day, then id. */
const sortKey = (row: { createdAt: string; id: string }) => `${row.createdAt}\u0000${row.id}`;
const toCursor = (row: { createdAt: string; id: string }) => Buffer.from(sortKey(row)).toString('base64url');
const fromCursor = (cursor: string) => {
  const key = Buffer.from(cursor, 'base64url').toString();
  if (!key.includes('\u0000')) throw new InputError('invalid', 'query.after', cursor, 'is not a cursor this service gave', 'pass the `next` value of the page before, or leave it out for the first page');
  return key;
};

/**
 * The API's operations, by route id. Every read of a case under secrecy is audited in the same
 * transaction; a case the caller may not know of reads exactly as one that does not exist.
 *
 * @example
 * const answer = await handlers(ctx).getCase({ who, params: { id }, body: undefined, query: {}, headers: {} });
 */
export function handlers({ engine, store, today, policy: defaultPolicy, policies }: HandlerContext): Record<string, (call: Call) => Promise<Answer>> {
  return {
    async openCase({ who, body, headers: { idempotencyKey } }) {
      const { request, policy } = body as z.infer<typeof OpenCaseBody>;
      if (policy !== undefined) resolvePolicy(policy, 'body.policy', engine.policies);
      let repeated = false;
      const view = await engine.open(request, {
        ...(policy === undefined ? {} : { policy }),
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        by: who.name,
        onOpened: (tx, row) => tx.assign(row.id, who.name),
        // A retry is answered only while its opener is still assigned, and is not a read to audit.
        onRepeat: async (tx, row) => {
          await readGuard(who, 'case', true)(tx, row);
          repeated = true;
        },
      });
      return { status: repeated ? 200 : 201, body: view };
    },

    async listCases({ who, query }) {
      const { kind, closed, limit = 100, after } = query as z.infer<typeof ListQuery>;
      if (kind !== undefined && !findKind(kind)) throw unknownKind('query.kind', kind);
      const filter = { ...(kind === undefined ? {} : { kind }), ...(closed === undefined ? {} : { closed: closed === 'true' }) };
      const from = after === undefined ? '' : fromCursor(after);
      return store.transaction(async (tx) => {
        const shown = [];
        const assigned = new Map<string, string[]>();
        for (const a of await tx.assignments()) assigned.set(a.caseId, [...(assigned.get(a.caseId) ?? []), a.counsel]);
        // Paged after filtering, with cursors only ever naming a case the caller saw: a page's length says nothing of hidden cases.
        let next: string | null = null;
        const rows = (await tx.listCases(filter)).map((row) => ({ row, key: sortKey(row) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        for (const { row, key } of rows) {
          const counsel = assigned.get(row.id) ?? [];
          if (key <= from || !canKnow(who, row, counsel)) continue;
          if (shown.length === limit) {
            next = toCursor(shown.at(-1) as { createdAt: string; id: string });
            break;
          }
          if (row.secrecy) await appendAudit(tx, row.id, readEntry(who, 'list'));
          shown.push(summary(row, who.role === 'admin', counsel));
        }
        return { status: 200, body: { cases: shown, next } };
      });
    },

    getCase: async ({ who, params }) => ({ status: 200, body: await engine.get(params['id'] as string, { guard: readGuard(who, 'case') }) }),

    async sendEvent({ who, params, body, headers }) {
      const { event, on, idempotencyKey, expectedVersion } = body as z.infer<typeof SendBody>;
      if (idempotencyKey !== undefined && headers.idempotencyKey !== undefined && idempotencyKey !== headers.idempotencyKey) {
        throw new InputError('invalid', 'body.idempotencyKey', idempotencyKey, `differs from the Idempotency-Key header (${headers.idempotencyKey})`, 'send the key once, in the header or the body, or the same key in both');
      }
      const key = idempotencyKey ?? headers.idempotencyKey;
      const result = await engine.send(params['id'] as string, event, {
        ...(on === undefined ? {} : { on }),
        by: who.name,
        guard: readGuard(who, 'event', true),
        ...(key === undefined ? {} : { idempotencyKey: key }),
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      });
      return result.ok ? { status: 200, body: result } : { status: 409, body: { error: { reason: result.reason, message: result.message, allowed: result.allowed, couldTake: result.couldTake } } };
    },

    async caseAudit({ who, params }) {
      const entries = await engine.audit(params['id'] as string, { guard: readGuard(who, 'audit') });
      // The chain's seqs and hashes span every case: their gaps would count the cases a caller may not know of.
      return { status: 200, body: { entries: entries.map((e, i) => ({ n: i + 1, entry: e.entry })) } };
    },

    async listDeadlines({ who, query }) {
      const until = (query as z.infer<typeof DeadlinesQuery>).until ?? today();
      const now = today();
      const deadlines = await store.transaction(async (tx) => {
        const shown: object[] = [];
        // Per case: whether the caller may read it, and the machine it runs on when the catalogue still has it.
        const cases = new Map<string, { ok: boolean; machine?: AnyStateMachine | undefined }>();
        for (const { caseId, event, delay, dueDate, startedOn } of await tx.dueTimers(until)) {
          let known = cases.get(caseId);
          if (!known) {
            const row = await tx.getCase(caseId);
            const ok = !!row && canRead(who, row, await tx.assignedCounsel(row.id));
            if (ok && row?.secrecy) await appendAudit(tx, row.id, readEntry(who, 'deadlines'));
            const entry = ok ? findKind(row.kind) : undefined;
            const profile = row && Object.hasOwn(engine.policies, row.policy) ? engine.policies[row.policy] : undefined;
            cases.set(caseId, (known = { ok, machine: entry && row && profile ? caseMachine(entry, profile, row.day0) : undefined }));
          }
          if (known.ok) shown.push({ caseId, ...caseDeadline(known.machine, { event, delay }, dueDate, now), event, startedOn });
        }
        return shown;
      });
      return { status: 200, body: { until, deadlines } };
    },

    async assignCounsel({ who, params, body }) {
      const { name } = body as z.infer<typeof AssignBody>;
      await store.transaction(async (tx) => {
        // A name no live counsel token has would be taken over by whoever is later given it.
        if (!(await tx.tokens()).some((t) => t.name === name && t.role === 'counsel' && t.revokedAt === null)) {
          throw new InputError('invalid', 'body.name', name, 'is not the name of a live counsel token', 'create a counsel token for them first (POST /tokens), then assign it');
        }
        await tx.assign(params['id'] as string, name);
        const row = await tx.getCase(params['id'] as string);
        if (row) await appendAudit(tx, row.id, { what: 'assigned', counsel: name, by: who.name });
      });
      return { status: 204 };
    },

    async unassignCounsel({ who, params }) {
      await store.transaction(async (tx) => {
        await tx.unassign(params['id'] as string, params['name'] as string);
        const row = await tx.getCase(params['id'] as string);
        if (row) await appendAudit(tx, row.id, { what: 'unassigned', counsel: params['name'], by: who.name });
      });
      return { status: 204 };
    },

    async report({ query }) {
      const { period, format = 'json', asOf: given, published, policy = defaultPolicy } = query as z.infer<typeof ReportQuery>;
      const { to } = parsePeriod(period, 'period');
      const asOf = given ?? today();
      if (asOf > today()) throw new InputError('invalid', 'asOf', asOf, `is after today (${today()})`, 'report facts as of today or an earlier day');
      if (asOf <= to && given === undefined) throw new InputError('invalid', 'period', period, `has not ended: its last day is ${to} and today is ${asOf}`, 'report a period that has ended: a report of an open period would count cases as they arrive');
      if (asOf <= to) throw new InputError('invalid', 'asOf', asOf, `is not after the period’s last day (${to})`, 'report a period that has ended: a report of an open period would count cases as they arrive');
      const report = await transparencyReportFromStore(store, { period, asOf, policy, ...(policies === undefined ? {} : { policies }), ...(published === undefined ? {} : { since: published }), names: { since: 'published' } });
      if (format === 'json') return { status: 200, body: report };
      return { status: 200, text: { body: renderReport(report, format), type: format === 'md' ? 'text/markdown; charset=utf-8' : 'text/csv; charset=utf-8' } };
    },

    createToken: async ({ who, body }) => ({ status: 201, body: await createToken(store, TokenBody.parse(body), today(), who.name) }),

    async listTokens() {
      const tokens = await store.transaction((tx) => tx.tokens());
      return { status: 200, body: { tokens: tokens.map(({ id, name, role, createdAt, revokedAt }) => ({ id, name, role, createdAt, revokedAt })) } };
    },

    async revokeToken({ params }) {
      const revoked = await store.transaction((tx) => tx.revokeToken(params['id'] as string, today()));
      if (!revoked) throw new InputError('unknownToken', 'tokenId', params['id'], 'is not a live token', 'list tokens with GET /tokens');
      return { status: 204 };
    },
  };
}
