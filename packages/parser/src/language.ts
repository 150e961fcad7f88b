// Formulas and code are written in Latin letters whatever the language of the prose around them.
const NOT_PROSE = /\$\$[\s\S]*?\$\$|\$[^$\n]*\$|```[\s\S]*?```|`[^`\n]*`|https?:\/\/\S+/g;

const OTHER = 1;
const HAN = 2;
const KANA = 3;
const HANGUL = 4;
const CYRILLIC = 5;
const SCRIPTS: ReadonlyArray<[number, RegExp]> = [
  [HAN, /\p{Script=Han}/u],
  [KANA, /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  [HANGUL, /\p{Script=Hangul}/u],
  [CYRILLIC, /\p{Script=Cyrillic}/u],
];
// The script of each code point outside ASCII, looked up once: notes use a few thousand distinct characters, so the
// Unicode-property patterns run once per character, not once per occurrence.
let scripts: Uint8Array | undefined;

function scriptOf(codePoint: number): number {
  scripts ??= new Uint8Array(0x110000);
  let script = scripts[codePoint]!;
  if (script === 0) {
    const char = String.fromCodePoint(codePoint);
    script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? OTHER;
    scripts[codePoint] = script;
  }
  return script;
}

/**
 * The language of a question and its answer when nothing says so: Chinese when at least one letter in ten is a Han
 * character (technical terms stay in English in Chinese notes), Japanese or Korean by their scripts, Russian when at
 * least half the letters are Cyrillic, else English. Letters are ASCII letters and characters of those scripts.
 */
export function detectLanguage(text: string): string {
  const prose = text.replace(NOT_PROSE, ' ');
  const counts = [0, 0, 0, 0, 0, 0];
  let latin = 0;
  for (let i = 0; i < prose.length; i++) {
    const code = prose.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
      continue;
    }
    const codePoint = prose.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    counts[scriptOf(codePoint)]!++;
  }
  const [kana, hangul, han, cyrillic] = [counts[KANA]!, counts[HANGUL]!, counts[HAN]!, counts[CYRILLIC]!];
  const letters = kana + hangul + han + latin + cyrillic;
  if (letters === 0) return 'und';
  if (kana * 10 >= letters) return 'ja';
  if (hangul * 10 >= letters) return 'ko';
  if (han * 10 >= letters) return 'zh';
  if (cyrillic * 2 >= letters) return 'ru';
  return 'en';
}
