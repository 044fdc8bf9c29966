// Replays a dated subpoena case through the catalogue, under the policy in force on its date.
import { cloudflare, describeStep, findKind, policyVersionAt, replay } from '../src/index.ts';

const entry = findKind('subpoena');
if (!entry) throw new Error('no subpoena kind');

const request = entry.requestSchema.parse({
  kind: 'subpoena',
  receivedOn: '2026-03-02',
  account: 'customer-1001',
  requester: { name: 'US Attorney, N.D. Cal.', country: 'US' },
  target: { usPerson: true, residesInUS: true, residenceCountry: 'US' },
  categories: ['basicSubscriberInfo'],
});

const { run, rejected } = replay(entry, policyVersionAt(cloudflare, request.receivedOn), request, [
  { day: 2, event: { type: 'review.completed', finding: 'sufficient' } },
  { day: 3, event: { type: 'notice.sent' } },
  { day: 10, event: { type: 'data.disclosed', categories: ['basicSubscriberInfo'] } }, // refused: the user still has time to object
]);

for (const step of run.steps) {
  const view = describeStep(step, 0);
  console.log(`day ${view.day}: ${view.trigger} → notice ${view.notice}`);
}
console.log(rejected ? `refused on day ${rejected.day}: ${rejected.rejection.message}` : 'all events applied');
