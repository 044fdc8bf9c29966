import { monthsInDays } from '../../src/domain/date.ts';
import { durationDays } from '../../src/domain/duration.ts';

/**
 * Whole days of an ISO-8601 duration as the tool counts them. Given `from`, the date the period
 * runs from, months are calendar months from it (DOMAIN §2 cautions, Reg. 1182/71); without it,
 * months and years are at their shortest (`P1M` = 28, `P3M` = 89, `P1Y` = 365), so a deadline never
 * falls after the real one. With `monthsAs30`, the seeded fault of that name, a month is 30 days.
 *
 * @example
 * lengthInDays('P1M')                     // 28
 * lengthInDays('P1M', false, '2026-01-15') // 31
 * lengthInDays('P1M', true)               // 30
 */
export function lengthInDays(iso: string, monthsAs30 = false, from?: string): number {
  const months = Number(/^P(?:\d+Y)?(\d+)M/.exec(iso)?.[1] ?? 0);
  if (!monthsAs30 && (months === 0 || from === undefined)) return durationDays(iso);
  const rest = iso.replace(/\d+M/, '');
  return (monthsAs30 ? months * 30 : monthsInDays(from as string, months)) + (rest === 'P' ? 0 : durationDays(rest));
}
