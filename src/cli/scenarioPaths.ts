import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../domain/InputError.ts';
import { SCHEMA_FILE } from '../scenarios/scenarioFiles.ts';

/**
 * The scenario files in `--dir`, sorted: its `.json` files but the JSON Schema. A directory that
 * does not exist, or a path that is not one, is an `InputError` naming `--dir`.
 *
 * @example
 * scenarioPaths('scenarios'); // ['scenarios/abuseComplaint.cloudflare.json', …]
 */
export function scenarioPaths(dir: string): string[] {
  if (dir.trim() === '' || !existsSync(dir)) throw new InputError('unreadableFile', '--dir', dir, dir.trim() === '' ? 'is empty' : 'does not exist', 'run `dueprocess scenarios` first, or give the directory that holds the scenario files');
  if (!statSync(dir).isDirectory()) throw new InputError('unreadableFile', '--dir', dir, 'is a file, not a directory', 'give the directory that holds the scenario files, like scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
    .sort()
    .map((f) => join(dir, f));
}
