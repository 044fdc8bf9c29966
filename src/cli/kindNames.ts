import { CATALOGUE } from '../../machines/catalogue.ts';

/**
 * The catalogue's kinds by name, in catalogue order: what an unknown kind's fix lists and what a
 * misspelt one is matched against.
 *
 * @example
 * KIND_NAMES[0]; // 'subpoena'
 */
export const KIND_NAMES: readonly string[] = CATALOGUE.map((e) => e.kind);
