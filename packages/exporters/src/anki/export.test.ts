import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedApkg, openApkg, stripHtml } from '../../test/helpers/apkg.js';
import { PNG, contentRoot, dataset, record, records, testDataset } from '../../test/helpers/dataset.js';
import { type ExportResult, outputBytes } from '../output.js';
import { exportAnki } from './export.js';
import { type RenderedAnswer, renderKey } from './html.js';

/** The .apkg an export wrote, joined from its pieces. */
const deckBytes = (run: ExportResult) => Buffer.from(outputBytes(run.files[0]!.data));

const sha1 = (text: string | Uint8Array) => createHash('sha1').update(text).digest('hex');
const FIELD_SEPARATOR = '\u001f';

interface NoteRow {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string;
  sfld: string | number;
  csum: number;
}

const notesOf = (apkg: OpenedApkg) => apkg.rows('SELECT * FROM notes ORDER BY id') as unknown as NoteRow[];
const fieldsOf = (apkg: OpenedApkg, recordId: string): string[] => {
  const note = notesOf(apkg).find((n) => n.flds.split(FIELD_SEPARATOR)[0] === recordId);
  if (!note) throw new Error(`no note for ${recordId}`);
  return note.flds.split(FIELD_SEPARATOR);
};

let root: string;
let result: ExportResult;
let apkg: OpenedApkg;

beforeAll(async () => {
  root = contentRoot();
  result = await exportAnki(testDataset(), { contentRoot: root, timestamp: 1_700_000_000 });
  apkg = await openApkg(result);
});

afterAll(() => rmSync(dirname(root), { recursive: true, force: true }));

