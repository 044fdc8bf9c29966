import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { openApiDocument } from '../../src/service/openApi.ts';
import { ROUTES } from '../../src/service/routes.ts';
import { type Harness, STORES, requestOf, startHarness } from './support/serviceHarness.ts';

/** The schema a route's OpenAPI document gives its answer with `status`. */
const schemaOf = (id: string, status: number): z.ZodType => {
  const answer = ROUTES.find((r) => r.id === id)?.responses[status];
  if (!answer || typeof answer === 'string') throw new Error(`${id} ${status} has no body schema`);
  return answer.body;
};

/** The documented schemas are held to what the service answers, strictly: a field added or renamed on either side fails. */
describe.each(STORES)('the answers the OpenAPI document describes, on %s', (_name, makeStore) => {
  let h: Harness;
  afterEach(() => h.stop());

  it('every documented success body parses with its strict schema', async () => {
    h = await startHarness(makeStore, '2026-03-10');
    const check = (id: string, status: number, res: { status: number; body: unknown }) => {
      expect(res.status, `${id} answered ${JSON.stringify(res.body)}`).toBe(status);
      const parsed = schemaOf(id, status).safeParse(res.body);
      expect(parsed.success ? [] : parsed.error.issues, id).toEqual([]);
    };
    const opened = await h.call('alice', 'POST', '/cases', { request: requestOf('nationalSecurityLetter', '2026-02-02', { secrecyCertified: true }) }, { 'idempotency-key': 'o-1' });
    check('openCase', 201, opened);
    check('openCase', 200, await h.call('alice', 'POST', '/cases', { request: requestOf('nationalSecurityLetter', '2026-02-02', { secrecyCertified: true }) }, { 'idempotency-key': 'o-1' }));
    const id = (opened.body as { id: string }).id;
    check('sendEvent', 200, await h.call('alice', 'POST', `/cases/${id}/events`, { event: { type: 'review.completed', finding: 'sufficient' }, on: '2026-02-03' }));
    check('getCase', 200, await h.call('alice', 'GET', `/cases/${id}`));
    check('listCases', 200, await h.call('alice', 'GET', '/cases'));
    check('listCases', 200, await h.call('ada', 'GET', '/cases'));
    check('caseAudit', 200, await h.call('alice', 'GET', `/cases/${id}/audit`));
    const deadlines = await h.call('alice', 'GET', '/deadlines?until=2027-01-01');
    expect((deadlines.body as { deadlines: unknown[] }).deadlines.length).toBeGreaterThan(0);
    check('listDeadlines', 200, deadlines);
    check('createToken', 201, await h.call('ada', 'POST', '/tokens', { role: 'viewer', name: 'dora' }));
    check('listTokens', 200, await h.call('ada', 'GET', '/tokens'));
  });
});

describe('the OpenAPI document', () => {
  it('the document gives those schemas, the Idempotency-Key header and the report’s other media types', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, { content?: Record<string, { schema?: { properties?: object } }> }> }>> };
    expect(Object.keys(doc.paths['/cases/{id}']?.['get']?.responses['200']?.content?.['application/json']?.schema?.properties ?? {})).toContain('takesEventsFrom');
    expect(doc.paths['/cases']?.['post']?.parameters.map((p) => p.name)).toContain('Idempotency-Key');
    expect(doc.paths['/cases/{id}/events']?.['post']?.parameters.map((p) => p.name)).toContain('Idempotency-Key');
    expect(Object.keys(doc.paths['/report']?.['get']?.responses['200']?.content ?? {})).toEqual(['application/json', 'text/markdown', 'text/csv']);
  });
});
