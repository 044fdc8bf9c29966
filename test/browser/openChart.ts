import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

/** Where browser tests keep their screenshots, as CI artifacts. */
export const SCREENSHOTS = join('.cache', 'screenshots');

/**
 * Debian's chromium, headless, with a fresh profile, and a page that records every request it
 * makes and every script error.
 */
export async function openBrowser(): Promise<{ context: BrowserContext; page: Page; requests: string[]; errors: string[] }> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'dueprocess-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1500, height: 950 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, requests, errors };
}
