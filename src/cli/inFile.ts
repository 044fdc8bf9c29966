import { InputError } from '../domain/InputError.ts';

/**
 * `run`, with an `InputError`'s field named inside the file it came from, for commands that read
 * several files.
 *
 * @example
 * inFile('scenarios/subpoena.cloudflare.json', () => scenarioRequests(file)); // field 'scenarios/subpoena.cloudflare.json: scenarios[0].request.receivedOn'
 */
export function inFile<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.reason, `${path}: ${e.field}`, e.value, e.problem, e.fix);
    throw e;
  }
}
