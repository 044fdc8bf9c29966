import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The reference case tool is an independent implementation: nothing it imports, directly or
// through other modules, may be XState or the model's machines.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TOOL = resolve(ROOT, 'examples/caseTool');
const STATIC = /^\s*(?:(?:import|export)\s[\w\s{},*$]*?\bfrom\s*|import\s*)['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module reachable from `entries` through import and export statements, type-only ones included. */
function importGraph(entries: readonly string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of [...text.matchAll(STATIC), ...text.matchAll(DYNAMIC)]) {
      const spec = match[1] ?? '';
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const target = resolve(dirname(file), spec);
      if (!existsSync(target)) throw new Error(`${relative(ROOT, file)} imports ${spec}, which does not exist`);
      queue.push(target);
    }
  }
  return { files, packages };
}

const toolFiles = readdirSync(TOOL)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => resolve(TOOL, f));

describe('examples/caseTool is independent of XState and the model', () => {
  const { files, packages } = importGraph(toolFiles);
  const relativeFiles = [...files].map((f) => relative(ROOT, f));

  it('imports no xstate module, directly or transitively', () => {
    expect([...packages].filter((p) => p === 'xstate' || p.startsWith('xstate/'))).toEqual([]);
  });

  it('imports nothing under machines/, directly or transitively', () => {
    expect(relativeFiles.filter((f) => f.startsWith('machines/'))).toEqual([]);
  });

  it('does read the shared domain and policy data it is allowed to', () => {
    expect(relativeFiles).toEqual(expect.arrayContaining(['src/domain/events.ts', 'src/policy/policyVersionAt.ts', 'src/suite/CaseAdapter.ts']));
  });

  it('would notice a module that reaches XState or the machines', () => {
    const { files: modelFiles, packages: modelPackages } = importGraph([resolve(ROOT, 'src/policy/withPolicy.ts')]);

    expect(modelPackages).toContain('xstate');
    expect([...modelFiles].map((f) => relative(ROOT, f))).toContain('machines/lifecycle/policySlots.ts');
  });
});
