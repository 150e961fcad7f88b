import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';

// micromark keeps every event of a document until it builds the tree, so a whole note's events outlive scavenges
// and are copied and promoted again and again, more so the longer the note. Parsed one top-level heading section
// (a few KB) at a time, the bundled notes parse in 70–75% of the time, and a 2 MB note is parsed and extracted in
// less than half the time remark takes to parse it whole (side by side, `bench/lenient.mjs`). The tree must be
// exactly the one a whole parse gives, positions included, so a note is cut only where that provably holds:
// - before a line that the parse of the text up to and including it reads as a top-level ATX heading. Block
//   structure is read line by line, and such a line closes every open block, so nothing after it changes what came
//   before it, and it starts a fresh block as it would at the start of a document;
// - never in a note that may define links or footnotes (`[x]: …`, `[^x]: …`): a reference anywhere resolves
//   against definitions anywhere in the document;
// - never before front matter is closed: its opening line is read as front matter only if a closing line follows.
// A cut that fails the check ends the cutting, so a note is never parsed more than about twice.

/** A line that may start a link or footnote definition (its label may go on to the next line). */
const MAY_DEFINE = /^[ \t>*+\-.)\d]*\[(?:[^\]\\\n]|\\.)*(?:\]:|$)/m;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
/** Opening or closing line of fenced code or display math, also inside containers (only to skip their lines). */
const FENCE = /^[ \t>]*(`{3,}|~{3,}|\${2,})/;
const FRONT_MATTER = /^---[ \t]*(?:\r?\n|$)/;
const FRONT_MATTER_END = /^---[ \t]*\r?$/;
/** micromark also ends lines at a lone carriage return; such notes are parsed whole rather than counted twice. */
const LONE_CR = /\r(?!\n)/;

export function parseInSections(parse: (text: string) => Root, text: string): Root {
  const starts = MAY_DEFINE.test(text) || LONE_CR.test(text) ? [] : headingStarts(text);
  if (starts.length === 0) return parse(text);
  const children: RootContent[] = [];
  let from = 0;
  let line = 1;
  for (const start of starts) {
    const end = text.indexOf('\n', start);
    const tree = parse(text.slice(from, end === -1 ? text.length : end));
    const last = tree.children.at(-1);
    const cut = last?.type === 'heading' && last.position!.start.offset === start - from;
    if (!cut || (from === 0 && FRONT_MATTER.test(text) && tree.children[0]?.type !== 'yaml')) break;
    tree.children.pop();
    for (const child of tree.children) children.push(shift(child, line - 1, from));
    line += countLines(text, from, start);
    from = start;
  }
  const tail = parse(text.slice(from));
  for (const child of tail.children) children.push(shift(child, line - 1, from));
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: shiftPoint(tail.position!.end, line - 1, from) } };
}

/** Offsets of lines that look like ATX headings outside front matter, fenced code and display math. */
function headingStarts(text: string): number[] {
  const starts: number[] = [];
  let fence: string | undefined;
  let frontMatter = FRONT_MATTER.test(text);
  let at = text.indexOf('\n') + 1;
  while (at > 0 && at < text.length) {
    const next = text.indexOf('\n', at);
    const end = next === -1 ? text.length : next;
    const line = text.slice(at, end);
    const marker = FENCE.exec(line)?.[1];
    if (frontMatter) frontMatter = !FRONT_MATTER_END.test(line);
    else if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (marker !== undefined) fence = marker;
    else if (HEADING.test(line)) starts.push(at);
    at = end + 1;
  }
  return starts;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

function shift<T extends Nodes>(node: T, lines: number, offset: number): T {
  if (lines === 0 && offset === 0) return node;
  if (node.position) node.position = { start: shiftPoint(node.position.start, lines, offset), end: shiftPoint(node.position.end, lines, offset) };
  if ('children' in node) for (const child of node.children) shift(child, lines, offset);
  return node;
}

function shiftPoint(point: Point, lines: number, offset: number): Point {
  return { line: point.line + lines, column: point.column, offset: point.offset === undefined ? undefined : point.offset + offset };
}
