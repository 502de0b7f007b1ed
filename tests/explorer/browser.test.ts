/**
 * The explorer in a real browser (issue 16): playwright-core drives Debian's Chromium against `untoc-kg explore`
 * started with the example corpus (tests/corpus/helpers.ts, synthetic). Deep links, the citation box's errors and
 * suggestions, back and forward, discrepancies, the graph, the coverage map, export, keyboard and phone width, and an
 * axe-core check; screenshots of the main views go to .tmp/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleLines } from '../corpus/helpers.js';
import { BROWSER_SKIP, launchBrowser, PAGE, SCREENSHOTS, startExplorer, type Explorer } from './harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

if (BROWSER_SKIP) test(`explorer browser tests ${BROWSER_SKIP}`, () => {});

describe.skipIf(BROWSER_SKIP !== undefined)('the explorer in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'untoc-kg-explorer-'));
  let explorer: Explorer;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    const corpus = join(dir, 'example.jsonl');
    writeFileSync(corpus, exampleLines());
    mkdirSync(SCREENSHOTS, { recursive: true });
    [explorer, { context, close }] = await Promise.all([startExplorer(['--data', corpus]), launchBrowser()]);
    page = context.pages()[0] ?? (await context.newPage());
  });
  afterAll(async () => {
    await close?.();
    await explorer?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (search: string) => {
    await page.goto(`${explorer.url}${search}`);
    await page.waitForSelector('body[data-ready="true"]');
  };
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });

  /** Serious and critical axe-core violations on the page as it is. */
  async function seriousViolations(): Promise<string[]> {
    await page.addScriptTag({ content: axeSource });
    // A string, run in the page (the tests are type-checked without the DOM's types).
    const results = (await page.evaluate(`axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) })))`)) as {
      id: string;
      impact: string | null;
      targets: string[];
    }[];
    return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
  }

  test('a deep link opens its answer: the Legislative Guides\' Part One chapter V addresses art. 27(1)(e) exactly', async () => {
    await open('?q=art.%2027%20para.%201(e)');
    // Chapter V addresses art. 27(1)(e) exactly and art. 27 as a whole (broader): the strongest match comes first.
    const item = page.locator('[data-tool="legislative-guides"] [data-part="part_1/chp_5"]').first();
    await expect(item.getAttribute('data-match')).resolves.toBe('exact');
    await expect(item.locator('.match').textContent()).resolves.toBe('exact');
    await expect(item.locator('.evidence cite').first().textContent()).resolves.toMatch(/Secretariat/);
    await expect(page.inputValue('#q')).resolves.toBe('art. 27 para. 1(e)');
    await shot('ask');
  });

  test('typing a citation that names nothing shows the error and its suggestion; clicking it answers; back and forward work', async () => {
    await open('?q=art.%2027%20para.%201(e)');
    await page.fill('#q', 'art. 27(1)(g)');
    const problem = page.locator('#q-status [data-state="error"]');
    await expect(problem.getAttribute('data-code')).resolves.toBe('unknown_provision');
    const suggestion = page.locator('#q-status button.suggestion', { hasText: 'art. 27(1)(f)' });
    await expect(suggestion.count()).resolves.toBe(1);
    await shot('ask-error');
    await suggestion.click();
    await page.waitForSelector('.answer[data-provision$="/untoc/art_27/para_1/point_f"]');
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=art. 27(1)(f)');
    await page.goBack();
    await page.waitForSelector('.answer[data-provision$="/untoc/art_27/para_1/point_e"]');
    await page.goForward();
    await page.waitForSelector('.answer[data-provision$="/untoc/art_27/para_1/point_f"]');
  });

  test('the SOM art. 8(5) answer shows the discrepancy with art. 8(6)', async () => {
    await open('?q=SOM%20art.%208(5)');
    const box = page.locator('.discrepancy');
    await expect(box.first().getAttribute('data-claimed')).resolves.toBe('SOM Protocol art. 8(5)');
    await expect(box.first().getAttribute('data-accepted')).resolves.toBe('SOM Protocol art. 8(6)');
  });

  test('with the keyboard only: type a citation, press Enter, and the focus is visible', async () => {
    await open('');
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement?.textContent')).resolves.toBe('Skip to content');
    await page.focus('#q');
    await page.keyboard.type('SOM Protocol art. 6');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.answer');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
  });

  test('export: the answer downloads as CSV with one row per piece of evidence', async () => {
    await open('?q=art.%2027%20para.%201(e)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.export[data-format="csv"]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('provision,tool,part,match,via,basis,source,locator,note');
    expect(text).toContain('"Part One, chapter V",exact,UNTOC art. 27(1)(e),source,');
  });

  test('the graph view draws the provision\'s neighbourhood with sigma.js, tools included', async () => {
    await open('?see=art.%2027%20para.%201(e)');
    const graph = page.locator('#graph');
    await page.waitForSelector('#graph[data-renderer]');
    await expect(graph.getAttribute('data-renderer')).resolves.toBe('sigma');
    expect(Number(await graph.getAttribute('data-tools'))).toBeGreaterThan(0);
    expect(await page.locator('#graph canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('.nodes li[data-kind="tool"]').count()).toBe(Number(await graph.getAttribute('data-tools')));
    await shot('see');
  });

  test('with the example corpus, the coverage map has a cell per State and provision, and the documents are listed', async () => {
    await open('?see=SOM%20Protocol%20art.%206');
    const table = page.locator('table.heatmap');
    const states = await table.locator('thead th[scope="col"]').allTextContents();
    expect(states.slice(1)).toEqual(['DE', 'IT']);
    const rows = Number(await table.getAttribute('data-provisions'));
    expect(rows).toBeGreaterThan(1);
    expect(await table.locator('tbody tr').count()).toBe(rows);
    expect(await table.locator('td.cell').count()).toBe(rows * 2);
    for (const state of ['DE', 'IT']) expect(await table.locator(`td.cell[data-state="${state}"]`).count()).toBe(rows);
    await expect(table.locator('tbody tr').first().locator('td.cell[data-state="DE"]').getAttribute('class')).resolves.toContain('cell-exact');
    expect(await page.locator('.documents [data-document]').count()).toBeGreaterThan(0);
    await page.locator('.coverage').scrollIntoViewIfNeeded();
    await shot('coverage');
  });

  test('browse: an instrument\'s tree opens to its items, and a provision page lists its parents and tools', async () => {
    await open('?view=browse');
    await page.locator('.tree > li > details > summary', { hasText: 'UNTOC' }).first().click();
    // A node's children are written by its `toggle` event, which the browser fires after the click, as a task of its own.
    await page.locator('.tree > li > details[open] li').first().waitFor({ state: 'attached' });
    expect(await page.locator('.tree > li > details[open] li').count()).toBeGreaterThan(10);
    // The SOM Protocol opens on its chapters, and chapter II on its articles.
    await page.locator('.tree > li > details > summary', { hasText: 'SOM Protocol' }).first().click();
    await page.locator('.tree details[open] summary', { hasText: 'SOM Protocol chapter II Smuggling' }).click();
    await page.locator('.tree details[open] a', { hasText: 'SOM Protocol art. 8' }).first().waitFor({ state: 'attached' });
    expect(await page.locator('.tree details[open] a', { hasText: 'SOM Protocol art. 8' }).count()).toBeGreaterThan(0);
    await open('?p=SOM%20Protocol%20art.%208(6)');
    await expect(page.locator('article.provision h2').textContent()).resolves.toContain('SOM Protocol art. 8(6)');
    await expect(page.locator('article.provision .crumbs a').first().textContent()).resolves.toBe('SOM Protocol');
    await shot('browse');
  });

  test('search finds headings and tools', async () => {
    await open('?search=smuggling%20by%20sea');
    expect(await page.locator('.hits li').count()).toBeGreaterThan(0);
  });

  test('at phone width nothing scrolls sideways, in the dark scheme too', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 375, height: 740 });
    await phone.emulateMedia({ colorScheme: 'dark' });
    await phone.goto(`${explorer.url}?q=art.%2027%20para.%201(e)`);
    await phone.waitForSelector('.answer');
    const [scroll, width, background] = (await phone.evaluate('[document.documentElement.scrollWidth, window.innerWidth, getComputedStyle(document.body).backgroundColor]')) as [number, number, string];
    expect(scroll).toBeLessThanOrEqual(Number(width));
    expect(background).toBe('rgb(18, 18, 18)');
    await phone.screenshot({ path: join(SCREENSHOTS, 'phone-dark.png') });
    await phone.close();
  });

  test('the page works as plain files behind any static server, without a corpus', async () => {
    const root = dirname(PAGE);
    const server = createServer((request, response) => {
      const name = new URL(request.url ?? '/', 'http://x').pathname.slice(1) || 'index.html';
      const file = join(root, basename(name));
      if (!existsSync(file)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': { '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'text/html' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${address.port}/?q=SOM%20Protocol%20art.%208(6)`);
      await page.waitForSelector('[data-tool="cna-directory"]');
      await page.goto(`http://127.0.0.1:${address.port}/?view=see`);
      await page.waitForSelector('#graph[data-renderer="sigma"]');
      expect(await page.locator('table.heatmap').count()).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test.each([
    ['the answer', '?q=SOM%20art.%208(5)'],
    ['the error', ''],
    ['browse', '?p=SOM%20Protocol%20art.%208(6)'],
    ['see, with the coverage map', '?see=SOM%20Protocol%20art.%206'],
    ['search', '?search=border'],
  ])('axe-core finds no serious or critical violation: %s', async (_name, search) => {
    await open(search);
    if (search === '') await page.fill('#q', 'art. 27(1)(g)');
    expect(await seriousViolations()).toEqual([]);
  });
});
