const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /[A-Za-z]/g;
// Formulas and code are written in Latin letters whatever the language of the prose around them.
const NOT_PROSE = /\$\$[\s\S]*?\$\$|\$[^$\n]*\$|```[\s\S]*?```|`[^`\n]*`|https?:\/\/\S+/g;

/**
 * The language of a question and its answer when nothing says so: Chinese when at least one letter in ten is a Han
 * character (technical terms stay in English in Chinese notes), Japanese or Korean by their scripts, Russian when at
 * least half the letters are Cyrillic, else English.
 */
export function detectLanguage(text: string): string {
  const prose = text.replace(NOT_PROSE, ' ');
  const count = (pattern: RegExp) => prose.match(pattern)?.length ?? 0;
  const kana = count(KANA);
  const hangul = count(HANGUL);
  const han = count(HAN);
  const latin = count(LATIN);
  const cyrillic = count(CYRILLIC);
  const letters = kana + hangul + han + latin + cyrillic;
  if (letters === 0) return 'und';
  if (kana * 10 >= letters) return 'ja';
  if (hangul * 10 >= letters) return 'ko';
  if (han * 10 >= letters) return 'zh';
  if (cyrillic * 2 >= letters) return 'ru';
  return 'en';
}
