// What a user's Anki collection depends on from one build to the next: the note type's id and fields, each deck's
// id and each note's GUID. The expected values are written out by hand (computed once with Python's hashlib from the
// documented rules, and confirmed by importing the deck into Anki 2.1.15), never by the code under test: a change to
// any of them makes every user's next import create a second note type, new decks or duplicate notes.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type OpenedApkg, openApkg } from '../../test/helpers/apkg.js';
import { contentRoot, dataset, record, testDataset } from '../../test/helpers/dataset.js';
import { exportAnki, FIELDS_MOD } from './export.js';
import { MODEL_MOD, NOTE_TYPE_LOOK } from './model.js';

const NOTE_TYPE_ID = '1718361902117';
const NOTE_TYPE_NAME = 'mianjing 面经';
const FIELDS = ['ID', 'Question', 'Answer', 'Breadcrumb', 'Source'];
// sha256("mianjing-deck:" + name), first 6 bytes.
const DECK_IDS: Record<string, number> = {
  面经: 66842391857717,
  '面经::卷积神经网络（CNN）基础': 183191766470205,
  '面经::卷积神经网络（CNN）基础::卷积层': 172016638712493,
};
// sha256("mianjing:" + record id), first 8 bytes in Anki's base91; SHA-1 of the record id, first 4 bytes.
const GUID = 'D.RNW@A#;M';
const CHECKSUM = 475055680;

const essence = (question: string, answer: string) => record({ id: 'cnn/conv-essence', question, answer, breadcrumb: ['卷积神经网络（CNN）基础', '卷积层'] });

async function noteOf(apkg: OpenedApkg) {
  const [note] = apkg.rows('SELECT n.guid, n.mid, n.csum, c.did FROM notes n JOIN cards c ON c.nid = n.id');
  return note;
}

describe('Anki identity', () => {
  it('keeps the note type, deck and note ids users already have', async () => {
    const apkg = await openApkg(await exportAnki(dataset([essence('卷积层的本质是什么？', '局部连接、权值共享的线性变换。')])));
    expect(Object.keys(apkg.col.models)).toEqual([NOTE_TYPE_ID]);
    const model = apkg.col.models[NOTE_TYPE_ID]!;
    expect((model as unknown as { name: string }).name).toBe(NOTE_TYPE_NAME);
    expect(model.flds.map((field) => field.name)).toEqual(FIELDS);
    const decks = Object.fromEntries(Object.values(apkg.col.decks).map((deck) => [deck.name, deck.id]));
    expect(decks).toEqual({ Default: 1, ...DECK_IDS });
    expect(await noteOf(apkg)).toEqual({ guid: GUID, mid: Number(NOTE_TYPE_ID), csum: CHECKSUM, did: DECK_IDS['面经::卷积神经网络（CNN）基础::卷积层'] });
  });

  it('keeps them when the question and the answer are reworded under the same id', async () => {
    const reworded = essence('卷积层本质上在做什么运算？', '带权值共享的局部线性变换，外加偏置。');
    const apkg = await openApkg(await exportAnki(dataset([reworded])));
    expect(Object.keys(apkg.col.models)).toEqual([NOTE_TYPE_ID]);
    expect(await noteOf(apkg)).toEqual({ guid: GUID, mid: Number(NOTE_TYPE_ID), csum: CHECKSUM, did: DECK_IDS['面经::卷积神经网络（CNN）基础::卷积层'] });
  });
});

