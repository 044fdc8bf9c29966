import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ScenarioFile, scenarioJsonSchema } from './Scenario.ts';

export const SCHEMA_FILE = 'scenario.schema.json';

/** The committed file name of a kind's scenarios under a policy. */
export function scenarioFileName(kind: string, policy: string): string {
  return `${kind}.${policy}.json`;
}

/**
 * JSON laid out for reading and diffing: nested structure on separate lines, and each value
 * from `inlineDepth` down (a step, a deadline list) on one line. Same value, same bytes.
 *
 * @example
 * compactJson({ steps: [{ day: 0 }] }, 2) // '{\n  "steps": [\n    {"day":0}\n  ]\n}\n'
 */
export function compactJson(value: unknown, inlineDepth: number): string {
  const write = (v: unknown, depth: number, indent: string): string => {
    const flat = JSON.stringify(v);
    if (depth >= inlineDepth || v === null || typeof v !== 'object' || flat.length <= 100) return flat;
    const inner = `${indent}  `;
    if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => inner + write(x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : x, depth + 1, inner)).join(',\n')}\n${indent}]` : '[]';
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, depth + 1, inner)}`).join(',\n')}\n${indent}}`;
  };
  return `${write(value, 0, '')}\n`;
}

/** The bytes of every file the scenarios directory should hold: each kind × policy, and the JSON Schema. */
export function renderScenarioFiles(files: readonly ScenarioFile[]): Map<string, string> {
  const out = new Map<string, string>([[SCHEMA_FILE, compactJson(scenarioJsonSchema(), 99)]]);
  for (const f of files) out.set(scenarioFileName(f.kind, f.policy.id), compactJson(f, 4));
  return out;
}

/** Writes the rendered files into `dir`, creating it. */
export function writeScenarioFiles(dir: string, rendered: ReadonlyMap<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of rendered) writeFileSync(join(dir, name), text);
}

/**
 * The files in `dir` that differ from what the machines generate: changed, missing, or (when
 * `all` is set, for a whole-catalogue run) left over from a kind or policy that no longer exists.
 */
export function staleScenarioFiles(dir: string, rendered: ReadonlyMap<string, string>, all: boolean): { file: string; problem: 'differs' | 'missing' | 'extra' }[] {
  const problems: { file: string; problem: 'differs' | 'missing' | 'extra' }[] = [];
  for (const [name, text] of rendered) {
    const path = join(dir, name);
    if (!existsSync(path)) problems.push({ file: path, problem: 'missing' });
    else if (readFileSync(path, 'utf8') !== text) problems.push({ file: path, problem: 'differs' });
  }
  if (all && existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.json') && !rendered.has(name)) problems.push({ file: join(dir, name), problem: 'extra' });
  }
  return problems;
}
