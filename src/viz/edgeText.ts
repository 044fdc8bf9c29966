import type { StatechartEdge, StatechartTimer } from './StatechartJson.ts';

const SHORT_GUARD = 60;

/**
 * An edge's trigger as diagrams print it; timers carry their length and who sets it.
 *
 * @example
 * triggerText({ trigger: 'after P14D', timer: { delay: 'P14D', days: 14, setBy: 'law' } }) // 'after P14D (14 d, law)'
 */
export function triggerText(edge: Pick<StatechartEdge, 'trigger' | 'timer'>): string {
  return edge.timer ? `${edge.trigger} (${timerLength(edge.timer)})` : edge.trigger;
}

/**
 * A timer's length and who sets it, with a policy length's confidence tag, or `per case` for a
 * delay each case sets.
 *
 * @example
 * timerLength({ delay: 'objectionWindow', days: 14, setBy: 'policy', confidence: '?' }) // '14 d, policy [?]'
 */
export function timerLength(timer: StatechartTimer): string {
  return timer.days === null ? 'per case' : `${timer.days} d, ${timer.setBy}${timer.confidence ? ` [${timer.confidence}]` : ''}`;
}

/**
 * The guard as a diagram label prints it: the whole expression when it is short, else the
 * guard's name, else the start of the expression.
 *
 * @example
 * guardText({ guard: 'inline guard', guardExpression: "!In('secrecy.inForce')" }) // "!In('secrecy.inForce')"
 */
export function guardText(edge: Pick<StatechartEdge, 'guard' | 'guardExpression'>): string | null {
  const expression = edge.guardExpression ?? edge.guard;
  if (expression === null) return null;
  if (expression.length <= SHORT_GUARD) return expression;
  if (edge.guard && edge.guard !== 'inline guard') return edge.guard;
  const cut = expression.slice(0, SHORT_GUARD);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))} …`;
}
