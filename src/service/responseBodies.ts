import { z } from 'zod';
import { IsoDate } from '../domain/date.ts';
import { Observation } from '../scenarios/Observation.ts';
import { Role } from './tokens.ts';

const AnEvent = z.object({ type: z.string() }).loose().describe('a vocabulary event, payload included');

/** A pending deadline as a case describes it. */
const CaseDeadlineBody = z
  .object({
    name: z.string().describe('the delay’s name'),
    due: IsoDate.describe('the day at whose end it passes'),
    state: z.string().optional().describe('the state whose timer it is'),
    leadsTo: z.string().optional().describe('the state it leads to; guarded alternatives joined by " or "'),
    setBy: z.enum(['law', 'policy', 'case']).optional().describe('who sets its length'),
    overdue: z.literal(true).optional().describe('its day ended before today and no tick has fired it'),
  })
  .strict();

/** `GET /cases/{id}` and `POST /cases`: the engine's `CaseView`. */
export const CaseViewBody = z
  .object({
    ...Observation.shape,
    id: z.string(),
    kind: z.string(),
    policy: z.string(),
    state: z.string().describe('the active states, joined by " · "'),
    closed: z.boolean().describe('the work is over: an outcome, nothing pending, due, deferred or overdue'),
    version: z.number().int().positive(),
    machineVersion: z.string(),
    request: z.unknown().describe('the request the case was opened with, as validated'),
    history: z.array(z.object({ seq: z.number().int(), on: IsoDate, event: AnEvent }).strict()),
    takesEventsFrom: IsoDate.describe('the earliest date an event may carry'),
    passed: z.array(z.object({ name: z.string(), due: IsoDate }).strict()).describe('deadlines that have passed, in the order they fired'),
    deadlines: z.array(CaseDeadlineBody).describe('pending deadlines, by due date then name'),
    couldTake: z.array(AnEvent).describe('the concrete events the case would take today, guards evaluated'),
  })
  .strict();

/** `POST /cases/{id}/events`, applied. */
export const SentBody = z.object({ ok: z.literal(true), version: z.number().int().positive(), state: z.string() }).strict();

/** `GET /cases`: a page of summaries; an admin sees who is assigned instead of what the case holds. */
export const CasePageBody = z
  .object({
    cases: z.array(
      z.union([
        z.object({ id: z.string(), kind: z.string(), policy: z.string(), receivedOn: IsoDate, createdAt: IsoDate, closed: z.boolean(), secrecy: z.boolean(), version: z.number().int() }).strict(),
        z.object({ id: z.string(), kind: z.string(), createdAt: IsoDate, closed: z.boolean(), counsel: z.array(z.string()) }).strict(),
      ]),
    ),
    next: z.string().nullable().describe('the cursor of the next page; null on the last'),
  })
  .strict();

/** `GET /cases/{id}/audit`. */
export const AuditBody = z.object({ entries: z.array(z.object({ n: z.number().int().positive(), entry: z.record(z.string(), z.unknown()) }).strict()) }).strict();

/** `GET /deadlines`. */
export const DeadlinesBody = z
  .object({
    until: IsoDate,
    deadlines: z.array(z.object({ ...CaseDeadlineBody.shape, caseId: z.string(), event: z.string(), startedOn: IsoDate }).strict()),
  })
  .strict();

const TokenSummary = { id: z.string(), name: z.string(), role: Role };

/** `POST /tokens`: the secret, shown once. */
export const TokenMadeBody = z.object({ ...TokenSummary, token: z.string().describe('send it as Authorization: Bearer <token>; it is not shown again') }).strict();

/** `GET /tokens`. */
export const TokensBody = z.object({ tokens: z.array(z.object({ ...TokenSummary, createdAt: IsoDate, revokedAt: IsoDate.nullable() }).strict()) }).strict();
