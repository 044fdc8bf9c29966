import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createActor } from 'xstate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKind } from '../../machines/catalogue.ts';
import { type Inspector, startInspector } from '../../src/inspect/inspectorServer.ts';
import { SCREENSHOTS, openBrowser } from '../browser/openChart.ts';
import { statelyInspector } from './statelyInspector.ts';
import { openSocket } from './wsClients.ts';

// The live inspector page in a real browser (Debian's chromium): a running actor's state moves on
// the chart, its events are logged, and the page talks to nothing but its own server.

const WAIT = { timeout: 15_000 };
const subpoena = findKind('subpoena');
if (!subpoena?.inputs[0]) throw new Error('no subpoena kind with an input');
let inspector: Inspector;
let context: BrowserContext;
let page: Page;
let requests: string[];
let errors: string[];

beforeAll(async () => {
  inspector = await startInspector();
  ({ context, page, requests, errors } = await openBrowser());
  page.on('websocket', (ws) => requests.push(ws.url()));
  await page.goto(inspector.url);
  await page.waitForFunction(() => document.getElementById('connection')?.textContent === 'connected', undefined, WAIT);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await inspector?.close();
});

describe('the live inspector page', () => {
  it('follows a running actor: its state on the chart, its event log and context', async () => {
    const reporter = statelyInspector(inspector.wsUrl);
    const actor = createActor(subpoena.machine, { input: subpoena.inputs[0]?.input, inspect: reporter.inspect });
    actor.start();
    await page.waitForSelector('g.state.active[data-state="process.review"]', WAIT);
    expect(await page.locator(`#actors li[data-session="${actor.sessionId}"]`).innerText()).toContain('subpoena');
    expect(await page.locator('div.chart[data-machine="subpoena"]').isVisible()).toBe(true);

    actor.send({ type: 'review.completed', finding: 'sufficient' });
    await page.waitForSelector('g.state.active[data-state="process.compliance"]', WAIT);
    expect(await page.locator('g.state.active[data-state="process.review"]').count()).toBe(0);
    await page.waitForSelector('#log li[data-type="review.completed"]', WAIT);
    expect(JSON.parse(await page.locator('#context').innerText())).toEqual(JSON.parse(JSON.stringify(actor.getSnapshot().context)));
    await page.screenshot({ path: join(SCREENSHOTS, 'inspector.png') });
    actor.stop();
    reporter.close();
  });

  it('shows an actor of an unknown machine without a chart', async () => {
    const app = await openSocket(inspector.wsUrl);
    app.send(JSON.stringify({ type: '@xstate.actor', sessionId: 'other:1', name: 'traffic', definition: '{"id":"trafficLight"}', snapshot: { status: 'active', value: { light: 'red' }, context: { n: 1 } } }));
    await page.locator('#actors li[data-session="other:1"]').click(WAIT);
    await page.waitForSelector('#no-chart', { state: 'visible', ...WAIT });
    expect(await page.locator('#value').innerText()).toBe('light.red');
    expect(await page.locator('g.state.active').count()).toBe(0);
    expect(await page.locator('div.chart:not([hidden])').count()).toBe(0);
    app.close();
  });

  it('requests nothing but its own page and its own WebSocket, and raises no script error', () => {
    expect(requests).toContain(`${inspector.wsUrl}/live`);
    expect(requests.filter((u) => u !== inspector.url && u !== `${inspector.wsUrl}/live`)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
