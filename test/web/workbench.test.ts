import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/orchestrate/ingest.js';
import { defaultPipeline } from '../../src/pipeline/default.js';
import { FIXTURE_DOC_ID, spanOf, writeFixture } from './fixture.js';
import { ARTIFACTS, browserUnavailable, launchChromium, type RunningDyad, startDyad } from './harness.js';

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));
const SHARED_DEV = fileURLToPath(new URL('../../../shared/corpus/dev', import.meta.url));
const DOCS = fileURLToPath(new URL('../../docs', import.meta.url));

const unavailable = browserUnavailable();
if (unavailable) console.warn(`skipping browser tests: ${unavailable}`);

const AGREED_EVENT = `event:${FIXTURE_DOC_ID}:${spanOf('agreed to expand rail links').start}-${spanOf('agreed to expand rail links').end}`;

describe.skipIf(unavailable !== null)('web workbench in Chromium', () => {
  let dyad: RunningDyad;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    dyad = await startDyad(async (store) => {
      // The examples when present (else the shared development document), plus hand-built findings for every view.
      const corpus = existsSync(EXAMPLES) ? [EXAMPLES] : existsSync(SHARED_DEV) ? [SHARED_DEV] : [];
      if (corpus.length) await ingestPaths(store, corpus, { pipeline: defaultPipeline });
      await writeFixture(store);
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await dyad?.stop();
  }, 60_000);

  it('opens the dyad dashboard with monthly chart, timeline, figures and claims', async () => {
    await page.goto(`${dyad.url}/#/dashboard?a=PRK&b=RUS`);
    await page.locator('svg.monthly').waitFor();
    // The timeline draws after the chart, once the findings have loaded.
    await page.locator('svg.timeline a.timeline-event').first().waitFor();
    expect(await page.locator('svg.timeline a.timeline-event').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('svg.monthly').getAttribute('aria-label')).toContain('PRK and RUS');
    await expect.poll(() => page.locator('table.claims tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('table.claims').textContent()).toContain('likely');
    expect(await page.getByRole('heading', { name: 'trade (USD)' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Show data table' }).first().click();
    expect(await page.locator('figure.chart table').first().textContent()).toContain('2024-03');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    // The README's screenshot is refreshed on request, so a test run never edits tracked files.
    if (process.env.DYAD_UPDATE_SCREENSHOT) {
      mkdirSync(DOCS, { recursive: true });
      copyFileSync(join(ARTIFACTS, 'dashboard.png'), join(DOCS, 'dashboard.png'));
    }
  });

  it('saves a holder grade chosen in the claims table on the server', async () => {
    await page.goto(`${dyad.url}/#/dashboard?a=PRK&b=RUS`);
    const select = page.getByLabel('Grade of KOR').first();
    await select.waitFor();
    await select.selectOption('B2');
    await expect
      .poll(async () => (await dyad.store.grades()).byHolder?.KOR)
      .toEqual({ reliability: 'B', credibility: 2 });
    await select.selectOption('');
    await expect.poll(async () => (await dyad.store.grades()).byHolder?.KOR).toBeUndefined();
  });

  it('exports charts as SVG and PNG, events as CSV, and the timeline as TimelineJS JSON', async () => {
    await page.goto(`${dyad.url}/#/dashboard?a=PRK&b=RUS`);
    await page.locator('svg.timeline').waitFor();
    const save = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const monthly = page.locator('figure.chart').filter({ has: page.locator('svg.monthly') });
    const svg = await save(() => monthly.getByRole('button', { name: 'SVG' }).click());
    expect(svg.name).toBe('dyad-PRK-RUS-monthly.svg');
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await save(() => monthly.getByRole('button', { name: 'PNG' }).click());
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const csv = await save(() => page.locator('.pair-picker').getByRole('button', { name: 'CSV' }).click());
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toContain('type');
    // The examples add their own PRK–RUS events to the four of the fixture.
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.some((line) => line.includes(AGREED_EVENT))).toBe(true);
    const timeline = await save(() => page.getByRole('button', { name: 'TimelineJS' }).click());
    const parsed = JSON.parse(timeline.bytes.toString('utf8')) as { events: { start_date: unknown }[] };
    expect(parsed.events.length).toBeGreaterThanOrEqual(4);
    expect(parsed.events.length).toBeLessThanOrEqual(lines.length - 1);
    await page.goto(`${dyad.url}/#/map`);
    await page.locator('g.route').first().waitFor();
    const geo = await save(() => page.getByRole('button', { name: 'GeoJSON' }).click());
    const features = (
      JSON.parse(geo.bytes.toString('utf8')) as { features: { properties: { kind: string } }[] }
    ).features;
    const stops = features.filter((f) => f.properties.kind === 'itinerary-stop');
    expect(stops.length).toBeGreaterThanOrEqual(3);
    expect(stops.map((f) => JSON.stringify(f.properties))).toContainEqual(
      expect.stringContaining('Vladivostok'),
    );
  });

  it('draws the itinerary on the map with its stops in order', async () => {
    await page.goto(`${dyad.url}/#/map`);
    const route = page.locator('g.route[aria-label="Itinerary of RUS delegation"]');
    await route.waitFor();
    const stops = await route
      .locator('g.stop')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
    expect(stops).toEqual([
      '1. 2024-05-05 Moscow (departs)',
      '2. 2024-05-07 Vladivostok (visits)',
      '3. 2024-05-09 Pyongyang (arrives)',
    ]);
    expect(await page.locator('svg.map path').count()).toBeGreaterThan(100);
    // The time slider hides stops after the chosen day.
    const slider = page.locator('.slider input[type=range]');
    await slider.fill(String(Date.UTC(2024, 4, 8)));
    await expect.poll(() => route.locator('g.stop').count()).toBe(2);
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => route.locator('g.stop').count()).toBe(3);
    await page.screenshot({ path: join(ARTIFACTS, 'map.png'), fullPage: true });
  });

  it('clicking an event on the timeline opens the reader with its evidence highlighted', async () => {
    await page.goto(`${dyad.url}/#/dashboard?a=PRK&b=RUS`);
    await page.locator(`a.timeline-event[data-event-id="${AGREED_EVENT}"]`).click();
    await page.waitForURL(/#\/reader\//);
    const selected = page.locator('article.doc-text mark.selected');
    await selected.first().waitFor();
    const text = (await selected.allInnerTexts()).join('');
    expect(text).toBe('agreed to expand rail links');
    expect(await page.locator('.finding-detail').textContent()).toContain('2024-03-03');
    await page.screenshot({ path: join(ARTIFACTS, 'reader.png'), fullPage: false });
  });

  it('explains a timex: value, anchor and rule', async () => {
    await page.goto(`${dyad.url}/#/reader/${FIXTURE_DOC_ID}`);
    await page.getByRole('button', { name: /Two weeks later/ }).click();
    const detail = await page.locator('.finding-detail').textContent();
    expect(detail).toContain('2024-03-17');
    expect(detail).toContain('relative-week-offset');
    expect(detail).toContain('the last date mentioned');
  });

  it('shows the network with actors as nodes and keyboard-toggles the actor filter', async () => {
    await page.goto(`${dyad.url}/#/network`);
    const node = page.locator('g.node[aria-label^="RUS:"]');
    await node.waitFor();
    expect(await page.locator('g.node').count()).toBeGreaterThanOrEqual(3);
    await node.focus();
    await page.keyboard.press('Enter');
    expect(await node.getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'network.png'), fullPage: true });
    await page.keyboard.press('Enter');
  });

  it('searches with snippets as text and facets', async () => {
    await page.goto(`${dyad.url}/#/search?q=wheat`);
    const hit = page.locator('ol.hits li').first();
    await hit.waitFor();
    expect(await hit.locator('mark').textContent()).toBe('wheat');
    const facets = await page.locator('aside.facets').textContent();
    expect(facets).toContain('event (1)');
    expect(facets).toContain('RUS');
    await page.screenshot({ path: join(ARTIFACTS, 'search.png'), fullPage: true });
  });

  it('uploads an HTML page through the library and never runs its scripts', async () => {
    await page.goto(`${dyad.url}/#/library`);
    await page.locator('table.documents').waitFor();
    const hostile =
      '<html><body><p>Talks resumed between the delegations.</p>' +
      '<script>window.__dyadPwned = "script";</script>' +
      '<img src="x" onerror="window.__dyadPwned = \'onerror\'">' +
      '<p>Officials called the hostilesample meeting useful.</p></body></html>';
    await page.locator('input[type=file]').setInputFiles({
      name: 'hostile.html',
      mimeType: 'text/html',
      buffer: Buffer.from(hostile),
    });
    const result = page.locator('.upload-results li').first();
    await result.waitFor();
    expect(await result.textContent()).toContain('hostile.html');
    const link = result.locator('a');
    if ((await link.count()) > 0) {
      await link.click();
      await page.locator('article.doc-text').waitFor();
      expect(await page.locator('article.doc-text img, article.doc-text script').count()).toBe(0);
    }
    await page.goto(`${dyad.url}/#/search?q=hostilesample`);
    await page.locator('ol.hits, .empty').first().waitFor();
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as unknown as { __dyadPwned?: string }).__dyadPwned),
    ).toBeUndefined();
    await page.goto(`${dyad.url}/#/library`);
    await page.locator('table.documents').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'library.png'), fullPage: true });
  });

  it('is keyboard navigable from the skip link and loads with no console errors or CSP violations', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${dyad.url}/#/library`);
    await fresh.locator('table.documents').waitFor();
    await fresh.keyboard.press('Tab');
    expect(await fresh.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await fresh.keyboard.press('Tab');
    expect(await fresh.evaluate(() => document.activeElement?.textContent)).toBe('Library');
    await fresh.close();
    const csp = problems.filter((p) => /Content Security Policy|Refused/.test(p));
    expect(csp).toEqual([]);
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });

  it('shows empty states, not errors, on every view of an empty store', async () => {
    const empty = await startDyad(async () => {});
    const context = await browser.newContext();
    const errors: string[] = [];
    try {
      const tab = await context.newPage();
      tab.on('pageerror', (e) => errors.push(e.message));
      for (const view of ['library', 'reader', 'dashboard', 'map', 'network']) {
        await tab.goto(`${empty.url}/#/${view}`);
        await tab.locator('p.empty').first().waitFor();
      }
      await tab.goto(`${empty.url}/#/search?q=anything`);
      await tab.locator('.results p.empty').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await empty.stop();
    }
  });

  it('takes ?token= once, keeps it for the tab, and sends it on every API call', async () => {
    const guarded = await startDyad(writeFixture, { token: 'tok-123' });
    const context = await browser.newContext();
    const stranger = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${guarded.url}/?token=tok-123#/library`);
      await tab.locator('table.documents').waitFor();
      expect(tab.url()).not.toContain('tok-123');
      await tab.reload();
      await tab.locator('table.documents').waitFor();
      const other = await stranger.newPage();
      await other.goto(`${guarded.url}/#/library`);
      await other.locator('[role=alert]').waitFor();
      expect(await other.locator('[role=alert]').textContent()).toContain('token');
    } finally {
      await context.close();
      await stranger.close();
      await guarded.stop();
    }
  });
});
