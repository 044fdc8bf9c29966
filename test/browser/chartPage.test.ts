import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import { reportJson } from '../../src/cli/checkReport.ts';
import { cloudflare } from '../../src/policy/cloudflare.ts';
import { policyVersionAt } from '../../src/policy/policyVersionAt.ts';
import { checkMachine } from '../../src/rules/checkMachine.ts';
import { noticeBeforeDisclosure } from '../../src/rules/noticeRules.ts';
import { readScenarioFile } from '../../src/scenarios/readScenarioFile.ts';
import { statechartModel } from '../../src/viz/statechartModel.ts';
import { chartPage } from '../../src/viz/toHtml.ts';
import { isOr, mutateState, transitionsOf, withoutParts } from '../support/mutate.ts';
import { SCREENSHOTS, openBrowser } from './openChart.ts';
import { kindTarget } from '../../src/rules/runCheckTask.ts';
import { runCliCaptured } from '../support/runCliCaptured.ts';

// The chart page in a real browser (Debian's chromium through playwright-core): the scenario
// player, the counterexample view, and that the page asks for nothing but itself.

const dir = mkdtempSync(join(tmpdir(), 'dueprocess-page-'));
const subpoena = findKind('subpoena');
if (!subpoena) throw new Error('no subpoena kind');
const file = readScenarioFile('scenarios/subpoena.cloudflare.json');
let context: BrowserContext;
let page: Page;
let requests: string[];
let errors: string[];
let pageUrl: string;

beforeAll(async () => {
  const html = await chartPage(statechartModel(subpoena.machine), [file], subpoena.title);
  const path = join(dir, 'subpoena.html');
  writeFileSync(path, html);
  pageUrl = pathToFileURL(path).href;
  ({ context, page, requests, errors } = await openBrowser());
  await page.goto(pageUrl);
}, 60_000);

afterAll(async () => {
  await context?.close();
});

const active = () => page.$$eval('g.state.active', (gs) => gs.map((g) => (g as SVGGElement).dataset.state).sort());
const field = (prefix: string, name: string) => page.locator(`#${prefix}-now [data-field="${name}"] span`).innerText();

describe('the chart page', () => {
  it('draws every state of the machine', async () => {
    const drawn = await page.$$eval('g.state', (gs) => gs.length);
    expect(drawn).toBe(statechartModel(subpoena.machine).nodes.length - 1);
  });

  it('plays a scenario step by step: the active states and the timeline follow the steps', async () => {
    const scenario = file.scenarios.find((s) => s.steps.length >= 4 && s.steps.some((x) => x.do.kind === 'endDay'));
    if (!scenario) throw new Error('no scenario with a deadline in the subpoena file');
    const index = file.scenarios.indexOf(scenario);
    await page.selectOption('#sc-select', String(index));
    const leaves = (k: number) => (scenario.steps[k]?.expect.state ?? '').split(' · ');
    for (let k = 0; k < scenario.steps.length; k++) {
      const step = scenario.steps[k];
      if (!step) continue;
      expect(await page.locator('#sc-timeline li.current').innerText()).toBe(`${step.on} · ${step.says}`);
      expect(await field('sc', 'notice')).toBe(step.expect.notice);
      const shown = await active();
      for (const leaf of leaves(k)) expect(shown).toContain(leaf);
      if (k === scenario.steps.length - 1) await page.screenshot({ path: join(SCREENSHOTS, 'scenario-player.png') });
      await page.click('#sc-forward');
    }
    await page.click('#sc-back');
    expect(await page.locator('#sc-timeline li.current').innerText()).toBe(`${scenario.steps[scenario.steps.length - 2]?.on} · ${scenario.steps[scenario.steps.length - 2]?.says}`);
  });

  it('loads a counterexample from `check --json` and plays the violating path with its rule and source', async () => {
    const mutant = mutateState(subpoena.machine, 'process.compliance', (s) => {
      (s.on as Record<string, unknown>)['data.disclosed'] = transitionsOf(s, 'data.disclosed').map((t) => ({ ...t, guard: withoutParts(t.guard, isOr) }));
    });
    const version = policyVersionAt(cloudflare, '2026-01-15');
    const results = checkMachine(kindTarget(subpoena, mutant), version, [noticeBeforeDisclosure]);
    expect(results[0]?.status).toBe('violated');
    const report = join(dir, 'report.json');
    writeFileSync(report, JSON.stringify(reportJson([{ machine: 'subpoena', policy: 'cloudflare', version: version.title, results, ms: 0 }])));
    await page.setInputFiles('#cx-file', resolve(report));
    await page.waitForSelector('#cx-timeline li');
    const steps = results[0]?.counterexample ?? [];
    expect(await page.locator('#cx-timeline li').count()).toBe(steps.length);
    expect(await page.locator('#cx-rule').innerText()).toContain(noticeBeforeDisclosure.title);
    expect(await page.locator('#cx-rule').innerText()).toContain('§4');
    for (const [k, step] of steps.entries()) {
      for (const leaf of step.state.split(' · ')) expect(await active()).toContain(leaf);
      if (k < steps.length - 1) await page.click('#cx-forward');
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'counterexample.png') });
  });

  it('plays a counterexample of a machine of your own: the page of `viz --machine FILE` takes the rows `check --machine FILE --json` names by the file', async () => {
    const html = join(dir, 'mine.html');
    expect((await runCliCaptured(['viz', '--machine', 'examples/my-workflow.ts', '--format', 'html', '--out', html])).code).toBe(0);
    const checked = await runCliCaptured(['check', '--machine', 'examples/my-workflow.ts', '--policy', 'cloudflare', '--json']);
    const rows = JSON.parse(checked.out) as { machine: string; rules: { status: string }[] }[];
    expect(rows.map((r) => r.machine)).toEqual(['examples/my-workflow.ts']);
    const violated = rows.flatMap((r) => r.rules).filter((x) => x.status === 'violated');
    expect(violated.length).toBeGreaterThan(0);
    const report = join(dir, 'mywf.json');
    writeFileSync(report, checked.out);
    const mine = await context.newPage();
    mine.on('pageerror', (e) => errors.push(String(e)));
    await mine.goto(pathToFileURL(html).href);
    await mine.setInputFiles('#cx-file', resolve(report));
    await mine.waitForFunction(() => document.getElementById('cx-rule')?.textContent);
    expect(await mine.locator('#cx-rule').innerText()).not.toContain('has no violated rule');
    expect(await mine.locator('#cx-select option').count()).toBe(violated.length);
    expect(await mine.locator('#cx-timeline li').count()).toBeGreaterThan(0);
    await mine.close();
  });

  it('makes no request beyond the page itself, and raises no script error', () => {
    expect(requests.filter((u) => u !== pageUrl)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
