import { describe, expect, it } from 'vitest';
import { CLOUD_ACT_PARTNERS, partnerInForce } from '../src/domain/cloudActPartners.ts';

describe('CLOUD Act partners (DOMAIN §8)', () => {
  it('are the UK and Australia, each from the day its agreement came into force, not the day it was signed', () => {
    expect(CLOUD_ACT_PARTNERS.map((p) => [p.country, p.signed, p.inForce, p.source.confidence])).toEqual([
      ['GB', '2019-10-03', '2022-10-03', 'S'],
      ['AU', '2021-12-15', '2024-01-31', '?'],
    ]);
    expect(partnerInForce('GB', '2019-10-03')).toBe(false);
    expect(partnerInForce('GB', '2022-10-02')).toBe(false);
    expect(partnerInForce('GB', '2022-10-03')).toBe(true);
    expect(partnerInForce('AU', '2024-01-30')).toBe(false);
    expect(partnerInForce('AU', '2024-01-31')).toBe(true);
    expect(partnerInForce('DE', '2026-01-15')).toBe(false);
  });

  it('without a date, counts a partner whose agreement is in force by now', () => {
    expect(partnerInForce('AU')).toBe(true);
    expect(partnerInForce('FR')).toBe(false);
  });
});
