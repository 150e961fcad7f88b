import { leadingNumber, sha256 } from '../hash.js';
import { cleanText } from '../text.js';

/** Anki's built-in deck and options group; a schema-11 collection always has both. */
const DEFAULT_DECK_ID = 1;
const DEFAULT_CONF_ID = 1;

/**
 * Deck path for a record: the root's levels, then one level per breadcrumb entry. `::` separates
 * levels in Anki, so inside an entry it becomes `：：` (full-width) to keep the entry one level.
 */
export function deckPath(root: string, breadcrumb: readonly string[]): string[] {
  const entries = breadcrumb.map((entry) => cleanText(entry).replace(/::/g, '：：').trim());
  return [...root.split('::').map((level) => cleanText(level).trim()), ...entries].filter((level) => level !== '');
}

/** Stable deck id from the full deck name, so re-imports land in the same deck. */
export function deckId(name: string): number {
  return leadingNumber(sha256(`mianjing-deck:${name}`), 6);
}

/** The decks of a collection: every level of every path, each with its id. */
export class DeckSet {
  private readonly ids = new Map<string, number>();

  /** Registers a deck path with its parents and returns the id of the deepest deck. */
  add(path: readonly string[]): number {
    let id = DEFAULT_DECK_ID;
    for (let depth = 1; depth <= path.length; depth++) {
      const name = path.slice(0, depth).join('::');
      id = this.ids.get(name) ?? deckId(name);
      this.ids.set(name, id);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** `col.decks`: the default deck and ours, sorted by name, as schema-11 JSON. */
  toJson(mod: number): Record<string, unknown> {
    const decks: Record<string, unknown> = { [DEFAULT_DECK_ID]: deckJson(DEFAULT_DECK_ID, 'Default', mod) };
    for (const [name, id] of [...this.ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      decks[id] = deckJson(id, name, mod);
    }
    return decks;
  }
}

function deckJson(id: number, name: string, mod: number): Record<string, unknown> {
  return {
    id,
    mod,
    name,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: DEFAULT_CONF_ID,
    extendNew: 0,
    extendRev: 0,
  };
}

/** `col.dconf`: Anki's default options group (genanki's values). */
export function deckConfJson(mod: number): Record<string, unknown> {
  return {
    [DEFAULT_CONF_ID]: {
      id: DEFAULT_CONF_ID,
      mod,
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
    },
  };
}
