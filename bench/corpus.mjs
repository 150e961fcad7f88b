// Deterministic synthetic corpus: the bundled notes replicated `copies` times with distinct note ids, question ids
// and question texts (a canonical build rejects duplicates), plus seeded variation: an interview-round label in
// every question and, in about a third of the answers, an image (tiny PNGs in `img/`, so Anki embeds media).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const CONTENT = new URL('../content/', import.meta.url).pathname;

/** The bundled notes: [{ name, text }], and their total size in bytes. */
export function bundledNotes() {
  const notes = readdirSync(CONTENT)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => ({ name, text: readFileSync(join(CONTENT, name), 'utf8') }));
  return { notes, bytes: notes.reduce((sum, note) => sum + Buffer.byteLength(note.text), 0) };
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUNDS = ['字节一面', '字节二面', '阿里一面', '阿里三面', '腾讯一面', '美团二面', '百度一面', '快手二面', '华为一面', '小红书一面'];
const IMAGES = 4;

/** Rewrite one note for copy `k`: ids get a `-c<k>` suffix, questions a round label, some answers an image. */
function variant(text, k, random) {
  const suffix = `-c${k}`;
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      if (/^id: /.test(line)) return line + suffix;
      // Links between questions follow their renamed targets: `#q` → `#q-ck`, `#note/q` → `#note-ck/q-ck`.
      line = line.replace(/\]\(#([a-z0-9-]+)(?:\/([a-z0-9-]+))?\)/g, (_, a, b) => (b ? `](#${a}${suffix}/${b}${suffix})` : `](#${a}${suffix})`));
      const question = /^(### (?:[\d.]+ )?)(.*?)( \{#([a-z0-9-]+)\})$/.exec(line);
      if (question) {
        const round = ROUNDS[Math.floor(random() * ROUNDS.length)];
        return `${question[1]}（第 ${k} 套·${round}）${question[2]} {#${question[4]}${suffix}}`;
      }
      if (line.startsWith('**结论**') && random() < 0.33) {
        const n = Math.floor(random() * IMAGES);
        return `${line}\n\n![示意图 ${n}](img/fig-${n}.png)`;
      }
      return line;
    })
    .join('\n');
}

/**
 * Write `copies` copies of the bundled notes into `dir` (created), with a canonical `mianjing.json`.
 * Returns { dir, files, bytes } where bytes is the total size of the Markdown written.
 */
export function generateCorpus(dir, copies, seed = 42) {
  const random = prng(seed);
  const { notes } = bundledNotes();
  mkdirSync(join(dir, 'img'), { recursive: true });
  writeFileSync(join(dir, 'mianjing.json'), JSON.stringify({ mode: 'canonical', name: 'bench', license: 'CC-BY-SA-4.0', language: 'zh' }));
  for (let n = 0; n < IMAGES; n++) writeFileSync(join(dir, 'img', `fig-${n}.png`), tinyPng(n));
  let bytes = 0;
  let files = 0;
  for (let k = 1; k <= copies; k++) {
    for (const note of notes) {
      const text = variant(note.text, k, random);
      writeFileSync(join(dir, `${note.name.slice(0, -3)}-c${k}.md`), text);
      bytes += Buffer.byteLength(text);
      files++;
    }
  }
  return { dir, files, bytes };
}

/** A valid 8×8 single-colour PNG (colour from `n`), so image references resolve to real files. */
function tinyPng(n) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.from([0, ...Array.from({ length: 8 }, () => [n * 60, 120, 255 - n * 60]).flat()]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: 8 }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
