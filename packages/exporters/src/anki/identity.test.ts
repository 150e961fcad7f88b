// What a user's Anki collection depends on from one build to the next: the note type's id and fields, each deck's
// id and each note's GUID. The expected values are written out by hand (computed once with Python's hashlib from the
// documented rules, and confirmed by importing the deck into Anki 2.1.15), never by the code under test: a change to
// any of them makes every user's next import create a second note type, new decks or duplicate notes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type OpenedApkg, openApkg } from '../../test/helpers/apkg.js';
import { dataset, record } from '../../test/helpers/dataset.js';
import { exportAnki } from './export.js';
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

describe('the note type’s look', () => {
  it('moves MODEL_MOD forward whenever the templates or the CSS change, so Anki copies the new styling over', () => {
    // Anki replaces a note type's styling on import only when the imported one is newer (`mod`). When this fails
    // after a change to model.ts or style.ts, set MODEL_MOD to today's date and both values here to the new ones.
    const look = createHash('sha256').update(JSON.stringify(NOTE_TYPE_LOOK)).digest('hex');
    expect({ mod: MODEL_MOD, look }).toEqual({ mod: 1_796_515_200, look: '74fedb2c19d0f9ee61637b0824b73d3c088044cfe4bfa960b3011b1e73ef48a7' });
  });
});
