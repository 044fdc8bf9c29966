/**
 * The active leaf states of an XState state value as dotted paths: a string is a leaf, an object
 * maps each region to its child value.
 *
 * @example
 * activeStatePaths({ process: 'review', notice: { pending: 'waiting' } }) // ['process.review', 'notice.pending.waiting']
 */
export function activeStatePaths(value: unknown, prefix = ''): string[] {
  const join = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (typeof value === 'string') return [join(value)];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    child !== null && typeof child === 'object' && Object.keys(child).length === 0 ? [join(key)] : activeStatePaths(child, join(key)),
  );
}
