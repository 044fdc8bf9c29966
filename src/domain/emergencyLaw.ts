import type { DataCategory } from './categories.ts';
import type { EmergencyCriterion } from './events.ts';
import { src } from './source.ts';

/**
 * What 18 U.S.C. 2702(b)(8) and (c)(4) allow a provider to disclose to a government without
 * process: only for danger of death or serious physical injury, whatever wider criteria a
 * provider's own policy names (Let's Encrypt's property damage and financial harm cover
 * account-recovery data, not a disclosure to a government). Content goes only to a US
 * governmental entity: a foreign authority may get non-content records, which 2702(c)(6)
 * allows to anyone but a US governmental entity, and content only under a CLOUD Act agreement.
 * Machines and rules each read this, so neither can let more out than the statute.
 */
export const EMERGENCY_LAW = {
  criterion: 'deathOrSeriousInjury' satisfies EmergencyCriterion,
  toUsGovernment: ['basicSubscriberInfo', 'nonContentRecords', 'content'] satisfies DataCategory[],
  toForeignAuthority: ['basicSubscriberInfo', 'nonContentRecords'] satisfies DataCategory[],
  sources: [
    src('§5', '2702(b)(8), (c)(4): a good-faith belief in an emergency involving danger of death or serious physical injury', 'S'),
    src('§5', 'Let’s Encrypt’s wider criteria (property damage, financial harm) cover account-recovery information', 'S'),
    src('§1 row 8', '2702(b)(8), (c)(4) disclose to a "governmental entity"; 2711(4) defines it as a US federal, state or local department or agency, and 2510(3) counts territories and possessions as States; DOMAIN has no row for 2711(4) or 2510(3) (row 8 says only "any governmental entity"), unverified', '?'),
    src('§1 row 19', '2702(c)(6): non-content records to any person other than a governmental entity', 'S'),
    src('§1 row 15', 'content to a foreign government only under a CLOUD Act agreement (2702(b)(9), 2523); DOMAIN has no row for 2702(b)(9): row 15 names only "parallel 2702 exceptions" (tagged L), not that they are the only way, unverified', '?'),
  ],
} as const;

/**
 * The stored data 2702 lets a provider disclose in an emergency to a requester of this country.
 *
 * @example
 * emergencyReach('US'); // ['basicSubscriberInfo', 'nonContentRecords', 'content']
 * emergencyReach('DE'); // ['basicSubscriberInfo', 'nonContentRecords']
 * emergencyReach(undefined); // ['basicSubscriberInfo', 'nonContentRecords']
 */
export function emergencyReach(requesterCountry: string | undefined): readonly DataCategory[] {
  // An unknown requester is not known to be a US governmental entity.
  return requesterCountry !== undefined && US_GOVERNMENTS.includes(requesterCountry) ? EMERGENCY_LAW.toUsGovernment : EMERGENCY_LAW.toForeignAuthority;
}

/** Where a "State or political subdivision" of 2711(4) sits: the US and, by 2510(3), its territories and possessions. */
const US_GOVERNMENTS: readonly string[] = ['US', 'PR', 'GU', 'VI', 'AS', 'MP'];

/**
 * Whether an assessment's finding is an emergency the statute recognises.
 *
 * @example
 * statutoryEmergency('propertyDamage'); // false
 */
export function statutoryEmergency(criterion: unknown): boolean {
  return criterion === EMERGENCY_LAW.criterion;
}
