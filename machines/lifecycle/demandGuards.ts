import { type DataCategory, sharedCategories } from '../../src/domain/categories.ts';
import { partnerInForce } from '../../src/domain/cloudActPartners.ts';
import type { DemandRequest } from '../../src/domain/request.ts';
import type { DemandSpec, RequestCondition } from './DemandSpec.ts';

/** What the request's process can compel: fixed for most kinds, by the US process issued for MLAT. */
export function compelledFor(spec: DemandSpec, request: DemandRequest): readonly DataCategory[] {
  if (spec.compelsByProcess && request.usProcess) return spec.compelsByProcess[request.usProcess];
  return spec.compels;
}

/** Whether the request meets every field the condition names. */
export function requestMatches(request: DemandRequest, cond: RequestCondition): boolean {
  const t = request.target;
  if (cond.usPerson !== undefined && t.usPerson !== cond.usPerson) return false;
  if (cond.residesInUS !== undefined && t.residesInUS !== cond.residesInUS) return false;
  if (cond.residenceCountryIn && !cond.residenceCountryIn.includes(t.residenceCountry)) return false;
  if (cond.qualifyingForeignLawAtRisk !== undefined && partnerInForce(t.foreignLawAtRisk ?? t.residenceCountry, request.receivedOn) !== cond.qualifyingForeignLawAtRisk) return false;
  if (cond.categoriesInclude && sharedCategories(cond.categoriesInclude, request.categories).length === 0) return false;
  if (cond.conduit !== undefined && (request.conduit === true) !== cond.conduit) return false;
  if (cond.seriousCrime !== undefined && (request.seriousCrime !== false) !== cond.seriousCrime) return false;
  return true;
}

/** The request asks for some data the process compels: the two share a category or a part of one. */
export function requestsCompellable(requested: readonly DataCategory[], compelled: readonly DataCategory[]): boolean {
  return sharedCategories(requested, compelled).length > 0;
}
