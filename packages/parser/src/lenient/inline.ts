import type { Paragraph, PhrasingContent } from 'mdast';
import { ANSWER_MARKER, DIALOGUE_ANSWER, DIALOGUE_QUESTION, HAND_BULLET, QUESTION_MARKER } from '../question-like.js';

// The markers of question-like.ts as written in a line, allowing the `**…**` people wrap them in (`**Q：**`,
// `**问题**：`), so that their length can be skipped.
const EMPHASIS = String.raw`(?:\*\*|__|\*|_)?`;
const raw = (marker: RegExp) => new RegExp(`^\\s*${EMPHASIS}${marker.source.slice(4).replace(/\\s\*\[:：\]\\s\*$/, '')}${EMPHASIS}\\s*[:：]\\s*${EMPHASIS}\\s*`, 'i');
const HAND_BULLET_RAW = new RegExp(`^\\s*${EMPHASIS}${HAND_BULLET.source.slice(1)}${EMPHASIS}\\s*`);
const QUESTION_MARKER_RAW = raw(QUESTION_MARKER);
const ANSWER_MARKER_RAW = raw(ANSWER_MARKER);
const DIALOGUE_QUESTION_RAW = raw(DIALOGUE_QUESTION);
const DIALOGUE_ANSWER_RAW = raw(DIALOGUE_ANSWER);

/** A question marker at the start of a line: the marker as written and whether it was a word (`问题：`) rather than `Q:` or a bullet. */
export interface Marker {
  text: string;
  /** `问题：`/`题目：` are also plain labels ("问题：上下文太长"), so what follows them must read as a question. */
  weak: boolean;
  /** The marker sat inside `**…**` that closes after the question (`**Q：问题？** 答案`). */
  bold: boolean;
}

/** The `●`/`①`/`Q:`/`问：`/`Interviewer:` marker at the start of a line (`I:` only in dialogues). */
export function questionMarker(line: string, dialogue: boolean): Marker | undefined {
  const match = HAND_BULLET_RAW.exec(line) ?? QUESTION_MARKER_RAW.exec(line) ?? (dialogue ? DIALOGUE_QUESTION_RAW.exec(line) : null);
  if (!match) return undefined;
  const text = match[0];
  return { text, weak: /问题|题目/.test(text), bold: /^\s*(?:\*\*|__)/.test(text) && (text.match(/\*\*|__/g) ?? []).length === 1 };
}

/** The `A:`/`答：`/`Candidate:` marker at the start of a line (`C:` only in dialogues), as written. */
export function answerMarker(line: string, dialogue: boolean): string | undefined {
  return (ANSWER_MARKER_RAW.exec(line) ?? (dialogue ? DIALOGUE_ANSWER_RAW.exec(line) : null))?.[0];
}

/** Inline Markdown of a line as plain text, good enough for a question: emphasis, code ticks and tags dropped. */
export function cleanInline(text: string): string {
  return stripTags(text.replace(/\*\*|__|`/g, '')).trim();
}

export function stripTags(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

/** Where a link points: a heading of this note, another note or file, or a web page. */
export type LinkTarget = 'anchor' | 'note' | 'web';

/** The target of a paragraph that is only a link (or a bold link, or a `[[wikilink]]`), else undefined. */
export function linkOnlyTarget(paragraph: Paragraph): LinkTarget | undefined {
  const meaningful = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  const link = only?.type === 'strong' && only.children.length === 1 ? only.children[0] : only;
  if (link?.type === 'link') return linkTarget(link.url);
  if (only?.type === 'text') {
    const wiki = /^\[\[([^\]]+)\]\]$/.exec(only.value.trim());
    if (wiki) return wiki[1]!.startsWith('#') ? 'anchor' : 'note';
  }
  return undefined;
}

export function linkTarget(url: string): LinkTarget {
  if (url.startsWith('#')) return 'anchor';
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/\.(md|markdown)(#.*)?$/i.test(url)) return 'web';
  return 'note';
}

/**
 * Where a trailing pointer to an answer elsewhere starts (`问题？→ [详解](/x)`, `问题 → [A](/a) / [B](/b)`): the
 * offset of the arrow, or undefined.
 */
export function trailingPointer(children: readonly PhrasingContent[]): number | undefined {
  let i = children.length - 1;
  while (i >= 0 && children[i]!.type === 'text' && (children[i] as { value: string }).value.trim() === '') i--;
  let sawLink = false;
  while (i >= 0) {
    const child = children[i]!;
    if (child.type === 'link') {
      sawLink = true;
      i--;
      continue;
    }
    if (child.type === 'text' && sawLink) {
      const arrow = /(?:→|->|⇒|➡️?|详见|参见)\s*$/.exec(child.value);
      if (arrow) return child.position!.start.offset! + arrow.index;
      if (/^\s*\/\s*$/.test(child.value)) {
        i--;
        continue;
      }
    }
    return undefined;
  }
  return undefined;
}
