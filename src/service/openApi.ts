import { z } from 'zod';
import { IdempotencyKey, ROUTES } from './routes.ts';

const ERROR = {
  description: 'an error: which field, what value, how to fix it',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['reason', 'message'],
            properties: {
              reason: { type: 'string' },
              field: { type: 'string' },
              value: {},
              message: { type: 'string' },
              fix: { type: 'string' },
              allowed: { type: 'array', items: { type: 'string' }, description: 'a refused event: the event types the case’s state listens for, guards not evaluated' },
              couldTake: { type: 'array', items: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } }, description: 'a refused event: the concrete events, payloads included, the case would take on that day (today when the date went back), guards evaluated' },
            },
          },
        },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', in: 'header', required: false, schema: jsonSchema(IdempotencyKey), description: 'a retry with the same key (the caller’s own) returns the first answer and applies nothing' };

/** A success answer: its JSON body's schema when the route gives one, and any other media types it answers in. */
function success(code: number, answer: string | { description: string; body: z.ZodType }, also: readonly string[] = []) {
  const { description, body } = typeof answer === 'string' ? { description: answer, body: undefined } : answer;
  if (code === 204) return { description };
  const others = Object.fromEntries(also.map((type) => [type, { schema: { type: 'string' } }]));
  return { description, content: { 'application/json': body ? { schema: jsonSchema(body, 'output') } : {}, ...others } };
}

/**
 * The OpenAPI 3.1 document of the case service, generated from the same route table and zod
 * schemas the server validates with, so the two cannot drift.
 *
 * @example
 * openApiDocument().paths['/cases/{id}/events'].post.requestBody
 */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const parameters = [
      ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries((route.query ? (jsonSchema(route.query)['properties'] as Record<string, unknown>) : undefined) ?? {}).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
      ...(route.idempotencyHeader ? [IDEMPOTENCY_HEADER] : []),
    ];
    const responses: Record<string, unknown> = Object.fromEntries(
      Object.entries(route.responses).map(([code, answer]) => [code, Number(code) >= 400 ? { ...ERROR, description: typeof answer === 'string' ? answer : answer.description } : success(Number(code), answer, route.alsoAnswers)]),
    );
    for (const [code, description] of [
      ['400', 'invalid input: the field, the value and the fix'],
      ['401', 'no valid token'],
      ['403', 'the token’s role may not do this'],
      ...(route.body ? ([['413', 'the body is over 256 KiB']] as const) : []),
      ['500', 'the service failed (`internal`), or a case’s machine did (`machineThrew`, naming the state and the event); nothing was applied'],
    ] as const) {
      responses[code] ??= { ...ERROR, description };
    }
    (paths[route.path] ??= {})[route.method] = {
      operationId: route.id,
      summary: route.summary,
      description: `Roles: ${route.roles.join(', ')}.`,
      parameters,
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'dueprocess case service', version: '1', description: 'Cases for demands for user data, their deadlines and audit trail, behind bearer tokens and secrecy compartments.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
