import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A PostgreSQL server for tests and benchmarks: its URL, and how to stop it. */
export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`PostgreSQL is not installed (no ${root}/*/bin/initdb): run scripts/test-packages.sh, or set DUEPROCESS_PG_URL to a server of your own`);
  return join(root, newest, 'bin');
}

/**
 * Starts a throwaway PostgreSQL cluster listening on 127.0.0.1 only, in a temporary directory, or
 * uses `DUEPROCESS_PG_URL` when set. As root, the server runs as the `postgres` user (initdb refuses
 * root). `durable: false` turns off fsync, for tests that never crash the server.
 *
 * @example
 * const server = await startPostgres();
 * const store = await postgresStore(await freshDatabase(server.url));
 */
export async function startPostgres({ durable = true } = {}): Promise<PostgresServer> {
  const given = process.env['DUEPROCESS_PG_URL'];
  if (given) return { url: given, stop: async () => undefined };
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'dueprocess-pg-'));
  const asRoot = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) => (asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' }));
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const data = join(dir, 'data');
  as(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200${durable ? '' : ' -c fsync=off -c synchronous_commit=off'}`;
  as(join(bin, 'pg_ctl'), ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/**
 * Creates an empty database on the server and returns its URL.
 *
 * @example
 * const url = await freshDatabase('postgres://postgres@127.0.0.1:5432/postgres');
 */
export async function freshDatabase(serverUrl: string): Promise<string> {
  const name = `dueprocess_${process.pid}_${Date.now()}_${counter++}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Drops databases `freshDatabase` made, even with connections still open.
 *
 * @example
 * await dropDatabases(serverUrl, ['dueprocess_1_2_0']);
 */
export async function dropDatabases(serverUrl: string, names: readonly string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