describe('the collection’s JSON', () => {
  // Schema-11 JSON as Anki 2.1.15 reads it on import, with Anki's and genanki's defaults. Templates and CSS are left
  // to the look test below; everything else is written out here, so a changed default is a visible, reviewed change.
  it('describes the note type with Anki’s defaults', async () => {
    const apkg = await openApkg(await exportAnki(dataset([essence('卷积层的本质是什么？', '局部连接、权值共享的线性变换。')])));
    const { css, tmpls, ...model } = apkg.col.models[NOTE_TYPE_ID] as unknown as Record<string, unknown> & { css: string; tmpls: Array<Record<string, unknown>> };
    expect(css).toBe(NOTE_TYPE_LOOK.css);
    expect(tmpls.map(({ qfmt, afmt, ...template }) => ({ ...template, front: qfmt === NOTE_TYPE_LOOK.front, back: afmt === NOTE_TYPE_LOOK.back }))).toEqual([
      { name: '问答', ord: 0, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0, front: true, back: true },
    ]);
    const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] });
    expect(model).toEqual({
      id: 1718361902117,
      name: 'mianjing 面经',
      type: 0,
      mod: 1796515200,
      usn: -1,
      sortf: 1,
      did: 66842391857717,
      flds: [field('ID', 0), field('Question', 1), field('Answer', 2), field('Breadcrumb', 3), field('Source', 4)],
      latexPre:
        '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
      latexPost: '\\end{document}',
      latexsvg: false,
      req: [[0, 'any', [1, 3]]],
      tags: [],
      vers: [],
    });
  });

  it('lists the decks by name, each with Anki’s defaults, whatever order the records come in', async () => {
    // Deck ids are too large to be array indexes, so the JSON keeps the order the decks were added in: sorted here.
    const names = ['丙', 'B', '甲', 'a', '乙', 'C'];
    const records = names.map((name, i) => record({ id: `n/q${i}`, question: `问题${i}？`, answer: '答。', breadcrumb: [name] }));
    const forward = await openApkg(await exportAnki(dataset(records), { timestamp: 1_700_000_000 }));
    const backward = await openApkg(await exportAnki(dataset([...records].reverse()), { timestamp: 1_700_000_000 }));
    expect(Object.values(forward.col.decks).map((deck) => deck.name)).toEqual(['Default', '面经', '面经::B', '面经::C', '面经::a', '面经::丙', '面经::乙', '面经::甲']);
    expect(JSON.stringify(backward.col.decks)).toBe(JSON.stringify(forward.col.decks));
    expect(forward.col.decks['1']).toEqual({
      id: 1,
      mod: 1_700_000_000,
      name: 'Default',
      usn: -1,
      lrnToday: [0, 0],
      revToday: [0, 0],
      newToday: [0, 0],
      timeToday: [0, 0],
      collapsed: false,
      browserCollapsed: false,
      desc: '',
      dyn: 0,
      conf: 1,
      extendNew: 0,
      extendRev: 0,
    });
  });

  it('ships Anki’s default options group', async () => {
    const apkg = await openApkg(await exportAnki(dataset([essence('卷积层的本质是什么？', '局部连接、权值共享的线性变换。')]), { timestamp: 1_700_000_000 }));
    expect(Object.keys(apkg.col.dconf)).toEqual(['1']);
    expect(apkg.col.dconf['1']).toEqual({
      id: 1,
      mod: 1_700_000_000,
      name: 'Default',
      usn: 0,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
      rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 100, hardFactor: 1.2 },
      lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
    });
  });
});

describe('the note type’s look', () => {
  it('moves MODEL_MOD forward whenever the templates or the CSS change, so Anki copies the new styling over', () => {
    // Anki replaces a note type's styling on import only when the imported one is newer (`mod`). When this fails
    // after a change to model.ts or style.ts, set MODEL_MOD to today's date and both values here to the new ones.
    const look = createHash('sha256').update(JSON.stringify(NOTE_TYPE_LOOK)).digest('hex');
    expect({ mod: MODEL_MOD, look }).toEqual({ mod: 1_796_515_200, look: '74fedb2c19d0f9ee61637b0824b73d3c088044cfe4bfa960b3011b1e73ef48a7' });
  });
});

describe('the notes’ fields', () => {
  it('give every note a mod no older than the last change to how fields render, so Anki updates cards of unchanged notes', async () => {
    const times: Record<string, number> = { 'cnn/conv-essence': 1_000, 'cnn/hostile': 1_800_000_000 };
    const apkg = await openApkg(await exportAnki(testDataset(), { modTime: (r) => times[r.id] ?? 1_796_515_199 }));
    const mods = Object.fromEntries(apkg.rows('SELECT flds, mod FROM notes').map((n) => [String(n['flds']).split('\u001f')[0], n['mod']]));
    // 1_796_515_200 is 2026-12-06T00:00:00Z, when missing and non-image images started to show their alt text.
    expect(mods).toMatchObject({ 'cnn/conv-essence': 1_796_515_200, 'cnn/hostile': 1_800_000_000, 'cnn/images': 1_796_515_200 });
  });

  it('moves FIELDS_MOD forward whenever the fields of the same records render differently', async () => {
    // When this fails after a change to how records become fields (HTML rendering, images, references, related
    // questions, a dependency of the renderer), set FIELDS_MOD to today's date and both values here to the new ones.
    const root = contentRoot();
    const apkg = await openApkg(await exportAnki(testDataset(), { contentRoot: root, timestamp: 1_700_000_000 }));
    rmSync(dirname(root), { recursive: true, force: true });
    const fields = createHash('sha256')
      .update(
        apkg
          .rows('SELECT flds FROM notes ORDER BY id')
          .map((n) => String(n['flds']))
          .join('\n'),
      )
      .digest('hex');
    expect({ mod: FIELDS_MOD, fields }).toEqual({ mod: 1_796_515_200, fields: '82485a3df0ddee363cf35d9ec0a5b9d3a8741b21aeb88cf2ceba9e48aea921a1' });
  });
});
