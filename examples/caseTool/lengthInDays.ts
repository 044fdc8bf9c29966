import { durationDays } from '../../src/domain/duration.ts';

/**
 * Whole days of an ISO-8601 duration as the tool counts them: months and years at their shortest
 * (`P1M` = 28, `P3M` = 89, `P1Y` = 365), so a deadline never falls after the real one. With
 * `monthsAs30`, the seeded fault of that name, a month is 30 days.
 *
 * @example
 * lengthInDays('P1M')       // 28
 * lengthInDays('P1M', true) // 30
 */
export function lengthInDays(iso: string, monthsAs30 = false): number {
  if (!monthsAs30) return durationDays(iso);
  const months = Number(/(\d+)M/.exec(iso)?.[1] ?? 0);
  const rest = iso.replace(/\d+M/, '');
  return months * 30 + (rest === 'P' ? 0 : durationDays(rest));
}
