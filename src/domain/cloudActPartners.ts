import { src, type Source } from './source.ts';

/** A country with a CLOUD Act executive agreement (18 U.S.C. 2523), from the day it came into force. */
export interface CloudActPartner {
  country: string;
  name: string;
  signed: string;
  inForce: string;
  source: Source;
}

/** The partners DOMAIN §8 lists; an agreement only signed, or under negotiation, is not one yet. */
export const CLOUD_ACT_PARTNERS: readonly CloudActPartner[] = [
  { country: 'GB', name: 'United Kingdom', signed: '2019-10-03', inForce: '2022-10-03', source: src('§8', 'US-UK: signed 3 Oct 2019, in force 3 Oct 2022', 'S') },
  { country: 'AU', name: 'Australia', signed: '2021-12-15', inForce: '2024-01-31', source: src('§8', 'US-Australia: signed 15 Dec 2021; entry into force reported as 31 Jan 2024', '?') },
];

/**
 * Whether `country` had a CLOUD Act agreement in force with the US on `on` (YYYY-MM-DD; without
 * a date, by now): who may send orders under one, and whose law a 2703(h) motion protects (a
 * "qualifying foreign government").
 *
 * @example
 * partnerInForce('GB', '2022-10-03'); // true
 * partnerInForce('GB', '2020-01-01'); // false: signed, not yet in force
 */
export function partnerInForce(country: string, on?: string): boolean {
  return CLOUD_ACT_PARTNERS.some((p) => p.country === country && (on === undefined || p.inForce <= on));
}

/** The partners and the days their agreements came into force, as a message names them. */
export function partnersText(): string {
  return CLOUD_ACT_PARTNERS.map((p) => `"${p.country}" from ${p.inForce}${p.source.confidence === '?' ? ' [?]' : ''}`).join(', ');
}
