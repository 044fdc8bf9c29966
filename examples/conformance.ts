// Runs the committed scenarios of one kind against two case tools without generating a suite:
// the model itself, and the reference case tool in examples/caseTool (plain TypeScript, no XState).
// `npx tsx examples/conformance.ts [kind]`
import { readScenarioFile } from '../src/scenarios/readScenarioFile.ts';
import type { CaseAdapter } from '../src/suite/CaseAdapter.ts';
import { runScenario } from '../src/suite/conformance.ts';
import { modelAdapter } from '../src/suite/modelAdapter.ts';
import caseTool from './caseTool/adapter.ts';

const kind = process.argv[2] ?? 'nationalSecurityLetter';
for (const adapter of [modelAdapter, caseTool] as CaseAdapter[]) {
  for (const policy of ['cloudflare', 'letsencrypt']) {
    const file = readScenarioFile(`scenarios/${kind}.${policy}.json`);
    let passed = 0;
    for (const scenario of file.scenarios) {
      try {
        await runScenario(adapter, policy, scenario);
        passed++;
      } catch (e) {
        console.log((e as Error).message);
      }
    }
    console.log(`${adapter.name}, ${kind} under ${policy}: ${passed} of ${file.scenarios.length} scenarios pass`);
  }
}
