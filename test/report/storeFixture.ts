import { findKind } from '../../machines/catalogue.ts';
import { sharedCategories } from '../../src/domain/categories.ts';
import { POLICIES } from '../../src/policy/loadPolicy.ts';
import type { VocabularyEvent } from '../../src/domain/events.ts';
import type { ProviderPolicy } from '../../src/domain/policy.ts';
import type { CaseStore } from '../../src/runtime/CaseStore.ts';
import { createCaseEngine } from '../../src/runtime/createCaseEngine.ts';

type Dated = [on: string, event: VocabularyEvent];

/** A catalogue sample request of `kind` (its `inputs[index]`), received on `receivedOn` for `account`. */
export function sampleRequest(kind: string, index: number, receivedOn: string, account: string, more: object = {}): object {
  const input = findKind(kind)?.inputs[index]?.input;
  if (!input) throw new Error(`no sample ${index} for ${kind}`);
  return { ...input, receivedOn, account, ...more };
}

const REVIEWED: VocabularyEvent = { type: 'review.completed', finding: 'sufficient' };
const BSI: VocabularyEvent = { type: 'data.disclosed', categories: ['basicSubscriberInfo'] };

/**
 * The cases of the end-to-end report tests, by id: what each is opened with and the dated events
 * sent to it. Cloudflare policy; all received in 2026H1 except `late`.
 */
export const SEEDED: Record<string, { request: object; events: Dated[] }> = {
  full: { request: sampleRequest('subpoena', 0, '2026-02-02', 'acct-1'), events: [['2026-02-02', REVIEWED], ['2026-02-03', { type: 'notice.sent' }], ['2026-02-20', BSI]] },
  part: { request: sampleRequest('subpoena', 2, '2026-02-10', 'acct-2'), events: [['2026-02-10', REVIEWED], ['2026-02-11', { type: 'notice.sent' }], ['2026-03-01', BSI]] },
  refused: { request: sampleRequest('subpoena', 0, '2026-03-01', 'acct-1'), events: [['2026-03-02', { type: 'request.refused', ground: 'process defective' }]] },
  withdrawn: { request: sampleRequest('courtOrder', 0, '2026-03-05', 'acct-3'), events: [['2026-03-06', { type: 'request.withdrawn' }]] },
  gaggedWarrant: { request: sampleRequest('searchWarrant', 0, '2026-04-01', 'acct-4', { secrecyOrder: { days: 30 } }), events: [] },
  emergencyDisclosed: {
    request: sampleRequest('emergency', 0, '2026-04-10', 'acct-5'),
    events: [['2026-04-10', { type: 'request.verified', authentic: true }], ['2026-04-10', { type: 'emergency.assessed', criterion: 'deathOrSeriousInjury' }], ['2026-04-10', { type: 'data.disclosed', categories: ['basicSubscriberInfo', 'content'] }]],
  },
  emergencyRefused: { request: sampleRequest('emergency', 0, '2026-04-11', 'acct-6'), events: [['2026-04-11', { type: 'request.verified', authentic: true }], ['2026-04-11', { type: 'emergency.assessed', criterion: null }]] },
  preservation: { request: sampleRequest('preservation', 0, '2026-05-01', 'acct-7'), events: [['2026-05-10', { type: 'process.received' }]] },
  nslLifted: { request: sampleRequest('nationalSecurityLetter', 0, '2026-03-01', 'ns-1'), events: [['2027-01-10', { type: 'secrecy.lifted', reason: 'lifted' }]] },
  nslGagged: { request: sampleRequest('nationalSecurityLetter', 0, '2026-03-15', 'ns-2'), events: [] },
  fisa: { request: sampleRequest('fisaOrder', 0, '2026-04-01', 'ns-3'), events: [] },
  late: { request: sampleRequest('subpoena', 0, '2026-07-10', 'acct-8'), events: [] },
};

/** Opens every `SEEDED` case in `store` through the engine, sends its events, and fires deadlines to 2027-01-15. */
export async function seedCases(store: CaseStore, policy = 'cloudflare', policies: Readonly<Record<string, ProviderPolicy>> = {}): Promise<void> {
  const engine = createCaseEngine({ store, policy, policies, clock: () => '2027-01-15' });
  for (const [id, { request }] of Object.entries(SEEDED)) await engine.open(request, { id });
  const events = Object.entries(SEEDED).flatMap(([id, c]) => c.events.map(([on, event]) => ({ id, on, event }))).sort((a, b) => a.on.localeCompare(b.on));
  // A provider's emergency policy may narrow what goes out (Let's Encrypt: account-recovery information only).
  const covered = ({ ...POLICIES, ...policies } as Record<string, ProviderPolicy | undefined>)[policy]?.versions.at(-1)?.emergency.discloses;
  for (const { id, on, event: given } of events) {
    const event = covered && (SEEDED[id]?.request as { kind?: string } | undefined)?.kind === 'emergency' && given.type === 'data.disclosed' ? { ...given, categories: sharedCategories(given.categories, covered) } : given;
    const sent = await engine.send(id, event, { on });
    if (!sent.ok) throw new Error(`${id}: ${sent.message}`);
  }
  await engine.tick('2027-01-15');
}