describe('the collection', () => {
  it('has the schema-11 tables and indexes', () => {
    const tables = apkg.rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r['name']);
    expect(tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    const indexes = apkg.rows("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' ORDER BY name").map((r) => `${r['tbl_name']}.${r['name']}`);
    expect(indexes).toEqual(['cards.ix_cards_nid', 'cards.ix_cards_sched', 'cards.ix_cards_usn', 'notes.ix_notes_csum', 'notes.ix_notes_usn', 'revlog.ix_revlog_cid', 'revlog.ix_revlog_usn']);
    // Made after the notes went in, they index every one of them.
    expect(apkg.rows('SELECT count(*) AS n FROM notes INDEXED BY ix_notes_csum WHERE csum >= 0')).toEqual(apkg.rows('SELECT count(*) AS n FROM notes'));
    expect(apkg.col.ver).toBe(11);
  });

  it('takes its times from the options, never from the clock', () => {
    expect(apkg.col.crt).toBe(1_700_000_000);
    expect(apkg.col.mod).toBe(1_700_000_000_000);
  });

  it('has one note type with the five fields, Question as sort field', () => {
    const models = Object.values(apkg.col.models);
    expect(models).toHaveLength(1);
    const [model] = models;
    expect(Object.keys(apkg.col.models)).toEqual([String(model?.id)]);
    expect(model?.flds.map((f) => f.name)).toEqual(['ID', 'Question', 'Answer', 'Breadcrumb', 'Source']);
    expect(model?.flds.map((f) => f.ord)).toEqual([0, 1, 2, 3, 4]);
    expect(model?.sortf).toBe(1);
    expect(model?.tmpls).toHaveLength(1);
    expect(model?.tmpls[0]?.qfmt).toContain('{{Question}}');
    expect(model?.tmpls[0]?.qfmt).toContain('{{Breadcrumb}}');
    expect(model?.tmpls[0]?.qfmt).not.toContain('{{Answer}}');
    expect(model?.tmpls[0]?.afmt).toContain('{{Answer}}');
    expect(model?.css).toMatch(/\.nightMode/);
    expect(model?.css).toMatch(/\.night_mode/);
    expect(model?.css).toMatch(/pre\s*\{[^}]*text-align:\s*left/);
    expect(apkg.col.conf['curModel']).toBe(String(model?.id));
  });

  it('keeps the note type id across builds with different content', async () => {
    const other = await openApkg(await exportAnki(dataset(records().slice(0, 2))));
    expect(Object.keys(other.col.models)).toEqual(Object.keys(apkg.col.models));
  });

  it('builds the deck hierarchy from the breadcrumb, `::` inside an entry staying one level', () => {
    const names = Object.values(apkg.col.decks).map((d) => d.name);
    expect(names).toEqual(
      expect.arrayContaining(['Default', '面经', '面经::卷积神经网络（CNN）基础', '面经::卷积神经网络（CNN）基础::卷积层', '面经::C++：：STL 容器', '面经::C++：：STL 容器::安全']),
    );
    for (const [key, deck] of Object.entries(apkg.col.decks)) {
      expect(key).toBe(String(deck.id));
      expect(apkg.col.dconf[String(deck.conf)]).toMatchObject({ id: 1, name: 'Default' });
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('uses deckRoot, and derives deck ids from deck names only', async () => {
    const other = await openApkg(await exportAnki(dataset(records().slice(1, 3)), { deckRoot: '学习::面试' }));
    const byName = (decks: OpenedApkg['col']['decks']) => new Map(Object.values(decks).map((d) => [d.name, d.id]));
    const names = [...byName(other.col.decks).keys()];
    expect(names).toContain('学习::面试::C++：：STL 容器::安全');
    expect(names.filter((n) => n !== 'Default').every((n) => n.startsWith('学习'))).toBe(true);
    const again = await openApkg(await exportAnki(testDataset(), { deckRoot: '学习::面试' }));
    for (const [name, id] of byName(other.col.decks)) expect(byName(again.col.decks).get(name)).toBe(id);
  });
});

describe('notes and cards', () => {
  const answered = records().filter((r) => r.status === 'answered');

  it('has one note per answered record, unanswered ones counted', () => {
    expect(notesOf(apkg)).toHaveLength(answered.length);
    expect(result.summary).toMatchObject({ notes: answered.length, unanswered: 1, media: 1 });
  });

  it('stores fields, sort field and checksum as Anki computes them', () => {
    const notes = notesOf(apkg);
    const model = Object.values(apkg.col.models)[0];
    for (const [i, note] of notes.entries()) {
      const source = answered[i];
      const fields = note.flds.split(FIELD_SEPARATOR);
      expect(fields).toHaveLength(5);
      expect(note.mid).toBe(model?.id);
      expect(fields[0]).toBe(source?.id);
      expect(String(note.sfld)).toBe(stripHtml(fields[1] ?? ''));
      expect(note.csum).toBe(Number.parseInt(sha1(stripHtml(fields[0] ?? '')).slice(0, 8), 16));
    }
    expect(String(notes[1]?.sfld)).toBe('如何防范 <script> 与 {{c1::模板}}？');
    const types = apkg.rows('SELECT DISTINCT typeof(id) AS id, typeof(csum) AS csum, typeof(mod) AS mod FROM notes');
    expect(types).toEqual([{ id: 'integer', csum: 'integer', mod: 'integer' }]);
  });

  it('has unique GUIDs without spaces', () => {
    const guids = notesOf(apkg).map((n) => n.guid);
    expect(new Set(guids).size).toBe(guids.length);
    for (const guid of guids) expect(guid).toMatch(/^\S{1,11}$/);
  });

  it('stores tags the way Anki does', () => {
    const tags = notesOf(apkg).map((n) => n.tags);
    expect(tags[0]).toBe(' CNN deep_learning ML::CNN ');
    expect(tags[1]).toBe(' 安全_相关 ');
    expect(tags[3]).toBe('');
  });

  it('has one new card per note, due in source order, in the breadcrumb deck', () => {
    const cards = apkg.rows('SELECT c.nid, c.did, c.ord, c.due, c.type, c.queue FROM cards c ORDER BY c.due');
    const notes = notesOf(apkg);
    expect(cards.map((c) => c['due'])).toEqual(notes.map((_, i) => i + 1));
    expect(cards.map((c) => c['nid'])).toEqual(notes.map((n) => n.id));
    const deckName = new Map(Object.values(apkg.col.decks).map((d) => [d.id, d.name]));
    for (const [i, card] of cards.entries()) {
      expect(card).toMatchObject({ ord: 0, type: 0, queue: 0 });
      const breadcrumb = answered[i]?.breadcrumb.map((entry) => entry.replaceAll('::', '：：')) ?? [];
      expect(deckName.get(card['did'] as number)).toBe(['面经', ...breadcrumb].join('::'));
    }
  });
});

describe('answer HTML', () => {
  it('is sanitized', () => {
    const all = notesOf(apkg)
      .map((n) => n.flds)
      .join('\n');
    for (const bad of ['<script', 'onerror', 'onclick', 'javascript:', 'data:', '<iframe', '<style', 'display:none']) {
      expect(all).not.toContain(bad);
    }
    const hostile = fieldsOf(apkg, 'cnn/hostile')[2];
    expect(hostile).toContain('<b>粗体</b>');
    expect(hostile).toContain('<a>点我</a>');
  });

  it('escapes Anki template syntax in every field', () => {
    const all = notesOf(apkg).map((n) => n.flds);
    for (const flds of all) {
      expect(flds).not.toContain('{{');
      expect(flds).not.toContain('}}');
    }
    const [, question, answer] = fieldsOf(apkg, 'cnn/hostile');
    expect(question).toContain('&#123;&#123;c1::模板&#125;&#125;');
    expect(answer).toContain('&#123;&#123;c1::答案&#125;&#125;');
  });

  it('turns math into MathJax delimiters, HTML-escaped, and leaves code alone', () => {
    const answer = fieldsOf(apkg, 'cnn/conv-essence')[2] ?? '';
    expect(answer).toContain('\\(x^2\\)');
    expect(answer).toMatch(/\\\(a(&#x3C;|&lt;)b\\\)/);
    expect(answer).toContain('<div class="math-display">\\[\\sum_{i} w_{i} x_{i} + b\\]</div>');
    const code = /<pre><code class="[^"]*language-python[^"]*">([\s\S]*?)<\/code><\/pre>/.exec(answer)?.[1] ?? '';
    expect(code).toContain('hljs-');
    expect(stripHtml(code)).toContain('"$x$ {{c1::x}}"');
    expect(code).not.toContain('\\(');
    expect(answer).toContain('<table>');
    expect(answer).toContain('\\(k^2 C_{in} C_{out}\\)');
  });

  it('survives NUL, U+001F and lone surrogates', () => {
    const note = notesOf(apkg).find((n) => n.flds.startsWith('cnn/control-chars'));
    expect(note?.flds.split(FIELD_SEPARATOR)).toHaveLength(5);
    expect(note?.flds).not.toContain('\u0000');
    expect(note?.flds).not.toMatch(/[\uD800-\uDFFF](?<![\uD800-\uDBFF][\uDC00-\uDFFF])(?![\uDC00-\uDFFF])/);
    expect(note?.flds).toContain('孤立代理项\uFFFD和\uFFFD');
    expect(note?.flds).toContain('🙂');
  });
});

describe('images', () => {
  it('embeds images under contentRoot once, under a content-hash name', () => {
    const name = `${sha1(PNG)}.png`;
    expect(apkg.media).toEqual({ 0: name });
    expect(Buffer.from(apkg.entries['0'] ?? [])).toEqual(PNG);
    const answer = fieldsOf(apkg, 'cnn/images')[2] ?? '';
    expect(answer.match(new RegExp(`src="${name}"`, 'g'))).toHaveLength(2);
    expect(answer).toContain('src="https://example.com/a.png"');
  });

  it('shows images outside contentRoot, and missing ones, as their alt text, with a warning each', () => {
    const answer = fieldsOf(apkg, 'cnn/images')[2] ?? '';
    const imageWarnings = result.warnings.filter((w) => w.recordId === 'cnn/images');
    expect(imageWarnings.map((w) => [w.ruleId, w.message.split(/[,;]/)[0]])).toEqual([
      ['image-outside-content', 'Unexpected image `../../secret.png`'],
      ['image-outside-content', 'Unexpected image `file:///etc/passwd`'],
      ['image-outside-content', 'Unexpected image `/etc/passwd`'],
      ['image-outside-content', 'Unexpected image `img/link.png` linking outside the notes folder'],
      ['image-not-found', 'Cannot find image `img/missing.png` (`cnn/img/missing.png` in the notes folder)'],
    ]);
    for (const gone of ['secret', 'passwd', 'link.png', 'missing.png']) expect(answer).not.toContain(gone);
    for (const alt of ['外部', '本地文件', '绝对路径', '链接', '缺失']) expect(answer).toContain(alt);
  });

  it('reports the hostile raw <img> as not found', () => {
    expect(result.warnings).toContainEqual(expect.objectContaining({ recordId: 'cnn/hostile', ruleId: 'image-not-found' }));
  });

  it('shows local images as their alt text, with a warning, without contentRoot; web images stay', async () => {
    const plain = await exportAnki(dataset(records().filter((r) => r.id === 'cnn/images')));
    const opened = await openApkg(plain);
    expect(opened.media).toEqual({});
    const answer = fieldsOf(opened, 'cnn/images')[2] ?? '';
    expect(answer).not.toContain('img/conv.png');
    expect(answer).toContain('卷积示意');
    expect(answer).toContain('src="https://example.com/a.png"');
    expect(plain.warnings.map((w) => w.ruleId)).toEqual([
      'image-not-embedded',
      'image-not-embedded',
      'image-outside-content',
      'image-outside-content',
      'image-outside-content',
      'image-not-embedded',
      'image-not-embedded',
    ]);
  });
});

describe('rebuilds', () => {
  it('are byte-identical for the same input, in any time zone', async () => {
    const tz = process.env['TZ'];
    try {
      process.env['TZ'] = 'Pacific/Kiritimati';
      const first = await exportAnki(testDataset(), { contentRoot: root, timestamp: 1_700_000_000 });
      process.env['TZ'] = 'America/Los_Angeles';
      const second = await exportAnki(testDataset(), { contentRoot: root, timestamp: 1_700_000_000 });
      expect(deckBytes(first).equals(deckBytes(second))).toBe(true);
      expect(deckBytes(first).equals(deckBytes(result))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });

  it('keep GUIDs of records and raise mod of edited ones, so Anki updates instead of duplicating', async () => {
    const v1 = records();
    const v2 = records().map((r) => (r.id === 'cnn/conv-essence' ? record({ id: r.id, question: r.question, answer: `${r.answer}\n\n补充：步长影响输出尺寸。`, line: 3 }) : r));
    v2.unshift(record({ id: 'cnn/new', question: '新问题？', answer: '新答案。', line: 1 }));
    const oldHashes = new Set(v1.map((r) => r.hash));
    const modTime = (r: { hash: string }) => (oldHashes.has(r.hash) ? 1_800_000_000 : 1_800_000_600);
    const before = notesOf(await openApkg(await exportAnki(dataset(v1), { modTime })));
    const after = notesOf(await openApkg(await exportAnki(dataset(v2), { modTime })));
    const byId = (notes: NoteRow[]) => new Map(notes.map((n) => [n.flds.split(FIELD_SEPARATOR)[0], n]));
    const old = byId(before);
    const updated = byId(after);
    for (const [id, note] of old) {
      expect(updated.get(id)?.guid).toBe(note.guid);
      expect(note.mod).toBe(1_800_000_000);
      expect(updated.get(id)?.mod).toBe(id === 'cnn/conv-essence' ? 1_800_000_600 : 1_800_000_000);
    }
    // sha256("mianjing:cnn/new") in base91, computed by hand.
    expect(updated.get('cnn/new')?.guid).toBe('nIN@CR!)!Z');
    expect([...old.values()].map((n) => n.guid)).not.toContain(updated.get('cnn/new')?.guid);
  });
});

describe('compression', () => {
  it('deflates the collection by default and stores it with compress: false, same collection either way', async () => {
    const stored = await exportAnki(testDataset(), { contentRoot: root, timestamp: 1_700_000_000, compress: false });
    // The compression method of each entry, as the archive's central directory records it.
    const methods = (run: ExportResult) => {
      const found: Record<string, number> = {};
      unzipSync(deckBytes(run), {
        filter: (file) => {
          found[file.name] = file.compression;
          return false;
        },
      });
      return found;
    };
    expect(methods(result)).toEqual({ 'collection.anki2': 8, media: 8, '0': 0 });
    expect(methods(stored)).toEqual({ 'collection.anki2': 0, media: 0, '0': 0 });
    const opened = await openApkg(stored);
    expect(opened.entries['collection.anki2']).toEqual(apkg.entries['collection.anki2']);
    expect(deckBytes(stored).length).toBeGreaterThan(deckBytes(result).length);
  });
});

describe('the render cache', () => {
  it('gives the same deck and warnings, and renders each answer once', async () => {
    const cache = new Map<string, RenderedAnswer>();
    const set = cache.set.bind(cache);
    let rendered = 0;
    cache.set = (key, value) => {
      rendered++;
      return set(key, value);
    };
    const cold = await exportAnki(testDataset(), { contentRoot: root, timestamp: 1_700_000_000, renderCache: cache });
    const warm = await exportAnki(testDataset(), { contentRoot: root, timestamp: 1_700_000_000, renderCache: cache });
    expect(rendered).toBe(
      new Set(
        records()
          .filter((r) => r.status === 'answered')
          .map((r) => r.answer),
      ).size,
    );
    for (const run of [cold, warm]) {
      expect(deckBytes(run).equals(deckBytes(result))).toBe(true);
      expect(run.warnings).toEqual(result.warnings);
    }
  });

  it('says what the guards cut on every export, from the cache as from a fresh rendering', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `| ${i} | 值 |`).join('\n');
    const hostile = [
      record({ id: 'hostile/deep', question: '很深的引用？', answer: `${'>'.repeat(10_000)} 深` }),
      record({ id: 'hostile/table', question: '很长的表？', answer: `| a | b |\n| - | - |\n${rows}` }),
    ];
    const cache = new Map<string, RenderedAnswer>();
    const expected = [
      { recordId: 'hostile/deep', ruleId: 'nesting-too-deep', message: 'Unexpected nesting deeper than 100 levels on 1 line(s), expected at most 100: the card shows the deeper lines as text' },
      {
        recordId: 'hostile/table',
        ruleId: 'table-truncated',
        message: 'Unexpected table of 1500 rows, expected at most 1000: the card shows its first 1000; split the table or link to the full data',
      },
    ];
    for (const run of ['cold', 'warm']) {
      const result = await exportAnki(dataset(hostile), { timestamp: 1_700_000_000, renderCache: cache });
      expect(result.warnings, run).toEqual(expected);
    }
    expect(cache.size).toBe(2);
  });

  it('serves a cached answer until the Markdown changes', async () => {
    const essence = records().find((r) => r.id === 'cnn/conv-essence')!;
    const cache = new Map([[renderKey(essence.answer), { html: '<p>来自缓存</p>', images: [], cut: { nestedLines: 0, tables: [] } }]]);
    const cached = await openApkg(await exportAnki(dataset([essence]), { renderCache: cache }));
    expect(fieldsOf(cached, essence.id)[2]).toBe('<div class="full-answer"><p>来自缓存</p></div>');
    const edited = record({ id: essence.id, question: essence.question, answer: `${essence.answer}\n\n补充。` });
    const fresh = await openApkg(await exportAnki(dataset([edited]), { renderCache: cache }));
    expect(fieldsOf(fresh, essence.id)[2]).toContain('补充。');
  });
});

it('writes a large deck in source order', async () => {
  const many = Array.from({ length: 2600 }, (_, i) => record({ id: `bulk/q-${i}`, question: `第 ${i} 题？`, answer: i % 10 === 9 ? '' : `答 **${i}**`, breadcrumb: ['批量', `组 ${i % 4}`] }));
  const deck = await openApkg(await exportAnki(dataset(many), { timestamp: 1_700_000_000 }));
  expect(deck.rows('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  const notes = notesOf(deck);
  const answered = many.filter((r) => r.status === 'answered');
  expect(notes.map((n) => n.flds.split(FIELD_SEPARATOR)[0])).toEqual(answered.map((r) => r.id));
  expect(notes.map((n) => n.flds.split(FIELD_SEPARATOR)[2])).toEqual(answered.map((r) => `<div class="full-answer"><p>答 <strong>${r.id.slice(7)}</strong></p></div>`));
  const dues = deck.rows('SELECT due FROM cards ORDER BY nid').map((r) => r['due']);
  expect(dues).toEqual(answered.map((_, i) => i + 1));
  const deckNames = new Map(Object.values(deck.col.decks).map((d) => [d.id, d.name]));
  const byNote = deck.rows('SELECT did FROM cards ORDER BY nid').map((r) => deckNames.get(r['did'] as number));
  expect(byNote).toEqual(answered.map((r) => `面经::批量::${r.breadcrumb[1]}`));
});

describe('standalone cards', () => {
  const linked = [
    record({
      id: 'cnn/conv-essence',
      question: '卷积层的本质是什么？',
      summary: '局部连接、权值共享的 $W*x$。',
      answer: '展开见[全连接的对比](#cnn/conv-vs-fc)和[](#cnn/conv-vs-fc)。',
      related: ['cnn/conv-vs-fc', 'cnn/missing'],
    }),
    record({ id: 'cnn/conv-vs-fc', question: '卷积层和全连接层有什么联系？', answer: '卷积是稀疏的全连接。' }),
  ];
  const withReferences = () => {
    const [essence, other] = linked;
    return dataset([
      {
        ...essence!,
        references: [
          { title: 'LeCun et al. 1998', url: 'https://example.org/lenet' },
          { title: '《深度学习》第 9 章', url: '' },
        ],
      },
      other!,
    ]);
  };

  it('show the summary first, then the full answer, related questions by their text and the references', async () => {
    const opened = await openApkg(await exportAnki(withReferences()));
    const answer = fieldsOf(opened, 'cnn/conv-essence')[2]!;
    expect(answer).toBe(
      '<div class="summary"><p>局部连接、权值共享的 <span class="math-inline">\\(W*x\\)</span>。</p></div>' +
        '<div class="full-answer"><p>展开见<span class="question-link">全连接的对比</span>和<span class="question-link"></span>。</p></div>' +
        '<div class="related"><div class="label">相关问题</div><ul><li>卷积层和全连接层有什么联系？</li></ul></div>' +
        '<div class="references"><div class="label">参考</div><ol><li><a href="https://example.org/lenet">LeCun et al. 1998</a></li><li>《深度学习》第 9 章</li></ol></div>',
    );
    expect(fieldsOf(opened, 'cnn/conv-vs-fc')[2]).toBe('<div class="full-answer"><p>卷积是稀疏的全连接。</p></div>');
  });

  it('re-export retired ids tagged mianjing::retired, naming their survivor, with the GUID the old note had', async () => {
    const base = withReferences();
    const withRetired = dataset(base.questions);
    withRetired.retired.push({ id: 'cnn/old-essence', mergedInto: 'cnn/conv-essence' }, { id: 'cnn/gone' });
    const opened = await openApkg(await exportAnki(withRetired, { modTime: () => 1_800_000_000 }));
    const retired = opened.rows("SELECT guid, mod, tags, flds FROM notes WHERE tags LIKE '%mianjing::retired%' ORDER BY id") as Array<{ guid: string; mod: number; tags: string; flds: string }>;
    expect(retired.map((n) => n.flds.split(FIELD_SEPARATOR).slice(0, 2))).toEqual([
      ['cnn/old-essence', '（已合并）卷积层的本质是什么？'],
      ['cnn/gone', '（已删除的问题）'],
    ]);
    // sha256("mianjing:cnn/old-essence") in base91, computed by hand as in identity.test.ts.
    expect(retired[0]!.guid).toBe('G!RsE=^)~#');
    expect(retired.every((n) => n.tags === ' mianjing::retired ' && n.mod === 1_800_000_000)).toBe(true);
    expect(retired[0]!.flds).toContain('卷积层的本质是什么？」（cnn/conv-essence）');
    const decks = new Map(Object.values(opened.col.decks).map((d) => [d.id, d.name]));
    const retiredDecks = opened.rows("SELECT DISTINCT c.did FROM cards c JOIN notes n ON n.id = c.nid WHERE n.tags LIKE '%retired%'").map((r) => decks.get(r['did'] as number));
    expect(retiredDecks).toEqual(['面经::已退役（可删除）']);
  });
});

it('rejects times that are not whole seconds', async () => {
  await expect(exportAnki(testDataset(), { timestamp: 1.5 })).rejects.toThrow(RangeError);
  await expect(exportAnki(testDataset(), { modTime: () => Number.NaN })).rejects.toThrow(/cnn\/conv-essence/);
});
