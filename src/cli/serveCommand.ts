import { existsSync, rmSync } from 'node:fs';
import { IsoDate } from '../domain/date.ts';
import { fromZod, InputError } from '../domain/InputError.ts';
import { maskedDb, openCaseStore } from '../runtime/openCaseStore.ts';
import { serveCases } from '../service/serveCases.ts';
import { checkHost, hostError } from './checkHost.ts';
import { onPort, parsePort } from './inspectCommand.ts';
import { policyOption } from './policyOption.ts';
import { parseOptions } from './parseOptions.ts';

const USAGE = 'dueprocess serve [--db FILE|URL] [--port N] [--host 127.0.0.1] [--policy NAME|FILE] [--tick-seconds N] [--today YYYY-MM-DD] [--admin-reads]';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * `dueprocess serve`: the case service over HTTP, with its deadline scheduler, until SIGINT or
 * SIGTERM. `--policy` names a built-in profile or a policy JSON file, read as `check` and
 * `simulate` read one; a file's policy is registered by its id and is the default.
 */
export async function serveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, policy: { type: 'string' }, 'tick-seconds': { type: 'string' }, today: { type: 'string' }, 'admin-reads': { type: 'boolean' } },
    USAGE,
  );
  if (positionals.length) throw new InputError('usage', 'arguments', positionals.join(' '), 'serve takes no positional arguments', `usage: ${USAGE}`);
  const { policy, policies } = policyOption(values.policy ?? 'cloudflare');
  const seconds = values['tick-seconds'] === undefined ? 60 : Number(values['tick-seconds']);
  if (!(Number.isInteger(seconds) && seconds >= 1 && seconds <= 86_400)) throw new InputError('invalid', '--tick-seconds', values['tick-seconds'], 'is not a whole number of seconds from 1 to 86400', 'give how often deadlines are fired, like --tick-seconds 60');
  let clock: (() => string) | undefined;
  if (values.today !== undefined) {
    const today = IsoDate.safeParse(values.today);
    if (!today.success) throw fromZod(today.error, values.today, '--today');
    clock = () => today.data;
  }
  const port = parsePort(values.port);
  const host = values.host ?? '127.0.0.1';
  await checkHost(host);
  const db = values.db ?? 'cases.db';
  const fresh = !existsSync(db);
  const store = await openCaseStore(db, { field: '--db' });
  const service = await onPort(port, () => serveCases({ store, policy, policies, port, host, tickEveryMs: seconds * 1000, adminReads: values['admin-reads'] === true, ...(clock ? { clock } : {}) })).catch(async (error: unknown) => {
    await store.close();
    // A database made for a service that never started is left behind for no one.
    if (fresh) for (const file of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) rmSync(file, { force: true });
    throw hostError(error, host);
  });
  console.log(`dueprocess serve: listening on ${service.url} (cases in ${maskedDb(db)}, policy ${policy}; OpenAPI at ${service.url}/openapi.json)`);
  if (!LOOPBACK.has(host)) console.log('dueprocess serve: not on loopback; put TLS in front of it, tokens travel in headers');
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await service.close();
  await store.close();
  console.log(`dueprocess serve: stopped (${signal})`);
  return 0;
}
