import { fromZod } from '../domain/InputError.ts';
import { readJson } from '../domain/readJson.ts';
import { ScenarioFile } from './Scenario.ts';

/** Reads and validates a scenario file, naming the file, field, value and fix when it is wrong. */
export function readScenarioFile(path: string): ScenarioFile {
  const raw = readJson(path, path);
  const parsed = ScenarioFile.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, raw, path);
  return parsed.data;
}
