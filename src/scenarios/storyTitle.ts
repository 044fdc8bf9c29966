type AnyEvent = { type: string; [k: string]: unknown };

const words: Record<string, (e: AnyEvent) => string> = {
  'review.completed': (e) => (e.finding === 'foreignLawConflict' ? 'review finds a conflict with foreign law' : `review finds the process ${String(e.finding)}`),
  'challenge.filed': (e) => `${String(e.route)} filed`,
  'challenge.governmentApplied': (e) => `government goes to court (${String(e.route)})`,
  'challenge.decided': (e) => `${String(e.route)} ${String(e.outcome)}`,
  'secrecy.imposed': (e) => (e.days ? `gag imposed for ${String(e.days)} days` : 'open-ended gag imposed'),
  'secrecy.lifted': (e) => `gag lifted (${String(e.reason)})`,
  'notice.sent': () => 'user notified',
  'notice.waived': (e) => `notice waived (${String(e.reason)})`,
  'data.disclosed': (e) => `${(e.categories as string[]).join(' and ')} disclosed`,
  'request.refused': (e) => `refused (${String(e.ground)})`,
  'request.withdrawn': () => 'requester withdraws',
  'request.verified': (e) => (e.authentic ? 'requester verified' : 'request found forged'),
  'request.fulfilled': () => 'request fulfilled',
  'emergency.assessed': (e) => (e.criterion ? `emergency confirmed (${String(e.criterion)})` : 'no emergency found'),
  'emergency.ended': () => 'emergency over',
  'process.followUpRequested': () => 'legal process asked for',
  'process.received': () => 'legal process arrives',
  'preservation.extended': () => 'preservation extended',
  'order.extended': () => 'order extended',
  'complaint.forwarded': (e) => `complaint forwarded to the ${String(e.to)}`,
  'complainant.informed': () => 'complainant told who the host is',
  'response.extended': () => 'response time extended',
  'enforcingAuthority.cleared': () => 'enforcing authority raises no ground',
  'enforcingAuthority.refused': (e) => `enforcing authority refuses (${String(e.ground)})`,
};

/**
 * An event in words: `gag lifted (courtOrder)`. Unknown types read as themselves. `gagged`: the
 * case was under a gag when it came, so a `secrecy.imposed` is a new order over it (a renewal, or
 * the court's order after it modified the old).
 *
 * @example
 * eventWords({ type: 'secrecy.imposed', days: 90 }, true); // 'new gag order for 90 days'
 */
export function eventWords(event: AnyEvent, gagged = false): string {
  if (gagged && event.type === 'secrecy.imposed') return event.days ? `new gag order for ${String(event.days)} days` : 'new open-ended gag order';
  return words[event.type]?.(event) ?? event.type;
}

/** Deadlines that passed at the end of a day, in words: `P14D passes`. */
export function passWords(delays: readonly string[]): string {
  return `${delays.join(' and ')} ${delays.length > 1 ? 'pass' : 'passes'}`;
}

/**
 * A scenario's title, told as a story: the kind, the request, then what happens and when.
 *
 * @example
 * storyTitle('National security letter', 'plain', [{ day: 0, says: 'review finds the process sufficient' }, { day: 30, says: 'P30D passes' }])
 * // 'National security letter (plain): review finds the process sufficient, P30D passes at day 30'
 */
export function storyTitle(kindTitle: string, input: string, steps: readonly { day: number; says: string }[]): string {
  const parts = steps.map((s) => `${s.says}${s.day > 0 ? ` at day ${thousands(s.day)}` : ''}`);
  return `${kindTitle} (${input}): ${parts.length ? parts.join(', ') : 'received'}`;
}

/** 1400 as `1,400`, the same on every machine whatever its locale data. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
