import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { readMachineMeta } from '../../src/cli/readMachineMeta.ts';
import { eventVariants } from '../../src/explore/eventVariants.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { neverStep } from '../../src/rules/language.ts';
import { adHoc, version } from '../support/handMachines.ts';
import { inputErrorOf } from '../support/inputErrorOf.ts';

const withMeta = (meta: object) =>
  setup({ types: {} as { events: { type: 'notice.sent' } | { type: 'challenge.filed'; route: string } | { type: 'tip'; urgent: boolean } } }).createMachine({
    id: 'own',
    initial: 'open',
    meta,
    states: {
      open: { on: { 'notice.sent': 'told', 'challenge.filed': 'told', tip: [{ guard: ({ event }) => event.urgent, target: 'rushed' }, { target: 'told' }] } },
      told: { tags: ['closed'] },
      rushed: { tags: ['closed'] },
    },
  });

describe('readMachineMeta', () => {
  it('fills in one default input and nothing else when meta declares nothing', () => {
    expect(readMachineMeta(withMeta({}))).toEqual({ inputs: [{ name: 'default', input: undefined }], declared: {} });
  });

  it('leaves keys of its own alone, in meta and in inputs, when they are not a letter or two off one the checker reads', () => {
    const meta = { description: 'our workflow', inputs: [{ name: 'a', input: { ticket: 'T-1', categories: ['content'], dataAgeDays: 3 } }] };
    expect(readMachineMeta(withMeta(meta)).inputs).toEqual(meta.inputs);
  });

  it('keeps what a sound meta declares', () => {
    const meta = { kind: 'subpoena', inputs: [{ name: 'a', input: { x: 1 } }], alphabet: { 'challenge.filed': { route: ['motionToQuash'] }, tip: { urgent: [true, false] } } };
    expect(readMachineMeta(withMeta(meta))).toEqual({ kind: 'subpoena', inputs: meta.inputs, declared: meta.alphabet });
  });

  it.each([
    ['a misspelt kind', { kind: 'searchwarrant' }, 'meta.kind', /use one of subpoena, .*searchWarrant.*, or leave it out; did you mean searchWarrant\?$/],
    ['inputs that are not a list', { inputs: { name: 'x' } }, 'meta.inputs', /give an array/],
    ['an input without a name', { inputs: [{ input: 1 }] }, 'meta.inputs[0].name', /give a string/],
    ['two inputs of one name', { inputs: [{ name: 'a', input: 1 }, { name: 'a', input: 2 }] }, 'meta.inputs[1].name', /its own name/],
    ['values for an event the machine does not have', { alphabet: { 'notice.snet': { x: [1] } } }, 'meta.alphabet["notice.snet"]', /its events: notice\.sent, challenge\.filed, tip/],
    ['a field a vocabulary event does not have', { alphabet: { 'challenge.filed': { court: ['x'] } } }, 'meta.alphabet["challenge.filed"].court', /its fields are route/],
    ['a value the field does not allow', { alphabet: { 'challenge.filed': { route: ['ok', 7] } } }, 'meta.alphabet["challenge.filed"].route[1]', /give a string/],
    ['a field with no values', { alphabet: { tip: { urgent: [] } } }, 'meta.alphabet.tip.urgent', /at least 1/],
    ['a misspelt key of meta', { kidn: 'subpoena' }, 'meta.kidn', /did you mean kind\?/],
    ['a misspelt request field in an input', { inputs: [{ name: 'old', input: { dataAgeDay: 4000 } }] }, 'meta.inputs[0].input.dataAgeDay', /did you mean dataAgeDays\?/],
    ['a request field of the wrong type', { inputs: [{ name: 'old', input: { dataAgeDays: 'old' } }] }, 'meta.inputs[0].input.dataAgeDays', /give a number/],
    ['a category that is not one', { inputs: [{ name: 'a', input: { categories: ['contents'] } }] }, 'meta.inputs[0].input.categories[0]', /use one of .*"content"/],
  ])('refuses %s, naming the field and the fix', (_name, meta, field, fix) => {
    const error = inputErrorOf(() => readMachineMeta(withMeta(meta)));
    expect(error.field).toBe(field);
    expect(error.fix).toMatch(fix);
  });
});

describe('an event of the machine’s own', () => {
  it('is tried with each value declared for its fields', () => {
    expect(eventVariants(['tip'], { tip: { urgent: [true, false] } })).toEqual([
      { type: 'tip', urgent: true },
      { type: 'tip', urgent: false },
    ]);
    expect(eventVariants(['tip'], {})).toEqual([{ type: 'tip' }]);
  });

  it('so the checker reaches what only a declared value leads to', () => {
    const machine = withMeta({ alphabet: { 'challenge.filed': { route: ['motionToQuash'] }, tip: { urgent: [true, false] } } });
    const rule = adHoc('never-rushed', neverStep((info) => info.post.matches('rushed'), 'rushed'));
    const [result] = checkMachine({ name: 'own', machine, ...readMachineMeta(machine) }, version, [rule]);
    expect(result?.status).toBe('violated');
    expect(result?.counterexample?.map((s) => s.what)).toEqual(['request received', expect.stringMatching(/^tip/)]);
  });
});
