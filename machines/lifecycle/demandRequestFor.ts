import { z } from 'zod';
import { dayNumber } from '../../src/domain/date.ts';
import { DemandRequest } from '../../src/domain/request.ts';
import { SERVED_GAG_CHECKS } from '../../src/domain/gagTerm.ts';

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
  ...SERVED_GAG_CHECKS,
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
