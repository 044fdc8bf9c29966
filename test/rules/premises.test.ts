import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/catalogue.ts';
import { readScenarioFile } from '../../src/scenarios/readScenarioFile.ts';
import { SCHEMA_FILE } from '../../src/scenarios/scenarioFiles.ts';

// Every rule names the situation it is about, and the committed scenarios show each one doing
// work somewhere in the catalogue: a rule whose premise no scenario meets would only ever be
// "never failing".

const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
  .map((f) => readScenarioFile(`scenarios/${f}`));
const exercised = new Set(files.flatMap((f) => f.scenarios.flatMap((s) => s.covers.rules)));

describe('rule premises', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s has a premise in words', (_id, rule) => {
    expect(rule.premise?.text).toMatch(/^[a-z].{5,}/);
  });

  it.each(RULES.map((r) => [r.id] as const))('%s is triggered by some committed scenario', (id) => {
    expect(exercised.has(id)).toBe(true);
  });
});
