/**
 * A count and its noun, singular for one: `1 test file`, `2 test files`.
 *
 * @example
 * plural(1, 'test file'); // '1 test file'
 * plural(0, 'scenario'); // '0 scenarios'
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
