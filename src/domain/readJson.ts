import { readFileSync } from 'node:fs';
import { InputError } from './InputError.ts';

/** Reads and parses a JSON file, naming the file and the fault when it cannot. */
export function readJson(path: string, field: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError('unreadableFile', field, path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'give the path of an existing JSON file');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError('badJson', field, path, `is not valid JSON: ${(e as Error).message}`, 'fix the JSON syntax in that file');
  }
}
