import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { dayNumber, isoDate } from '../domain/date.ts';
import type { ProviderPolicy } from '../domain/policy.ts';
import type { CaseStore } from '../runtime/CaseStore.ts';
import { createService } from './createService.ts';

export interface ServeOptions {
  store: CaseStore;
  /** The policy a case is opened under when the request names none: a built-in id or one of `policies`. */
  policy: string;
  /** The provider's own policy profiles, by id, as `createCaseEngine` takes them. */
  policies?: Readonly<Record<string, ProviderPolicy>>;
  port?: number;
  host?: string;
  clock?: () => string;
  /** Let admins read cases not under secrecy, as viewers do; off by default. */
  adminReads?: boolean;
  /** How often the scheduler fires due deadlines; 60 s when absent. */
  tickEveryMs?: number;
  /** Where the scheduler reports what it fired and what failed; stderr when absent. */
  log?: (line: string) => void;
}

/** A running case service. */
export interface RunningService {
  url: string;
  /** Fires every deadline due by yesterday now, as the scheduler does; returns how many fired. */
  tick(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Serves the case service over HTTP and runs its scheduler: due deadlines fire once it listens
 * (requests wait for that first round), then every `tickEveryMs`. A deadline due on a day passes at that day's end, so the scheduler ends
 * yesterday, never today: events dated today are still taken. A failed tick is logged and
 * retried at the next one; the deadlines it did not fire stay due.
 *
 * @example
 * const service = await serveCases({ store: sqliteStore('cases.db'), policy: 'cloudflare', port: 8080 });
 * console.log(service.url); // http://127.0.0.1:8080
 */
export async function serveCases(options: ServeOptions): Promise<RunningService> {
  const { app, engine } = createService(options);
  const today = options.clock ?? (() => new Date().toISOString().slice(0, 10));
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  let ticking: Promise<number> = Promise.resolve(0);
  const tick = () => {
    ticking = ticking.then(async () => {
      try {
        const ended = isoDate(dayNumber(today()) - 1);
        const fired = await engine.tick(ended);
        if (fired > 0) log(`fired ${fired} deadline(s) due by ${ended}`);
        return fired;
      } catch (error) {
        log(`tick failed, will retry: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      }
    });
    return ticking;
  };
  const host = options.host ?? '127.0.0.1';
  // The port is bound before anything is fired, so a start that cannot listen changes no case;
  // a request that comes before the first tick is done waits for it.
  let opened = () => {};
  const firstTick = new Promise<void>((resolve) => (opened = resolve));
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: async (request, env) => (await firstTick, app.fetch(request, env)), port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  await tick();
  opened();
  const timer = setInterval(() => void tick(), options.tickEveryMs ?? 60_000);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    tick,
    close: async () => {
      clearInterval(timer);
      await ticking;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
