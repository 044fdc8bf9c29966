import { InputError } from '../../src/domain/InputError.ts';

/**
 * The `InputError` that `fn` throws; fails the test when it throws nothing or something else.
 *
 * @example
 * expect(inputErrorOf(() => parsePeriod('2026H3')).field).toBe('period');
 */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
