// The site of the bundled dataset (`pnpm build` writes it): search quality, index size and page weight.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundledDataset, catalogOf, fileText, shardOfSite } from '../test/bundled.js';
import { buildSite } from './index.js';
import { loadShard, search, shardOf, queryTerms } from './search-core.js';

const site = await buildSite(bundledDataset());
const catalog = catalogOf(site);
const shards = new Map<number, ReturnType<typeof loadShard>>();
const load = (n: number) => {
  if (!shards.has(n)) shards.set(n, loadShard(shardOfSite(site, n)));
  return shards.get(n)!;
};
const top3 = async (query: string) => (await search(query, load, catalog.shards, 3)).map((hit) => catalog.records[hit.doc]![0]);
const size = (path: string) => Buffer.byteLength(fileText(site, path));
const KB = 1024;

describe('search over the bundled dataset', () => {
  it.each([
    ['BN 训练 测试', 'training/bn-regularization-inference'],
    ['LoRA 秩', 'peft/lora-hyperparameters'],
    ['梯度消失', 'training/vanishing-exploding-gradients'],
    ['KV Cache', 'llm-inference/kv-cache'],
    ['注意力 复杂度', 'transformer-problems/attention-complexity'],
    ['Adam 偏差修正', 'optimization/adam'],
    ['知识蒸馏 温度', 'llm-applications/knowledge-distillation'],
    ['位置编码', 'transformer/why-positional-encoding'],
    ['GAN 模式崩溃', 'gan/mode-collapse-instability'],
    ['为什么除以根号 dk', 'transformer/sqrt-dk-scaling'],
    ['残差连接', 'transformer/residual-connection'],
    ['ＬｏＲＡ', 'peft/lora-principle'],
  ])('finds %j in the top 3', async (query, id) => {
    const found = await top3(query);
    console.log(`${query} → ${found.join(', ')}`);
    expect(found).toContain(id);
  });

  it('finds a word from its first letters, as it is typed', async () => {
    expect(await top3('KV Ca')).toContain('llm-inference/kv-cache');
  });

  it('ranks a match in the question above the same words in answers only', async () => {
    const hits = await search('梯度消失', load, catalog.shards, 20);
    const firstAnswerOnly = hits.findIndex((hit) => hit.fields.every((field) => field === 'answer'));
    const lastInQuestion = hits.findLastIndex((hit) => hit.fields.includes('question'));
    expect(firstAnswerOnly === -1 || firstAnswerOnly > lastInQuestion).toBe(true);
  });
});

describe('size', () => {
  const shardPaths = site.files.map((f) => f.path).filter((path) => path.startsWith('search/shard-'));
  const shardSizes = shardPaths.map(size);
  const total = shardSizes.reduce((a, b) => a + b, 0);

  it('keeps each search shard under 160 KB and the whole index under 3 MB (1 MB gzipped)', () => {
    const gzipped = shardPaths.reduce((n, path) => n + gzipSync(fileText(site, path)).length, 0);
    console.log(
      `search index: ${shardPaths.length} shards, ${total} bytes (${gzipped} gzipped), largest ${Math.max(...shardSizes)}; snippets ${size('search/snippets.js')}, catalog ${size('data/catalog.js')}`,
    );
    expect(Math.max(...shardSizes)).toBeLessThan(160 * KB);
    expect(total).toBeLessThan(3 * 1024 * KB);
    expect(gzipped).toBeLessThan(1024 * KB);
  });

  it('loads under 700 KB for a three-term query, page and data included', () => {
    const page = ['search.html', 'assets/site.css', 'assets/site.js', 'assets/search.js', 'data/catalog.js', 'search/snippets.js'].map(size).reduce((a, b) => a + b);
    const terms = new Set(queryTerms('BN 训练 测试').map((t) => shardOf(t.term, catalog.shards)));
    const query = [...terms].map((n) => size(`search/shard-${n}.js`)).reduce((a, b) => a + b);
    console.log(`search page ${page} bytes; "BN 训练 测试" loads ${terms.size} shards, ${query} bytes`);
    expect(page).toBeLessThan(300 * KB);
    expect(page + query).toBeLessThan(700 * KB);
  });

  it('keeps question pages (HTML, CSS and JS, without the KaTeX fonts) under 300 KB, and the median under 100 KB', () => {
    const shared = ['assets/site.css', 'assets/site.js'].map(size).reduce((a, b) => a + b);
    const katex = size('assets/katex/katex.min.css');
    const pages = catalog.records.map(([id]) => {
      const html = fileText(site, `q/${id}.html`);
      return { id, bytes: Buffer.byteLength(html) + shared + (html.includes('katex.min.css') ? katex : 0) };
    });
    pages.sort((a, b) => a.bytes - b.bytes);
    const median = pages[Math.floor(pages.length / 2)]!;
    const heaviest = pages.at(-1)!;
    console.log(`question pages: median ${median.bytes} bytes, heaviest ${heaviest.bytes} (${heaviest.id}); index.html ${size('index.html')}`);
    expect(heaviest.bytes).toBeLessThan(300 * KB);
    expect(median.bytes).toBeLessThan(100 * KB);
    expect(size('index.html')).toBeLessThan(100 * KB);
  });
});

it('builds the bundled dataset deterministically, with no warnings', async () => {
  expect(site.warnings).toEqual([]);
  const again = await buildSite(bundledDataset());
  expect(again.files.length).toBe(site.files.length);
  again.files.forEach((file, i) => {
    expect(file.path).toBe(site.files[i]!.path);
    expect(Buffer.from(file.data).equals(Buffer.from(site.files[i]!.data)), file.path).toBe(true);
  });
}, 60_000);
