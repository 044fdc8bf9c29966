import type { Monitor, MonitorStep } from './Monitor.ts';

/** The monitor with its clock names prefixed, so several monitors can share one zone. */
export function renameClocks(m: Monitor<unknown>, prefix: string): Monitor<unknown> {
  const rn = (c: string) => `${prefix}${c}`;
  const map = (step: MonitorStep<unknown>): MonitorStep<unknown> =>
    !step.start && !step.stop && !step.violation?.when ? step : {
    state: step.state,
    ...(step.start ? { start: step.start.map(rn) } : {}),
    ...(step.stop ? { stop: step.stop.map(rn) } : {}),
    ...(step.violation ? { violation: { message: step.violation.message, ...(step.violation.when ? { when: { ...step.violation.when, clock: rn(step.violation.when.clock) } } : {}) } } : {}),
  };
  return {
    initial: (info) => map(m.initial(info)),
    step: (s, info) => map(m.step(s, info)),
    key: m.key,
    ...(m.deadline ? { deadline: (s: unknown) => { const d = m.deadline?.(s); return d ? { ...d, clock: rn(d.clock) } : null; } } : {}),
    ...(m.clockMax ? { clockMax: Object.fromEntries(Object.entries(m.clockMax).map(([c, v]) => [rn(c), v])) } : {}),
  };
}
