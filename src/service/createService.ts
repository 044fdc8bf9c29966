import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fromZod, InputError } from '../domain/InputError.ts';
import { MachineThrew } from '../explore/machineThrew.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import type { CaseStore } from '../runtime/CaseStore.ts';
import { ConflictError } from '../runtime/ConflictError.ts';
import { type CaseEngine, createCaseEngine } from '../runtime/createCaseEngine.ts';
import { type Answer, type Call, handlers } from './handlers.ts';
import { openApiDocument } from './openApi.ts';
import { ROUTES, type RouteSpec } from './routes.ts';
import { type Principal, authenticate } from './tokens.ts';

export interface ServiceOptions {
  store: CaseStore;
  /** The policy a case is opened under when the request names none: a built-in id or one of `policies`. */
  policy: string;
  /** The provider's own policy profiles, by id, as `createCaseEngine` takes them. */
  policies?: Readonly<Record<string, ProviderPolicy>>;
  /** Today, as an ISO date; the UTC date when absent. */
  clock?: () => string;
  /** Let admins read cases not under secrecy, as viewers do; off by default. */
  adminReads?: boolean;
}

/** No request or event comes near this; a larger body is refused before it is read. */
const MAX_BODY_BYTES = 256 * 1024;

const utcToday = () => new Date().toISOString().slice(0, 10);

/** The JSON error body every failure uses. */
const failure = (c: Context, status: ContentfulStatusCode, error: Record<string, unknown>) => c.json({ error }, status);

function errorAnswer(c: Context, err: unknown) {
  // The case's machine is the service's own: its code failing is the service's fault, never the request's.
  if (err instanceof MachineThrew) {
    process.stderr.write(`dueprocess serve: a case's machine failed: ${err.message}\n`);
    return failure(c, 500, { reason: 'machineThrew', field: err.field, value: err.value ?? null, message: `the case's machine failed on this request, through no fault of it: ${err.problem}; nothing was applied`, fix: 'report it to the operators of this service with the field and value above; resending will fail the same way' });
  }
  if (err instanceof InputError) {
    const status = err.reason === 'unknownCase' || err.reason === 'unknownToken' ? 404 : err.reason === 'keyReused' ? 409 : 400;
    return failure(c, status, { reason: err.reason, field: err.field, value: err.value ?? null, message: err.message, fix: err.fix });
  }
  if (err instanceof ConflictError) return failure(c, 409, { reason: 'conflict', message: err.message, fix: 'read the case again and resend with its current version' });
  process.stderr.write(`dueprocess serve: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return failure(c, 500, { reason: 'internal', message: 'the service failed; nothing was applied', fix: 'retry; if it persists, see the service log' });
}

async function readBody(c: Context, spec: RouteSpec): Promise<unknown> {
  if (!spec.body) return undefined;
  const type = c.req.header('content-type');
  // Only JSON is read as JSON: a form post or plain text taken as JSON would say more than it meant.
  if (!/^application\/json\s*(;|$)/i.test(type ?? '')) {
    throw new InputError('invalid', 'Content-Type', type, 'is not application/json', 'send the body as JSON with Content-Type: application/json');
  }
  const text = await c.req.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError('badJson', 'body', text.slice(0, 200), 'is not JSON', 'send a JSON object with Content-Type: application/json');
  }
  const parsed = spec.body.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, raw, 'body');
  return parsed.data;
}

function readQuery(c: Context, spec: RouteSpec): unknown {
  const raw = c.req.query();
  if (!spec.query) return raw;
  const parsed = spec.query.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, raw, 'query');
  return parsed.data;
}

/**
 * The case service as a Hono app: every route of `ROUTES`, behind bearer tokens and roles, plus
 * `GET /openapi.json`. Serve it with `serveCases`, or call `app.request()` in-process.
 *
 * @example
 * const { app } = createService({ store: sqliteStore('cases.db'), policy: 'cloudflare' });
 * const res = await app.request('/cases', { headers: { authorization: `Bearer ${token}` } });
 */
export function createService(options: ServiceOptions): { app: Hono<{ Variables: { who: Principal } }>; engine: CaseEngine } {
  const { store, policy, policies } = options;
  const today = options.clock ?? utcToday;
  const engine = createCaseEngine({ store, policy, clock: today, ...(policies === undefined ? {} : { policies }) });
  const operations = handlers({ engine, store, today, policy, ...(policies === undefined ? {} : { policies }) });
  const app = new Hono<{ Variables: { who: Principal } }>();
  app.onError((err, c) => errorAnswer(c, err));
  app.notFound((c) => failure(c, 404, { reason: 'notFound', message: `no route ${c.req.method} ${c.req.path}`, fix: 'see GET /openapi.json' }));
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => failure(c, 413, { reason: 'tooLarge', field: 'body', message: `the body is over ${MAX_BODY_BYTES} bytes`, fix: 'send one request or event at a time' }),
    }),
  );
  app.use('*', async (c, next) => {
    const who = await authenticate(store, c.req.header('authorization'));
    if (!who) {
      c.header('WWW-Authenticate', 'Bearer');
      return failure(c, 401, { reason: 'unauthorized', message: 'no valid token', fix: 'send Authorization: Bearer <token>; an admin makes one with dueprocess token create' });
    }
    c.set('who', who);
    await next();
  });
  for (const spec of ROUTES) {
    const handle = operations[spec.id];
    if (!handle) throw new Error(`route ${spec.id} has no handler`);
    app.on(spec.method.toUpperCase(), spec.path.replace(/\{(\w+)\}/g, ':$1'), async (c) => {
      const signedIn = c.get('who');
      const reading = options.adminReads === true && signedIn.role === 'admin' && spec.method === 'get' && spec.roles.includes('viewer');
      const who = reading ? { ...signedIn, reads: true } : signedIn;
      if (!spec.roles.includes(who.role) && !reading) {
        return failure(c, 403, { reason: 'forbidden', message: `${who.role} tokens may not use ${spec.method.toUpperCase()} ${spec.path} (${spec.summary})`, fix: `use a token of role ${spec.roles.join(' or ')}` });
      }
      const idempotencyKey = c.req.header('idempotency-key');
      if (idempotencyKey === '') throw new InputError('invalid', 'Idempotency-Key', idempotencyKey, 'is empty', 'send a key of 1 to 200 characters, or no Idempotency-Key header');
      const call: Call = { who, params: c.req.param() as Record<string, string>, query: readQuery(c, spec), body: await readBody(c, spec), headers: idempotencyKey === undefined ? {} : { idempotencyKey } };
      const answer: Answer = await handle(call);
      if (answer.status === 204) return c.body(null, 204);
      if (answer.text) return c.body(answer.text.body, answer.status, { 'content-type': answer.text.type });
      return c.json(answer.body, answer.status);
    });
  }
  return { app, engine };
}
