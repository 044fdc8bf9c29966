import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

/** The names README.md's API table lists as exports: each first-column code span's bare name, or the functions it calls. */
function documentedNames(readme: string): string[] {
  const table = readme.slice(readme.indexOf('\n## API\n'), readme.indexOf('\n## ', readme.indexOf('\n## API\n') + 1));
  const firstColumns = table.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split('|')[1] ?? '');
  const spans = firstColumns.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
  return [...new Set(spans.flatMap((span) => (/^\w+$/.test(span) ? [span] : [...span.matchAll(/(\w+)\(/g)].map((m) => m[1] ?? ''))))];
}

it("exports every name README.md's API table documents, as a value or a type", () => {
  const index = readFileSync('src/index.ts', 'utf8');
  const types = new Set([...index.matchAll(/export type \{([^}]+)\}/g)].flatMap((m) => (m[1] ?? '').split(',').map((n) => n.trim())));
  const names = documentedNames(readFileSync('README.md', 'utf8'));
  expect(names).toContain('ruleContext');
  expect(names.filter((n) => !(n in api) && !types.has(n))).toEqual([]);
});
