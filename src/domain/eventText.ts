/**
 * An event as a line of a dated story: its type, then its payload fields, if any.
 *
 * @example
 * eventText({ type: 'challenge.filed', route: 'reciprocalNotice' }); // 'challenge.filed { route: "reciprocalNotice" }'
 * eventText({ type: 'notice.sent' }); // 'notice.sent'
 */
export function eventText(event: { type: string }): string {
  const { type, ...payload } = event as { type: string; [k: string]: unknown };
  const fields = Object.entries(payload).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return fields.length ? `${type} { ${fields.join(', ')} }` : type;
}
