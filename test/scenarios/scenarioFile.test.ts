import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/InputError.ts';
import { readScenarioFile } from '../../src/scenarios/readScenarioFile.ts';
import { SCENARIO_FORMAT, ScenarioFile, scenarioJsonSchema } from '../../src/scenarios/Scenario.ts';

const COMMITTED = 'scenarios/preservation.cloudflare.json';
const raw = () => JSON.parse(readFileSync(COMMITTED, 'utf8')) as { scenarios: Record<string, unknown>[] } & Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'dueprocess-scenarios-'));

/** Writes a tampered copy of the committed file and returns the error reading it gives. */
function tampered(name: string, edit: (file: ReturnType<typeof raw>) => void): { path: string; error: InputError } {
  const file = raw();
  edit(file);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(file));
  try {
    readScenarioFile(path);
  } catch (e) {
    if (e instanceof InputError) return { path, error: e };
    throw e;
  }
  throw new Error(`${name}: read without complaint`);
}

const step = (file: ReturnType<typeof raw>, s: number, k: number) => ((file.scenarios[s] as { steps: Record<string, unknown>[] }).steps[k] as Record<string, unknown> & { expect: Record<string, unknown> });

describe('the scenario file format', () => {
  it('a committed file parses, and every scenario’s id names its kind, policy and strategy', () => {
    const file = readScenarioFile(COMMITTED);
    expect(file.format).toBe(SCENARIO_FORMAT);
    expect(file).toMatchObject({ kind: 'preservation', policy: { id: 'cloudflare' } });
    expect(file.scenarios.length).toBeGreaterThan(5);
    for (const s of file.scenarios) {
      expect(s.id).toMatch(new RegExp(`^preservation\\.cloudflare\\.${s.strategy}\\.[0-9a-f]{8}$`));
      expect(s.steps[0]?.do).toEqual({ kind: 'receive' });
    }
    expect(new Set(file.scenarios.map((s) => s.id)).size).toBe(file.scenarios.length);
  });

  it.each([
    ['a field of the wrong type', 'wrongType.json', (f: ReturnType<typeof raw>) => void (step(f, 1, 0).day = '0'), /\.scenarios\[1\]\.steps\[0\]\.day$/, /expected number.*\(got "0"\)\. Fix: give a number/],
    ['a missing field', 'missing.json', (f: ReturnType<typeof raw>) => void delete (f.scenarios[0] as Record<string, unknown>).title, /\.scenarios\[0\]\.title$/, /is missing \(got nothing\)\. Fix: give a string/],
    ['an unknown key', 'unknown.json', (f: ReturnType<typeof raw>) => void (step(f, 0, 1).expect.colour = 'red'), /\.scenarios\[0\]\.steps\[1\]\.expect$/, /Unrecognized key.*Fix: remove "colour"/],
    ['a notice status outside the vocabulary', 'notice.json', (f: ReturnType<typeof raw>) => void (step(f, 2, 0).expect.notice = 'pending'), /\.scenarios\[2\]\.steps\[0\]\.expect\.notice$/, /\(got "pending"\)\. Fix: use one of "not sent", "due"/],
    ['another format', 'format.json', (f: ReturnType<typeof raw>) => void (f.format = 'dueprocess-scenarios/0'), /\.format$/, /\(got "dueprocess-scenarios\/0"\)/],
    ['a date that does not exist', 'date.json', (f: ReturnType<typeof raw>) => void (step(f, 0, 0).on = '2026-02-30'), /\.scenarios\[0\]\.steps\[0\]\.on$/, /is no day of the calendar/],
  ])('rejects %s, naming the file and the field', (_what, name, edit, field, message) => {
    const { path, error } = tampered(name, edit);
    expect(error.field.startsWith(path)).toBe(true);
    expect(error.field).toMatch(field);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(message);
    expect(error.reason).toBe('invalid');
  });

  it('rejects a file that is not JSON, and one that does not exist, naming the path', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": ');
    expect(() => readScenarioFile(bad)).toThrow(InputError);
    expect(() => readScenarioFile(bad)).toThrow(/is not valid JSON/);
    expect(() => readScenarioFile(join(dir, 'nope.json'))).toThrow(/cannot be read \(ENOENT\)/);
  });
});

