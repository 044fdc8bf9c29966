import { findKind, unknownKind } from '../../machines/catalogue.ts';
import type { KindEntry } from '../../machines/lifecycle/KindEntry.ts';
import { fromZod } from '../domain/InputError.ts';
import type { ScenarioFile } from './Scenario.ts';

/**
 * A scenario file's kind in the catalogue, and each scenario's request as that kind's intake
 * schema reads it: an `InputError` names the first request the kind would refuse (a day that
 * does not exist, a missing field), at `scenarios[i].request.<field>`.
 *
 * @example
 * scenarioRequests(readScenarioFile('scenarios/subpoena.cloudflare.json')).requests[0]?.receivedOn // '2026-01-15'
 */
export function scenarioRequests(file: ScenarioFile): { entry: KindEntry; requests: { kind: string; receivedOn: string }[] } {
  const entry = findKind(file.kind);
  if (!entry) throw unknownKind('kind', file.kind, 'regenerate the file with `dueprocess scenarios`');
  const requests = file.scenarios.map((scenario, i) => {
    const parsed = entry.requestSchema.safeParse(scenario.request);
    if (!parsed.success) throw fromZod(parsed.error, scenario.request, `scenarios[${i}].request`);
    return parsed.data;
  });
  return { entry, requests };
}
