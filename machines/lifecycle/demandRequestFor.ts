import { z } from 'zod';
import { dayNumber } from '../../src/domain/date.ts';
import { DemandRequest } from '../../src/domain/request.ts';
import { gagDaysLeft } from '../../src/domain/gagTerm.ts';

/** A check on a parsed request: `path` names the field, `message` what is wrong, `fix` what to give instead. */
export interface RequestCheck {
  test: (r: DemandRequest) => boolean;
  path: string[];
  message: string;
  fix: string;
}

/** The dates every demand's intake checks against its receipt. */
const DATED: readonly RequestCheck[] = [
  {
    test: (r) => r.issuedOn === undefined || dayNumber(r.issuedOn) <= dayNumber(r.receivedOn),
    path: ['issuedOn'],
    message: 'is after receivedOn: a process bears a date on or before the day it is received',
    fix: 'give the date on the process, no later than receivedOn',
  },
  {
    test: (r) => r.secrecyOrder?.issuedOn === undefined || dayNumber(r.secrecyOrder.issuedOn) <= dayNumber(r.receivedOn),
    path: ['secrecyOrder', 'issuedOn'],
    message: 'is after receivedOn: a gag order served with the request bears a date on or before the day it is received',
    fix: 'give the date on the gag order, no later than receivedOn, or leave it out to count the gag from receipt',
  },
  {
    test: (r) => (gagDaysLeft(r) ?? 0) >= 0,
    path: ['secrecyOrder', 'days'],
    message: 'ended before the request was received: counted from the date the gag order bears, no day of it is left',
    fix: 'leave secrecyOrder out (no gag covers the request), or check its days and issuedOn',
  },
  {
    test: (r) => r.complyBy === undefined || dayNumber(r.complyBy) > dayNumber(r.receivedOn),
    path: ['complyBy'],
    message: 'is not after receivedOn: the compliance date must leave at least one day',
    fix: 'give the compliance date the process sets, after receivedOn, or leave the field out',
  },
];

/**
 * The intake schema of one demand kind: the common demand fields with `kind` fixed, the date
 * checks every demand gets (`issuedOn`, `complyBy`), and the kind's own checks.
 *
 * @example
 * const schema = demandRequestFor('penRegister', { test: (r) => r.categories.length === 1, path: ['categories'], message: 'names more than one category', fix: 'list one' });
 */
export function demandRequestFor(kind: string, ...checks: RequestCheck[]): z.ZodType<DemandRequest> {
  const schema = DemandRequest.extend({ kind: z.literal(kind, { message: `this file is for kind "${kind}"` }) });
  return schema.superRefine((r, ctx) => {
    for (const check of [...DATED, ...checks]) {
      if (!check.test(r)) ctx.addIssue({ code: 'custom', path: check.path, message: check.message, params: { fix: check.fix } });
    }
  });
}