type Schema = Record<string, unknown>;

/** The JSON Schema keywords the generated schema uses, checked strictly (no new dependency). */
function violations(schema: Schema, value: unknown, at = '$'): string[] {
  const out: string[] = [];
  const type = schema.type as string | string[] | undefined;
  const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if (type) {
    const types = Array.isArray(type) ? type : [type];
    const k = kindOf(value);
    if (!types.includes(k) && !(k === 'integer' && types.includes('number'))) out.push(`${at}: ${k} is not ${types.join('|')}`);
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) out.push(`${at}: not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(value))) out.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern as string).test(value)) out.push(`${at}: does not match ${String(schema.pattern)}`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) out.push(`${at}: too short`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) out.push(`${at}: below minimum`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) out.push(`${at}: not above exclusiveMinimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) out.push(`${at}: above maximum`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) out.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((v, i) => out.push(...violations(schema.items as Schema, v, `${at}[${i}]`)));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in value)) out.push(`${at}.${r}: required`);
    for (const [k, v] of Object.entries(value)) {
      if (props[k]) out.push(...violations(props[k], v, `${at}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${at}.${k}: not allowed`);
    }
  }
  if (schema.oneOf) {
    const ok = (schema.oneOf as Schema[]).filter((s) => violations(s, value, at).length === 0).length;
    if (ok !== 1) out.push(`${at}: matches ${ok} of oneOf`);
  }
  if (schema.anyOf && !(schema.anyOf as Schema[]).some((s) => violations(s, value, at).length === 0)) out.push(`${at}: matches none of anyOf`);
  return out;
}

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema();
  const props = (s: unknown) => (s as { properties: Record<string, Schema> }).properties;
  const scenario = (props(schema).scenarios as { items: Schema }).items;
  const stepSchema = (props(scenario).steps as { items: Schema }).items;

  it('is a draft 2020-12 object schema with the file’s, a scenario’s and a step’s required keys', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['format', 'kind', 'policy', 'scenarios']);
    expect(Object.keys(props(schema))).toEqual(['format', 'kind', 'policy', 'scenarios']);
    expect(schema.additionalProperties).toBe(false);
    expect(scenario.required).toEqual(['id', 'title', 'strategy', 'purpose', 'input', 'request', 'steps', 'covers']);
    expect(Object.keys(props(scenario))).toEqual(scenario.required);
    expect(stepSchema.required).toEqual(['day', 'on', 'says', 'do', 'expect']);
    const expectSchema = props(stepSchema).expect as Schema;
    expect(expectSchema.required).toEqual(['tags', 'secrecy', 'notice', 'disclosed', 'deadlines', 'accepted', 'state']);
    expect(props(expectSchema).notice).toMatchObject({ enum: ['not sent', 'due', 'sent', 'deferred', 'waived', 'not required', 'overdue'] });
  });

  it('the committed schema file is this schema', () => {
    expect(JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'))).toEqual(schema);
  });

  it.each(['preservation.cloudflare', 'nationalSecurityLetter.letsencrypt', 'emergency.cloudflare'])('scenarios/%s.json validates against it, field by field', (name) => {
    const file = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')) as unknown;
    expect(violations(schema, file)).toEqual([]);
    expect(ScenarioFile.safeParse(file).success).toBe(true);
  });

  it('and the checker used above does catch a tampered file', () => {
    const file = raw();
    step(file, 0, 1).expect.colour = 'red';
    delete (file.scenarios[1] as Record<string, unknown>).covers;
    step(file, 2, 0).day = -1;
    expect(violations(schema, file)).toEqual(['$.scenarios[0].steps[1].expect.colour: not allowed', '$.scenarios[1].covers: required', '$.scenarios[2].steps[0].day: below minimum']);
  });
});
