import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/runCliCaptured.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'dueprocess-cli-suite-again-'));

describe('dueprocess suite into a folder an earlier run wrote', () => {
  it('removes the files the earlier run generated and this one does not write, and leaves the user’s own files', async () => {
    const out = join(tmp(), 'suite');
    expect((await runCliCaptured(['suite', '--out', out, '--kinds', 'preservation', '--adapter', 'model'])).code).toBe(0);
    writeFileSync(join(out, 'adapter.ts'), '// mine, filled in\n');
    writeFileSync(join(out, 'mine.test.ts'), '// a test of my own\n');
    writeFileSync(join(out, 'scenarios', 'notes.json'), '{"format":"mine"}\n');

    const again = await runCliCaptured(['suite', '--out', out, '--kinds', 'emergency']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^wrote 2 test files \(\d+ scenarios\) to .*; removed 5 stale generated files; run them with/);
    expect(readdirSync(out).sort()).toEqual(['adapter.ts', 'conformance.ts', 'emergency.cloudflare.test.ts', 'emergency.letsencrypt.test.ts', 'mine.test.ts', 'scenarios', 'vitest.config.mts']);
    expect(readdirSync(join(out, 'scenarios')).sort()).toEqual(['emergency.cloudflare.json', 'emergency.letsencrypt.json', 'notes.json', 'scenario.schema.json']);
    expect(readFileSync(join(out, 'adapter.ts'), 'utf8')).toBe('// mine, filled in\n');
    expect(readFileSync(join(out, 'mine.test.ts'), 'utf8')).toBe('// a test of my own\n');

    const same = await runCliCaptured(['suite', '--out', out, '--kinds', 'emergency']);
    expect(same.out).not.toContain('removed');
  });

  it('keeps model.adapter.ts while --adapter model writes it, and keeps one that is not generated', async () => {
    const out = join(tmp(), 'suite');
    expect((await runCliCaptured(['suite', '--out', out, '--kinds', 'preservation', '--adapter', 'model'])).code).toBe(0);
    const again = await runCliCaptured(['suite', '--out', out, '--kinds', 'preservation,abuseComplaint', '--adapter', 'model']);
    expect(again.out).not.toContain('removed');
    expect(readdirSync(out)).toContain('model.adapter.ts');

    writeFileSync(join(out, 'model.adapter.ts'), '// my own\n');
    expect((await runCliCaptured(['suite', '--out', out, '--kinds', 'preservation'])).out).toContain('; removed 4 stale generated files;');
    expect(readFileSync(join(out, 'model.adapter.ts'), 'utf8')).toBe('// my own\n');
  });

  it('never removes a scenario file from the folder it reads them from, when --out holds that folder', async () => {
    const home = tmp();
    mkdirSync(join(home, 'scenarios'));
    const names = ['preservation.cloudflare.json', 'abuseComplaint.cloudflare.json'];
    for (const name of names) copyFileSync(join('scenarios', name), join(home, 'scenarios', name));
    const { code } = await runCliCaptured(['suite', '--out', home, '--dir', join(home, 'scenarios'), '--kinds', 'preservation']);
    expect(code).toBe(0);
    expect(readdirSync(join(home, 'scenarios')).sort()).toEqual([...names, 'scenario.schema.json'].sort());
  });

  it.each([
    ['conformance.ts', '// my own runner\n'],
    ['vitest.config.mts', 'export default { test: { include: ["my/**"] } };\n'],
    ['emergency.cloudflare.test.ts', '// my own test of this name\n'],
    [join('scenarios', 'emergency.cloudflare.json'), '{"format":"mine"}\n'],
  ])('refuses to write over %s when it did not generate it, and writes nothing', async (name, mine) => {
    const out = join(tmp(), 'suite');
    mkdirSync(join(out, 'scenarios'), { recursive: true });
    writeFileSync(join(out, name), mine);

    const { code, err } = await runCliCaptured(['suite', '--out', out, '--kinds', 'emergency']);
    expect(code).toBe(2);
    expect(err).toContain('--out: holds a file `dueprocess suite` did not write; writing the suite there would overwrite it (got "');
    expect(err).toContain('Fix: move it away, or write the suite to another folder (--out)');
    expect(readFileSync(join(out, name), 'utf8')).toBe(mine);
    expect([...readdirSync(out), ...readdirSync(join(out, 'scenarios'))].sort()).toEqual([basename(name), 'scenarios'].sort());
  });

  it('refuses a folder where the suite writes a file, before writing anything', async () => {
    const out = join(tmp(), 'suite');
    mkdirSync(join(out, 'conformance.ts'), { recursive: true });
    const { code, err } = await runCliCaptured(['suite', '--out', out, '--kinds', 'emergency']);
    expect(code).toBe(2);
    expect(err).toContain('is a folder, where the suite writes a file');
    expect(readdirSync(out)).toEqual(['conformance.ts']);
  });
});
