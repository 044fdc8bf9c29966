import { InputError } from '../domain/InputError.ts';
import { openCaseStore } from '../runtime/openCaseStore.ts';
import { createToken, tokenInput } from '../service/tokens.ts';
import { parseOptions } from './parseOptions.ts';

const USAGE = 'dueprocess token create --role viewer|counsel|admin --name NAME [--db FILE|URL] · token list [--db] · token revoke ID [--db]';

/** `dueprocess token create|list|revoke`: the case service's access tokens, kept hashed in the case database. */
export async function tokenCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { db: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } }, USAGE);
  const [sub, ...rest] = positionals;
  const shape = { create: 0, list: 0, revoke: 1 } as Record<string, number>;
  if (sub === undefined || shape[sub] === undefined || rest.length !== shape[sub]) throw new InputError('usage', 'subcommand', positionals.join(' '), 'is not a token subcommand', `usage: ${USAGE}`);
  if (sub === 'create' && (values.role === undefined || values.name === undefined)) throw new InputError('usage', values.role === undefined ? '--role' : '--name', undefined, 'is required', `usage: ${USAGE}`);
  if (sub === 'create') tokenInput({ role: values.role, name: values.name });
  const store = await openCaseStore(values.db ?? 'cases.db', { field: '--db', mustExist: sub !== 'create' });
  const today = new Date().toISOString().slice(0, 10);
  try {
    if (sub === 'create') {
      const made = await createToken(store, { role: values.role, name: values.name }, today);
      console.log(`token ${made.id} for ${made.name} (${made.role}); shown once, keep it secret:`);
      console.log(made.token);
    } else if (sub === 'list') {
      for (const t of await store.transaction((tx) => tx.tokens())) console.log(`${t.id}  ${t.role.padEnd(7)}  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`);
    } else {
      const id = rest[0] as string;
      if (!(await store.transaction((tx) => tx.revokeToken(id, today)))) throw new InputError('unknownToken', 'id', id, 'is not a live token', 'see dueprocess token list');
      console.log(`token ${id} revoked`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
