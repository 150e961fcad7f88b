// The built site in a real browser: Debian's Chromium, driven by playwright-core, from disk (file://) and from a
// static server on 127.0.0.1. Every request that would leave those is aborted and fails the test.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../test/bundled.js';
import { buildSite } from './index.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const available = existsSync(CHROMIUM);
if (!available) console.warn(`Skipping the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const require = createRequire(import.meta.url);
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.woff2': 'font/woff2', '.png': 'image/png' };

describe.skipIf(!available)('the site in Chromium', () => {
  let out: string;
  let server: Server;
  let http: string;
  let disk: string;
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];
  const errors: string[] = [];
  const shots = mkdtempSync(join(tmpdir(), 'mianjing-site-screenshots-'));

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'mianjing-site-'));
    const site = await buildSite(bundledDataset(), { title: '面经题库' });
    for (const file of site.files) {
      mkdirSync(dirname(join(out, file.path)), { recursive: true });
      writeFileSync(join(out, file.path), file.data);
    }
    server = createServer((request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '') || 'index.html';
      const file = join(out, path);
      if (path.startsWith('..') || !existsSync(file)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    http = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    disk = pathToFileURL(`${out}/`).href;
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mianjing-chromium-')), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
    });
    const allowed = (url: string) => url.startsWith('file://') || url.startsWith(http) || url.startsWith('data:') || url.startsWith('blob:');
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (allowed(url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    context.on('request', (request) => {
      if (!allowed(request.url())) outside.push(request.url());
    });
    context.on('weberror', (error) => errors.push(error.error().message));
    page = context.pages()[0] ?? (await context.newPage());
    console.log(`screenshots: ${shots}`);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
    expect(outside, 'requests that left 127.0.0.1 and file://').toEqual([]);
    expect(errors, 'uncaught errors in pages').toEqual([]);
  });

  async function axe(name: string): Promise<void> {
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run(
        document,
      );
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
    });
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      name,
    ).toEqual([]);
  }

  async function shoot(name: string): Promise<void> {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: join(shots, `${name}-${width}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  const searchFor = async (base: string, query: string) => {
    await page.goto(`${base}search.html`);
    await page.locator('#q').pressSequentially(query, { delay: 10 });
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/找到 \d+ 条结果/);
    return page.locator('#results a');
  };

  it('browses from disk: topic tree with counts, a question page, a related link', async () => {
    await page.goto(`${disk}index.html`);
    await expect.poll(() => page.locator('.note h2').first().textContent()).toMatch(/\d+ 题/);
    expect(await page.locator('.note').count()).toBe(27);
    await axe('index');
    await shoot('index');
    await page.locator('a[href="q/training/vanishing-exploding-gradients.html"]').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('梯度消失');
    const headings = await page.locator('article h2').allTextContents();
    expect(headings.slice(0, 2)).toEqual(['摘要', '完整答案']);
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    await axe('question');
    await shoot('question');
    const related = page.locator('section[aria-labelledby="related"] a').first();
    const target = await related.getAttribute('href');
    await related.click();
    expect(page.url()).toBe(new URL(target!, `${disk}q/training/vanishing-exploding-gradients.html`).href);
  });

  it('searches in Chinese from disk, with highlights and the keyboard', async () => {
    await page.goto(`${disk}index.html`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    const results = await searchFor(disk, '梯度消失');
    const top = await results.evaluateAll((links) => links.slice(0, 3).map((a) => a.getAttribute('href')));
    expect(top).toContain('q/training/vanishing-exploding-gradients.html');
    expect(await page.locator('#results mark').first().textContent()).toMatch(/梯度|消失/);
    await axe('search');
    await shoot('search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const first = await results.first().getAttribute('href');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${disk}${first}`);
  });

  it('searches mixed queries over http and clicks through to the record', async () => {
    for (const [query, id] of [
      ['KV Cache', 'llm-inference/kv-cache'],
      ['BN 训练 测试', 'training/bn-regularization-inference'],
      ['LoRA 秩', 'peft/lora-hyperparameters'],
    ] as const) {
      const results = await searchFor(http, query);
      const link = results.and(page.locator(`[href="q/${id}.html"]`));
      expect(await results.evaluateAll((links) => links.slice(0, 3).map((a) => a.getAttribute('href')))).toContain(`q/${id}.html`);
      await link.click();
      await page.waitForURL(`${http}q/${id}.html`);
    }
    await page.goto(`${http}search.html?q=${encodeURIComponent('位置编码')}`);
    await expect.poll(() => page.locator('#results a').count()).toBeGreaterThan(0);
  });

  it('drills a note with FSRS and keeps the schedule across reloads, export and import', async () => {
    await page.goto(`${http}drill.html`);
    const row = page.locator('tr[data-note="training"]');
    const count = async (name: string) => Number(await row.locator(`[data-count="${name}"]`).textContent());
    const total = await count('total');
    expect(await count('fresh')).toBe(total);
    await page.goto(`${http}drill.html#note=training`);
    for (const grade of ['3', '4', '1']) {
      await page.locator('#card-heading').waitFor();
      await page.locator('#reveal').click();
      if (grade === '3') {
        await page.locator('#reveal').click();
        await expect.poll(() => page.locator('.card h3').allTextContents()).toEqual(['摘要', '完整答案']);
        await axe('drill');
        await shoot('drill');
      }
      await page.locator(`[data-grade="${grade}"]`).click();
    }
    await page.goto(`${http}drill.html`);
    await page.reload();
    expect(await count('fresh')).toBe(total - 3);
    expect(await count('due')).toBe(2);
    expect(await page.locator('#due-summary [data-count="later"]').textContent()).toBe('1');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(Object.keys(exported.cards)).toHaveLength(3);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    expect(await count('fresh')).toBe(total);
    // Progress saved under a retired id comes back under the record that replaced it.
    exported.cards['rnn/lstm-gradient-flow'] = Object.values(exported.cards)[0];
    const file = join(out, 'progress.json');
    writeFileSync(file, JSON.stringify(exported));
    await page.locator('#import-file').setInputFiles(file);
    await expect.poll(() => page.locator('#progress-status').textContent()).toContain('已导入 4 张');
    expect(await count('fresh')).toBe(total - 3);
    expect(await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('mj-progress')!).cards))).toContain('rnn/why-lstm');
  });

  it('follows the system theme, and remembers the toggle across pages and reloads', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.goto(`${disk}index.html`);
    await page.evaluate(() => localStorage.removeItem('mj-theme'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.locator('.theme-toggle').click();
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.goto(`${disk}q/transformer/sqrt-dk-scaling.html`);
    expect(await background()).toBe('rgb(13, 17, 23)');
    await axe('question, dark');
    await shoot('question-dark');
    await page.locator('.theme-toggle').click();
    expect(await background()).toBe('rgb(255, 255, 255)');
  });

  it('reads without JavaScript', async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${disk}q/transformer/sqrt-dk-scaling.html`);
    expect(await page.locator('.summary').isVisible()).toBe(true);
    expect(await page.locator('.answer .katex').first().isVisible()).toBe(true);
    expect(await page.locator('.theme-toggle').isVisible()).toBe(false);
    await page.locator('.breadcrumb a').first().click();
    await page.waitForURL(`${disk}index.html`);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    await cdp.detach();
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const path of ['index.html', 'q/derivation/bp-one-hidden-layer.html', 'search.html?q=KV', 'drill.html']) {
      await page.goto(`${http}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
