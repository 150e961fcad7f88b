import { CARD_CSS } from './style.js';

/**
 * The note type's id. Anki matches note types by id on import, so it never changes: a new id
 * would make every import create a second note type.
 */
export const MODEL_ID = 1_718_361_902_117;

/** Field names in field order; ID comes first so it is what Anki checksums for duplicates. */
const FIELD_NAMES = ['ID', 'Question', 'Answer', 'Breadcrumb', 'Source'] as const;

const SORT_FIELD = FIELD_NAMES.indexOf('Question');

const FRONT = `<div class="breadcrumb">{{Breadcrumb}}</div>
<div class="question">{{Question}}</div>`;

const BACK = `{{FrontSide}}
<hr id="answer">
<div class="answer">{{Answer}}</div>
<div class="source">{{Source}}</div>`;

/** What Anki shows of a note type: a change here needs a newer MODEL_MOD. */
export const NOTE_TYPE_LOOK = { front: FRONT, back: BACK, css: CARD_CSS };

/**
 * When the note type's templates or CSS last changed (seconds). Anki copies a note type's styling into a collection
 * only when the imported one is newer, so every change to FRONT, BACK or CARD_CSS moves this forward (a test pins
 * the two together).
 */
export const MODEL_MOD = 1_796_515_200;

/** The note type as schema-11 JSON (`col.models`), with genanki's / Anki's defaults. */
export function modelJson(deckId: number): Record<string, unknown> {
  return {
    id: MODEL_ID,
    name: 'mianjing 面经',
    type: 0,
    mod: MODEL_MOD,
    usn: -1,
    sortf: SORT_FIELD,
    did: deckId,
    tmpls: [
      {
        name: '问答',
        ord: 0,
        qfmt: FRONT,
        afmt: BACK,
        bqfmt: '',
        bafmt: '',
        did: null,
        bfont: '',
        bsize: 0,
      },
    ],
    flds: FIELD_NAMES.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      media: [],
    })),
    css: CARD_CSS,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n' +
      '\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    // The front shows something when either Question or Breadcrumb is non-empty.
    req: [[0, 'any', [FIELD_NAMES.indexOf('Question'), FIELD_NAMES.indexOf('Breadcrumb')]]],
    tags: [],
    vers: [],
  };
}
