/**
 * Ids made safe for a diagram language by `sanitize`, kept distinct: when two ids sanitize to the
 * same text, the later one gets a numeric suffix.
 *
 * @example
 * safeIds(['a.b', 'a_b'], (id) => id.replace(/\W/g, '_')) // Map { 'a.b' => 'a_b', 'a_b' => 'a_b_2' }
 */
export function safeIds(ids: readonly string[], sanitize: (id: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    const base = sanitize(id);
    let safe = base;
    for (let n = 2; taken.has(safe); n++) safe = `${base}_${n}`;
    taken.add(safe);
    out.set(id, safe);
  }
  return out;
}
