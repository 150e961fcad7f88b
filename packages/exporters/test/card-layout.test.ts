// The back of a card with a wide table and a long formula, as Anki shows it (the note type's templates and CSS around
// the exported fields), in Debian's Chromium at a 360 px phone width: the page itself never scrolls sideways; the
// table and the formula scroll inside the card. Skipped when /usr/bin/chromium is missing.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportAnki } from '../src/anki/export.js';
import { NOTE_TYPE_LOOK } from '../src/anki/model.js';
import { type OpenedApkg, openApkg } from './helpers/apkg.js';
import { dataset, record } from './helpers/dataset.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const wideTable = [
  '| 方法 | 参数量 | 计算量 | 显存 | 适用场景 |',
  '| --- | --- | --- | --- | --- |',
  '| 全参数微调 | 全部参数都参与训练与更新 | 前向加反向的全部计算 | 权重、梯度与优化器状态 | 数据充足、资源充足的场景 |',
].join('\n');
// Without MathJax in the test, the TeX itself stands for the typeset formula: one long unbreakable run.
const longFormula = `$$\n${Array.from({ length: 40 }, (_, i) => `x_{${i}}`).join('+')}\n$$`;

/** What Anki shows for a card: its back template with the fields filled in, inside the card's body. */
function cardBack(apkg: OpenedApkg): string {
  const [note] = apkg.rows('SELECT flds FROM notes') as Array<{ flds: string }>;
  const [id, question, answer, breadcrumb, source] = note!.flds.split('\u001f');
  const fields: Record<string, string | undefined> = { ID: id, Question: question, Answer: answer, Breadcrumb: breadcrumb, Source: source };
  const fill = (template: string): string => template.replace(/\{\{(\w+)\}\}/g, (_, field: string) => (field === 'FrontSide' ? fill(NOTE_TYPE_LOOK.front) : (fields[field] ?? '')));
  return `<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1"><style>${NOTE_TYPE_LOOK.css}</style><body class="card">${fill(NOTE_TYPE_LOOK.back)}</body>`;
}

describe.skipIf(!existsSync(CHROMIUM))('a card on a phone', () => {
  it('keeps wide tables and formulas in their own scroll boxes at 360 px', async () => {
    const apkg = await openApkg(
      await exportAnki(dataset([record({ id: 'peft/compare', question: '几种微调方式怎么比较？', summary: '看参数量、计算量和显存。', answer: `${wideTable}\n\n${longFormula}` })])),
    );
    const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mianjing-card-')), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 360, height: 740 },
    });
    try {
      const page = await browser.newPage();
      await page.setContent(cardBack(apkg));
      const widths = await page.evaluate(() => {
        const table = document.querySelector('.answer table') as HTMLElement;
        const math = document.querySelector('.math-display') as HTMLElement;
        const cells = [...document.querySelectorAll('.answer td')].map((cell) => cell.getBoundingClientRect().width);
        return {
          page: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          table: [table.clientWidth, table.scrollWidth],
          math: [math.clientWidth, math.scrollWidth],
          narrowestCell: Math.min(...cells),
        };
      });
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      // The content is wider than the phone, and scrolls inside its own box instead of widening the page.
      expect(widths.table[1]).toBeGreaterThan(widths.table[0]!);
      expect(widths.math[1]).toBeGreaterThan(widths.math[0]!);
      // No column is squeezed to a character per line.
      expect(widths.narrowestCell).toBeGreaterThan(60);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
