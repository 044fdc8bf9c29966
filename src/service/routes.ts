import { z } from 'zod';
import { IsoDate } from '../domain/date.ts';
import { VocabularyEvent } from '../domain/events.ts';
import { AuditBody, CasePageBody, CaseViewBody, DeadlinesBody, SentBody, TokenMadeBody, TokensBody } from './responseBodies.ts';
import { Role, TokenName } from './tokens.ts';

/** One operation of the HTTP API: the route table drives both the server and its OpenAPI document. */
export interface RouteSpec {
  id: string;
  method: 'get' | 'post' | 'delete';
  /** OpenAPI style: `/cases/{id}`. */
  path: string;
  summary: string;
  roles: readonly Role[];
  body?: z.ZodType;
  query?: z.ZodType;
  /** Status codes this operation answers besides 400, 401, 403 and 500: a description, or one with the JSON body's schema. */
  responses: Record<number, string | { description: string; body: z.ZodType }>;
  /** Takes an `Idempotency-Key` header. */
  idempotencyHeader?: true;
  /** Answers in these media types besides JSON, chosen by a query parameter. */
  alsoAnswers?: readonly string[];
}

export const OpenCaseBody = z
  .object({
    request: z.unknown().describe('a request of a catalogue kind, as `dueprocess list` describes; validated against that kind’s schema'),
    policy: z.string().optional().describe('a built-in policy id, or the id of one the service was started with (serve --policy FILE); the service’s default when absent'),
  })
  .strict();

/** An idempotency key, in a body or the `Idempotency-Key` header. */
export const IdempotencyKey = z.string().min(1).max(200);

export const SendBody = z
  .object({
    event: VocabularyEvent,
    on: IsoDate.optional().describe('the day the event happened; today when absent, never after today'),
    idempotencyKey: IdempotencyKey.optional().describe('a retry with the same key returns the first answer and applies nothing (also accepted as the Idempotency-Key header)'),
    expectedVersion: z.number().int().positive().optional().describe('the case version the sender saw; another one is a 409 conflict'),
  })
  .strict();

export const ListQuery = z
  .object({
    kind: z.string().optional(),
    closed: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional().describe('at most this many cases (default 100)'),
    after: z.string().max(500).optional().describe('the `next` cursor of the page before'),
  })
  .strict();

export const DeadlinesQuery = z.object({ until: IsoDate.optional().describe('deadlines due on or before this day; today when absent') }).strict();

export const AssignBody = z.object({ name: TokenName.describe('the counsel’s token name') }).strict();

export const TokenBody = z.object({ role: Role, name: TokenName }).strict();

export const ReportQuery = z
  .object({
    period: z.string().describe('a half year like 2026H1, or a year like 2026 when the policy reports yearly'),
    format: z.enum(['json', 'md', 'csv']).optional().describe('json when absent'),
    asOf: IsoDate.optional().describe('facts as of the end of this day; today when absent; after the period, never after today'),
    published: IsoDate.optional().describe('the day a report of the period was published (its last day or later): figures restated since, and lines first published since'),
    policy: z.string().optional().describe('the policy profile whose report this is; the service’s default when absent'),
  })
  .strict();

const CASE = 'the case, or 404 when it does not exist or the caller may not know it exists (the two read the same)';

export const ROUTES: readonly RouteSpec[] = [
  { id: 'openCase', method: 'post', path: '/cases', summary: 'Open a case; the counsel who opens it is assigned to it', roles: ['counsel'], body: OpenCaseBody, idempotencyHeader: true, responses: { 201: { description: 'the new case', body: CaseViewBody }, 200: { description: 'a retry with the Idempotency-Key header of an earlier open of the same request by the same caller: that case, nothing new written', body: CaseViewBody }, 409: 'the Idempotency-Key was used to open a case with another request (keyReused)' } },
  { id: 'listCases', method: 'get', path: '/cases', summary: 'Cases the caller may know of (never a case under secrecy the caller is not assigned to)', roles: ['viewer', 'counsel', 'admin'], query: ListQuery, responses: { 200: { description: 'a page of case summaries, by creation day then id, and the cursor of the next page (null on the last)', body: CasePageBody } } },
  { id: 'getCase', method: 'get', path: '/cases/{id}', summary: 'A case: state, secrecy, notice, disclosed data, pending deadlines (each with its state, where it leads, who sets it, and whether it is overdue), the events it would take today (couldTake), history', roles: ['viewer', 'counsel'], responses: { 200: { description: CASE, body: CaseViewBody }, 404: CASE } },
  { id: 'sendEvent', method: 'post', path: '/cases/{id}/events', summary: 'Apply one outside event to a case assigned to the caller', roles: ['counsel'], body: SendBody, idempotencyHeader: true, responses: { 200: { description: 'applied: the new version and state', body: SentBody }, 404: CASE, 409: 'not applied: the case cannot take the event now (with `allowed`, the event types its state listens for, and `couldTake`, the concrete events it would take), the version moved on, or the idempotency key was used for another event' } },
  { id: 'caseAudit', method: 'get', path: '/cases/{id}/audit', summary: 'A case’s audit trail', roles: ['viewer', 'counsel'], responses: { 200: { description: 'the case’s audit entries, oldest first, numbered per case', body: AuditBody }, 404: CASE } },
  { id: 'listDeadlines', method: 'get', path: '/deadlines', summary: 'Pending deadlines due by a day, of the cases the caller may read', roles: ['viewer', 'counsel'], query: DeadlinesQuery, responses: { 200: { description: 'deadlines by due date, described as on a case (state, leadsTo, setBy, overdue) plus caseId, event and startedOn', body: DeadlinesBody } } },
  { id: 'assignCounsel', method: 'post', path: '/cases/{id}/counsel', summary: 'Assign counsel to a case (answered alike whether or not the case exists)', roles: ['admin'], body: AssignBody, responses: { 204: 'assigned' } },
  { id: 'unassignCounsel', method: 'delete', path: '/cases/{id}/counsel/{name}', summary: 'Take a case from counsel', roles: ['admin'], responses: { 204: 'unassigned' } },
  { id: 'createToken', method: 'post', path: '/tokens', summary: 'Create a token; its secret is shown once', roles: ['admin'], body: TokenBody, responses: { 201: { description: 'the token, with its secret', body: TokenMadeBody } } },
  { id: 'listTokens', method: 'get', path: '/tokens', summary: 'Tokens, without secrets or hashes', roles: ['admin'], responses: { 200: { description: 'tokens', body: TokensBody } } },
  { id: 'report', method: 'get', path: '/report', summary: 'The transparency report of a period that has ended', roles: ['viewer', 'admin'], query: ReportQuery, alsoAnswers: ['text/markdown', 'text/csv'], responses: { 200: 'the report: json, or text/markdown or text/csv as `format` asks' } },
  { id: 'revokeToken', method: 'delete', path: '/tokens/{id}', summary: 'Revoke a token', roles: ['admin'], responses: { 204: 'revoked', 404: 'no such live token' } },
];
