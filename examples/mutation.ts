// `npm run mutation`: the mutation score of the generated conformance suite. The suite is written
// for the reference case tool (examples/caseTool) and run once correct, where it must pass, then
// once per seeded fault, where it must fail. Prints killed / total and the faults that survived.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readScenarioFile } from '../src/scenarios/readScenarioFile.ts';
import { SCHEMA_FILE } from '../src/scenarios/scenarioFiles.ts';
import { runSuite } from '../src/suite/runSuite.ts';
import { writeSuite } from '../src/suite/writeSuite.ts';
import { FAULTS } from './caseTool/faults.ts';

const out = join('.cache', 'mutation-suite');
const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
  .sort()
  .map((f) => ({ path: join('scenarios', f), file: readScenarioFile(join('scenarios', f)) }));
writeSuite(out, files, 'examples/caseTool/adapter.ts');
const scenarios = files.reduce((n, f) => n + f.file.scenarios.length, 0);

const started = Date.now();
const clean = runSuite(out);
console.log(`correct tool: ${clean.passed ? 'suite passes' : `suite FAILS (${clean.failed} failed)`} over ${scenarios} scenarios (${((Date.now() - started) / 1000).toFixed(1)} s)`);
if (!clean.passed) {
  console.log(clean.firstFailure);
  process.exit(1);
}
const survived: string[] = [];
for (const fault of FAULTS) {
  const run = runSuite(out, { DUEPROCESS_FAULT: fault.id }, true);
  const first = run.firstFailure.split('\n').slice(0, 2).join(' — ');
  console.log(`${run.passed ? 'SURVIVED' : 'killed  '} ${fault.id}: ${fault.title}${run.passed ? '' : `\n           first failure: ${first}`}`);
  if (run.passed) survived.push(fault.id);
}
console.log(`\nmutation score: ${FAULTS.length - survived.length} / ${FAULTS.length} killed${survived.length ? `; survived: ${survived.join(', ')}` : ''}`);
process.exitCode = survived.length ? 1 : 0;
