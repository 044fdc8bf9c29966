import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../domain/InputError.ts';

/**
 * Checks, without creating anything, that the option `field` names a directory that can be
 * written to or created: not empty, not a file, under no file, and writable where it or its
 * nearest existing parent is; and that none of `files`, the names to be written in it, is a
 * folder there (a write would fail half-way). Each is an `InputError` naming the option.
 *
 * @example
 * checkOutputDir(values.out, '--out', ['index.html']); // then mkdirSync(values.out, { recursive: true })
 */
export function checkOutputDir(dir: string, field: string, files: readonly string[] = []): void {
  if (dir.trim() === '') throw new InputError('usage', field, dir, 'is empty', 'give the path of the directory to write to');
  let existing = resolve(dir);
  while (!existsSync(existing)) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) {
    const where = existing === resolve(dir) ? 'is a file, not a directory' : `is under ${existing}, which is a file, not a directory`;
    throw new InputError('unreadableFile', field, dir, where, 'give a directory, or a path where one can be created');
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new InputError('unreadableFile', field, dir, existing === resolve(dir) ? 'is not writable' : `cannot be created in ${existing}, which is not writable`, 'give a directory you can write to');
  }
  const folder = files.find((f) => existsSync(join(dir, f)) && !statSync(join(dir, f)).isFile());
  if (folder !== undefined) throw new InputError('unreadableFile', field, join(dir, folder), 'is a folder where a file is to be written, so nothing was written', 'move the folder away, or write to another directory');
}
