// (e) The durable case engine on SQLite (a temporary file) and on PostgreSQL (a throwaway local
// cluster, fsync on): events applied per second against raw SQL writing the same rows, and the
// cost of `due` / `tick` among many pending deadlines. Sizes: EVENT_CASES, PENDING, DAYS.
import { startPostgres } from '../test/support/postgresServer.ts';
import { eventsPerSecond } from './runtimeEvents.ts';
import { type BenchBackend, postgresBackend, sqliteBackend } from './runtimeStores.ts';
import { tickCost } from './runtimeTick.ts';

async function on(backend: BenchBackend): Promise<boolean> {
  try {
    const events = await eventsPerSecond(backend);
    const tick = await tickCost(backend);
    return events && tick;
  } finally {
    await backend.dispose();
  }
}

/** Returns false when, on either store, the engine and its baseline disagree. */
export async function runtime(): Promise<boolean> {
  const sqlite = await on(sqliteBackend());
  const server = await startPostgres({ durable: true });
  try {
    return (await on(postgresBackend(server.url))) && sqlite;
  } finally {
    await server.stop();
  }
}
