// Reads an .apkg back the way an importer would: unzip, then open collection.anki2 with SQLite.
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { type ExportResult, outputBytes } from '../../src/output.js';

export interface OpenedApkg {
  entries: Record<string, Uint8Array>;
  media: Record<string, string>;
  /** Rows of a query as objects. */
  rows(sql: string): Array<Record<string, unknown>>;
  col: {
    crt: number;
    mod: number;
    ver: number;
    conf: Record<string, unknown>;
    models: Record<string, Model>;
    decks: Record<string, { id: number; name: string; conf: number }>;
    dconf: Record<string, unknown>;
  };
}

export interface Model {
  id: number;
  sortf: number;
  css: string;
  flds: Array<{ name: string; ord: number }>;
  tmpls: Array<{ qfmt: string; afmt: string; ord: number }>;
}

export async function openApkg(result: ExportResult): Promise<OpenedApkg> {
  const file = result.files.find((f) => f.path === 'mianjing.apkg');
  if (!file || typeof file.data === 'string') throw new Error('no binary mianjing.apkg in the result');
  const entries = unzipSync(outputBytes(file.data));
  const collection = entries['collection.anki2'];
  const mediaJson = entries['media'];
  if (!collection || !mediaJson) throw new Error('collection.anki2 or media missing');
  const SQL = await initSqlJs();
  const db = new SQL.Database(collection);
  const rows = (sql: string) => {
    const [result] = db.exec(sql);
    if (!result) return [];
    return result.values.map((values) => Object.fromEntries(result.columns.map((column, i) => [column, values[i]])));
  };
  const [col] = rows('SELECT crt, mod, ver, conf, models, decks, dconf FROM col');
  if (!col) throw new Error('no col row');
  return {
    entries,
    media: JSON.parse(new TextDecoder().decode(mediaJson)) as Record<string, string>,
    rows,
    col: {
      crt: col['crt'] as number,
      mod: col['mod'] as number,
      ver: col['ver'] as number,
      conf: JSON.parse(col['conf'] as string) as Record<string, unknown>,
      models: JSON.parse(col['models'] as string) as OpenedApkg['col']['models'],
      decks: JSON.parse(col['decks'] as string) as OpenedApkg['col']['decks'],
      dconf: JSON.parse(col['dconf'] as string) as Record<string, unknown>,
    },
  };
}

/** What Anki's strip_html does to our fields: drop tags, decode entities. */
export function stripHtml(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) =>
      body.startsWith('#x') || body.startsWith('#X')
        ? String.fromCodePoint(Number.parseInt(body.slice(2), 16))
        : body.startsWith('#')
          ? String.fromCodePoint(Number.parseInt(body.slice(1), 10))
          : (named[body.toLowerCase()] ?? entity),
    );
}
