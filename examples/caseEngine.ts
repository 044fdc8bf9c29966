// Runs a subpoena as a real case in an SQLite file: events, a deadline fired by `tick`, a retried
// send that applies nothing twice, and the audit chain checked at the end.
// Run: npx tsx examples/caseEngine.ts [FILE]   (default: a new file in a temporary directory)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaseEngine, sqliteStore, verifyAudit } from '../src/index.ts';

const file = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), 'dueprocess-')), 'cases.db');
const store = sqliteStore(file);
const engine = createCaseEngine({ store, policy: 'cloudflare' });

const opened = await engine.open({
  kind: 'subpoena',
  receivedOn: '2026-03-02',
  account: 'customer-1001',
  requester: { name: 'US Attorney, N.D. Cal.', country: 'US' },
  target: { usPerson: true, residesInUS: true, residenceCountry: 'US' },
  categories: ['basicSubscriberInfo'],
});
const id = opened.id;
await engine.send(id, { type: 'review.completed', finding: 'sufficient' }, { on: '2026-03-04', idempotencyKey: 'review-1' });
await engine.send(id, { type: 'notice.sent' }, { on: '2026-03-05', idempotencyKey: 'notice-1' });
console.log('pending:', (await engine.get(id)).deadlines); // the user's 14-day objection window

const early = await engine.send(id, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] }, { on: '2026-03-10' });
console.log('disclose on 2026-03-10:', early.ok ? 'applied' : `refused, ${early.message}`);

console.log('deadlines fired by tick(2026-03-19):', await engine.tick('2026-03-19'));
const sent = await engine.send(id, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] }, { on: '2026-03-20', idempotencyKey: 'disclose-1' });
const retried = await engine.send(id, { type: 'data.disclosed', categories: ['basicSubscriberInfo'] }, { on: '2026-03-20', idempotencyKey: 'disclose-1' });
console.log('disclose on 2026-03-20:', sent, '· retried with the same key:', retried);

const view = await engine.get(id);
console.log(`case ${view.state}, notice ${view.notice}, disclosed ${view.disclosed.join(', ')}, version ${view.version}, ${view.history.length} events`);
console.log('audit:', await verifyAudit(store), 'in', file);
await store.close();
