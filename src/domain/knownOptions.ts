import { didYouMean } from './didYouMean.ts';
import { InputError } from './InputError.ts';

/**
 * Refuses an options object that is not an object, or that holds a key `names` does not list: a
 * misspelt option would otherwise be ignored and its default used in silence (an event stored
 * on today's date instead of the one meant). `where` names the options in the error
 * (`send options`); undefined passes.
 *
 * @example
 * knownOptions({ date: '2026-03-02' }, ['on', 'by'], 'send options'); // throws: send options.date: is not an option …
 */
export function knownOptions(options: unknown, names: readonly string[], where: string): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InputError('invalid', where, options, 'is not an object of options', `give an object with some of ${names.join(', ')}, or leave it out`);
  }
  for (const key of Object.keys(options)) {
    if (names.includes(key)) continue;
    const meant = didYouMean(key, names);
    throw new InputError('invalid', `${where}.${key}`, (options as Record<string, unknown>)[key], 'is not an option here, so it would be ignored', `${meant ? `did you mean "${meant}"? ` : ''}the options are ${names.join(', ')}`);
  }
}
