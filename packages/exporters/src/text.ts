// C0 controls except TAB, LF and CR, and DEL: NUL and U+001F (Anki's field separator) corrupt
// fields, and none of them is ever meant in a note.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Either of the above: one scan that finds nothing lets nearly every text through untouched.
const UNCLEAN = new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`);

/** Text safe for every output: control characters dropped, lone surrogates replaced by U+FFFD. */
export function cleanText(text: string): string {
  if (!UNCLEAN.test(text)) return text;
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Length in code points, so a Chinese character or an emoji counts once. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
