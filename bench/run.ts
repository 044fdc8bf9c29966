// Benchmarks: each prints our time, a baseline measured in the same run, and the ratio.
// `npm run bench -- --json` also prints one JSON object per line. Exits 1 when a benchmark's
// two answers disagree. Run one with `npm run bench -- <name>…` (replay, same, untimed, check, scale, generate, runtime, service).
import { checkCatalogue } from './checkCatalogue.ts';
import { generateScenarios } from './generateScenarios.ts';
import { replayNsl } from './replay.ts';
import { runtime } from './runtime.ts';
import { sameQuestion } from './sameQuestion.ts';
import { scale } from './scale.ts';
import { serviceLoad } from './serviceLoad.ts';
import { untimed } from './untimed.ts';

const BENCHES: [string, () => boolean | Promise<boolean>][] = [
  ['replay', replayNsl],
  ['same', sameQuestion],
  ['untimed', untimed],
  ['check', checkCatalogue],
  ['scale', scale],
  ['generate', generateScenarios],
  ['runtime', runtime],
  ['service', serviceLoad],
];

const chosen = process.argv.slice(2).filter((a) => !a.startsWith('--'));
let ok = true;
for (const [name, bench] of BENCHES) {
  if (chosen.length && !chosen.includes(name)) continue;
  if (!(await bench())) {
    console.log(`bench ${name}: the two answers DISAGREE`);
    ok = false;
  }
}
process.exitCode = ok ? 0 : 1;
