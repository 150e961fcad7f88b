import { limitNesting, markdownProcessor, plainText } from '@mianjing/markdown';
import type { Dataset, RecordWarning } from '@mianjing/schema';
import { clientScripts, katexAssets, type SiteFile } from './assets.js';
import { jsValue } from './escape.js';
import { ImageStore } from './images.js';
import { currentId, siteModel, type Located } from './model.js';
import { drillPage, indexPage, questionPage, retiredPage, searchPage, type QuestionPageParts, type SiteInfo } from './pages.js';
import { renderMarkdown, renderQuestion, type RenderContext, type RootedHtml } from './render.js';
import { buildShards, shardCount } from './search-core.js';
import { SITE_CSS } from './styles.js';
import { questionPath } from './urls.js';

export interface SiteOptions {
  /** The folder the notes were read from: images in answers are copied from it. Without it images show their alt text. */
  contentRoot?: string;
  /** The site's name, in the header and page titles. */
  title?: string;
}

/** Something the site skipped or changed in one record. */
export type SiteWarning = RecordWarning;

export interface SiteResult {
  /** Every file of the site, paths relative to the output folder with `/` separators, sorted by path. */
  files: SiteFile[];
  summary: Record<string, number>;
  warnings: SiteWarning[];
}

export const DEFAULT_TITLE = '面经题库';

/** The catalog every script reads (`data/catalog.js`): the topic tree, records in order, retired ids. */
export interface Catalog {
  title: string;
  /** How many search shards there are (`search/shard-<n>.js`). */
  shards: number;
  notes: Array<{ id: string; title: string; sections: string[] }>;
  /** Per record: id, question, note index, section index. A record's index is its search document id. */
  records: Array<[string, string, number, number]>;
  /** Retired id → the record that replaced it, or null when deleted. */
  retired: Record<string, string | null>;
}

/**
 * A static study site for a dataset: an index page with the topic tree, one page per question at `q/<id>.html`,
 * pages that redirect retired ids, a Chinese full-text search and flashcard drills, all working offline and from
 * `file://`. Nothing is written: the caller writes `files` under its output folder. The same dataset and options
 * give byte-identical files.
 */
export async function buildSite(dataset: Dataset, options: SiteOptions = {}): Promise<SiteResult> {
  const site: SiteInfo = { title: options.title ?? DEFAULT_TITLE, dataset };
  const model = siteModel(dataset);
  const images = new ImageStore(options.contentRoot);
  const warnings: SiteWarning[] = [];
  const context: RenderContext = {
    questionTarget: (id) => {
      const target = currentId(model, id);
      return target === undefined ? undefined : questionPath(target);
    },
    images,
  };
  const files: SiteFile[] = [];
  const rendered = new Map<string, { parts: QuestionPageParts; located: Located }>();
  for (const note of model.notes) {
    for (const record of note.records) {
      const located = model.byId.get(record.id)!;
      const warn = (ruleId: string, message: string) => warnings.push({ recordId: record.id, ruleId, message });
      const parts: QuestionPageParts = {
        question: renderQuestion(record.question, warn),
        aliases: record.aliases.map((alias) => renderQuestion(alias, warn)),
        summary: record.status === 'answered' && record.summary ? renderMarkdown(record.summary, record.source.path, context, warn) : undefined,
        answer: record.answer ? renderMarkdown(record.answer, record.source.path, context, warn) : undefined,
      };
      rendered.set(record.id, { parts, located });
      files.push({ path: questionPath(record.id), data: questionPage(site, model, located, parts) });
    }
  }
  let redirects = 0;
  for (const id of model.retired.keys()) {
    // A retired id that a record uses again keeps the record's page.
    if (model.byId.has(id)) {
      warnings.push({ recordId: id, ruleId: 'retired-id-in-use', message: `Unexpected record with retired id \`${id}\`, expected retired ids never to be reused; no redirect page` });
      continue;
    }
    files.push({ path: questionPath(id), data: retiredPage(site, model, id, currentId(model, id)) });
    redirects++;
  }
  files.push({ path: 'index.html', data: indexPage(site, model) }, { path: 'search.html', data: searchPage(site) }, { path: 'drill.html', data: drillPage(site) });

  // Data for the scripts, as classic scripts (pages opened from file:// cannot fetch).
  const records = model.notes.flatMap((note) => note.records);
  const docs = records.map((record) => ({
    question: record.question,
    aliases: record.aliases.join('\n'),
    summary: record.status === 'answered' && record.summary ? summaryText(record.summary) : '',
    answer: record.answerText,
  }));
  const shards = shardCount(docs);
  const catalog: Catalog = {
    title: site.title,
    shards,
    notes: model.notes.map((note) => ({ id: note.info.id, title: note.info.title, sections: note.sections.map((section) => section.titles.join(' › ')) })),
    records: records.map((record) => {
      const { note, section } = model.byId.get(record.id)!;
      return [record.id, record.question, note.index, section.index];
    }),
    retired: Object.fromEntries([...model.retired.keys()].filter((id) => !model.byId.has(id)).map((id) => [id, currentId(model, id) ?? null])),
  };
  files.push({ path: 'data/catalog.js', data: `window.mjCatalog=${jsValue(catalog)};\n` });
  files.push({ path: 'search/snippets.js', data: `window.mjSnippets=${jsValue(docs.map((doc) => doc.summary))};\n` });
  buildShards(docs, shards).forEach((shard, n) => {
    files.push({ path: `search/shard-${n}.js`, data: `(window.mjShards=window.mjShards||{})[${n}]=${jsValue(shard)};\n` });
  });
  for (const note of model.notes) {
    const cards = note.records.map((record) => {
      const { parts } = rendered.get(record.id)!;
      return [parts.question, atRoot(parts.summary), atRoot(parts.answer)];
    });
    files.push({ path: `cards/${note.index}.js`, data: `(window.mjCards=window.mjCards||{})[${note.index}]=${jsValue(cards)};\n` });
  }

  const scripts = await clientScripts();
  for (const [name, code] of Object.entries(scripts)) files.push({ path: `assets/${name}.js`, data: code });
  files.push({ path: 'assets/site.css', data: SITE_CSS }, ...katexAssets());
  for (const [path, data] of images.files) files.push({ path, data });

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const searchBytes = files.filter((file) => file.path.startsWith('search/')).reduce((n, file) => n + byteLength(file.data), 0);
  const summary = {
    questions: records.length,
    notes: model.notes.length,
    redirects,
    images: images.files.size,
    searchShards: shards,
    searchBytes,
    files: files.length,
    bytes: files.reduce((n, file) => n + byteLength(file.data), 0),
    warnings: warnings.length,
  };
  return { files, summary, warnings };
}

const atRoot = (html: RootedHtml | undefined) => html?.at('') ?? '';

function summaryText(summary: string): string {
  return plainText([markdownProcessor().parse(limitNesting(summary).text)]).replace(/\s+/g, ' ');
}

function byteLength(data: string | Uint8Array): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}
