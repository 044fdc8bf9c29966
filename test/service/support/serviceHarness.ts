import { inject } from 'vitest';
import { findKind } from '../../../machines/catalogue.ts';
import type { CaseStore } from '../../../src/runtime/CaseStore.ts';
import { postgresStore } from '../../../src/runtime/postgresStore.ts';
import { sqliteStore } from '../../../src/runtime/sqliteStore.ts';
import { type RunningService, serveCases } from '../../../src/service/serveCases.ts';
import { createToken } from '../../../src/service/tokens.ts';
import { freshDatabase } from '../../support/postgresServer.ts';

/** The two stores the service runs on in tests. */
export const STORES: [string, () => Promise<CaseStore>][] = [
  ['SQLite', async () => sqliteStore(':memory:')],
  ['PostgreSQL', async () => postgresStore(await freshDatabase(inject('postgresUrl')))],
];

/** A running service on loopback with a movable clock and a token per person, spoken to over real HTTP. */
export interface Harness {
  service: RunningService;
  store: CaseStore;
  /** Moves the service's today. */
  setToday(day: string): void;
  tokens: Record<string, string>;
  call(who: string | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown; text: string }>;
  stop(): Promise<void>;
}

export const PEOPLE = { alice: 'counsel', bob: 'counsel', vic: 'viewer', ada: 'admin' } as const;

/**
 * Starts the service on a fresh store, with tokens for alice and bob (counsel), vic (viewer) and
 * ada (admin), and `today` as its clock.
 *
 * @example
 * const h = await startHarness(STORES[0][1], '2026-03-01');
 * await h.call('alice', 'GET', '/cases');
 */
export async function startHarness(makeStore: () => Promise<CaseStore>, today: string, tickEveryMs = 60_000, adminReads = false): Promise<Harness> {
  const store = await makeStore();
  let day = today;
  const tokens: Record<string, string> = {};
  for (const [name, role] of Object.entries(PEOPLE)) tokens[name] = (await createToken(store, { role, name }, today)).token;
  const service = await serveCases({ store, policy: 'cloudflare', clock: () => day, tickEveryMs, adminReads, log: () => undefined });
  const harness: Harness = {
    service,
    store,
    tokens,
    setToday: (d) => void (day = d),
    async call(who, method, path, body, headers = {}) {
      const res = await fetch(`${harness.service.url}${path}`, {
        method,
        headers: { ...(who ? { authorization: `Bearer ${tokens[who] ?? who}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      return { status: res.status, body: parsed, text };
    },
    async stop() {
      await harness.service.close();
      await store.close();
    },
  };
  return harness;
}

/** A catalogue request of `kind`, received on `receivedOn`, for `account`. */
export function requestOf(kind: string, receivedOn: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const input = findKind(kind)?.inputs[0]?.input as Record<string, unknown> | undefined;
  if (!input) throw new Error(`no kind ${kind}`);
  return { ...input, receivedOn, ...extra };
}
