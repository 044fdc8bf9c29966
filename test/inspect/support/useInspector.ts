import { afterAll, beforeAll } from 'vitest';
import { type Inspector, startInspector } from '../../../src/inspect/inspectorServer.ts';

/** How long, and how often, a test waits for the inspector to catch up. */
export const WAIT = { timeout: 15_000, interval: 20 };

/** Starts an inspector on a free loopback port for the file's tests and closes it after; call the result for it. */
export function useInspector(): () => Inspector {
  let inspector: Inspector | undefined;
  beforeAll(async () => {
    inspector = await startInspector();
  }, 60_000);
  afterAll(async () => {
    await inspector?.close();
  });
  return () => {
    if (!inspector) throw new Error('the inspector has not started yet');
    return inspector;
  };
}
