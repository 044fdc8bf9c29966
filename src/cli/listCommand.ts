import { CATALOGUE } from '../../machines/catalogue.ts';
import { CATEGORY_TITLES } from '../domain/categories.ts';
import { formatSource } from '../domain/source.ts';
import { machineTimers } from '../time/machineTimers.ts';
import { parseOptions } from './parseOptions.ts';

/** `dueprocess list [--json]`: the catalogue, for people or as JSON. */
export function listCommand(args: string[]): number {
  const { values } = parseOptions(args, { json: { type: 'boolean' } }, 'dueprocess list [--json]', { positionals: false });
  const rows = CATALOGUE.map((e) => ({
    kind: e.kind,
    title: e.title,
    legalBasis: e.legalBasis,
    summary: e.summary,
    compels: e.compels,
    ...(e.compelsNote ? { compelsNote: e.compelsNote } : {}),
    secrecy: e.secrecy,
    timers: machineTimers(e.machine),
    sources: e.sources,
  }));
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  for (const r of rows) {
    console.log(`${r.kind} — ${r.title}`);
    console.log(`  legal basis: ${r.legalBasis}`);
    console.log(`  ${r.summary}`);
    console.log(`  compels:     ${r.compels.length ? r.compels.map((c) => CATEGORY_TITLES[c]).join('; ') : 'nothing may be disclosed'}`);
    if (r.compelsNote) console.log(`               ${r.compelsNote}`);
    console.log(`  secrecy:     ${r.secrecy}`);
    console.log(`  timers:      ${r.timers.map((t) => `${t.name} (${t.days !== null ? `${t.days} days` : t.atMostDays !== undefined ? `per case, at most ${t.atMostDays} days` : 'per case'}, ${t.setBy}${t.confidence ? ` [${t.confidence}]` : ''})`).join(', ') || 'none'}`);
    console.log('  sources:');
    for (const s of dedupe(r.sources.map(formatSource))) console.log(`    - ${s}`);
    console.log('');
  }
  console.log(`${rows.length} kinds. Policy timers show the strictest defaults; \`simulate --policy\` uses a profile's. Their lengths come from:`);
  const policyTimers = new Map(rows.flatMap((r) => r.timers.flatMap((t) => (t.source ? [[t.name, t] as const] : []))));
  for (const t of [...policyTimers.values()].sort((a, b) => a.name.localeCompare(b.name))) console.log(`  - ${t.name}, ${t.days} days [${t.confidence}]: ${t.source}`);
  return 0;
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}
