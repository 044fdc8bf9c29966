import type { CaseAdapter } from '../../src/suite/CaseAdapter.ts';
import { faultId } from './faults.ts';
import { CASE_KINDS, openCase } from './openCase.ts';

const fault = faultId(process.env.DUEPROCESS_FAULT, 'DUEPROCESS_FAULT');

/**
 * The reference case tool as a conformance-suite adapter. `DUEPROCESS_FAULT` switches on one of
 * the seeded faults in `faults.ts`; unset, the tool is the correct one.
 *
 * @example
 * DUEPROCESS_FAULT=notice-during-gag dueprocess suite --adapter examples/caseTool/adapter.ts
 */
const adapter: CaseAdapter = {
  name: fault ? `reference case tool (fault: ${fault})` : 'reference case tool',
  kinds: CASE_KINDS,
  open: (request, policy) => openCase(request, policy, fault ? { fault } : {}),
};

export default adapter;
