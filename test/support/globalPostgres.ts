import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgresServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's PostgreSQL server; each test file makes its own database with `freshDatabase`. */
    postgresUrl: string;
  }
}

/** One throwaway PostgreSQL server on loopback for the whole test run, stopped when it ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres({ durable: false });
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
