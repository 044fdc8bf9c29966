import type { Monitor, MonitorStep } from './Monitor.ts';

/**
 * The monitor with its clock names prefixed, so several monitors can share one zone. A step
 * object the monitor returns again (most monitors return a few constant steps) is renamed once,
 * and each name is made once: a product search takes hundreds of thousands of steps.
 *
 * @example
 * const m = renameClocks(monitor, '@0'); // its clock '@challenge' is '@0@challenge'
 */
export function renameClocks(m: Monitor<unknown>, prefix: string): Monitor<unknown> {
  const names = new Map<string, string>();
  const rn = (c: string) => {
    let name = names.get(c);
    if (name === undefined) names.set(c, (name = `${prefix}${c}`));
    return name;
  };
  const renamed = new WeakMap<MonitorStep<unknown>, MonitorStep<unknown>>();
  const map = (step: MonitorStep<unknown>): MonitorStep<unknown> => {
    if (!step.start && !step.stop && !step.violation?.when) return step;
    let out = renamed.get(step);
    if (!out) {
      out = {
        state: step.state,
        ...(step.start ? { start: step.start.map(rn) } : {}),
        ...(step.stop ? { stop: step.stop.map(rn) } : {}),
        ...(step.violation ? { violation: { message: step.violation.message, ...(step.violation.when ? { when: { ...step.violation.when, clock: rn(step.violation.when.clock) } } : {}) } } : {}),
      };
      renamed.set(step, out);
    }
    return out;
  };
  return {
    initial: (info) => map(m.initial(info)),
    step: (s, info) => map(m.step(s, info)),
    key: m.key,
    ...(m.deadline ? { deadline: (s: unknown) => { const d = m.deadline?.(s); return d ? { ...d, clock: rn(d.clock) } : null; } } : {}),
    ...(m.clockMax ? { clockMax: Object.fromEntries(Object.entries(m.clockMax).map(([c, v]) => [rn(c), v])) } : {}),
  };
}
