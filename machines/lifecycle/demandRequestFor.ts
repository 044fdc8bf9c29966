import { z } from 'zod';
import { DemandRequest } from '../../src/domain/request.ts';

/**
 * The intake schema of one demand kind: the common demand fields with `kind` fixed, and an
 * optional extra check on the parsed request (`path` names the field, `message` what is wrong,
 * `fix` what to give instead).
 */
export function demandRequestFor(
  kind: string,
  check?: { test: (r: DemandRequest) => boolean; path: string[]; message: string; fix: string },
): z.ZodType<DemandRequest> {
  const schema = DemandRequest.extend({ kind: z.literal(kind, { message: `this file is for kind "${kind}"` }) });
  if (!check) return schema;
  return schema.superRefine((r, ctx) => {
    if (!check.test(r)) ctx.addIssue({ code: 'custom', path: check.path, message: check.message, params: { fix: check.fix } });
  });
}
