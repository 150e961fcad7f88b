import type { Nodes, Paragraph } from 'mdast';
import type { Point } from 'unist';
import { location } from 'vfile-location';

/** One line of a block, as written, and where it starts in the note. */
export interface Line {
  text: string;
  start: number;
}

/** The note's text, with the helpers recognizers need to slice it and to point into it. */
export class SourceText {
  readonly value: string;
  private readonly place: ReturnType<typeof location>;
  /** The offset each line starts at (index 0 is line 1). */
  private readonly starts: number[];

  constructor(value: string) {
    this.value = value;
    this.place = location(value);
    this.starts = [0];
    for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The text of line `line` (1-based), without its line break. */
  line(line: number): string {
    const start = this.starts[line - 1];
    return start === undefined ? '' : this.value.slice(start, this.lineEnd(start));
  }

  /** Its length in code points. */
  lineLength(line: number): number {
    return [...this.line(line)].length;
  }

  /** Whether the lines strictly between two lines carry no text (blank lines, `---`, `</div>`). */
  onlyMarkupBetween(endLine: number, line: number): boolean {
    for (let l = endLine + 1; l < line; l++) if (hasText(this.line(l))) return false;
    return true;
  }

  point(offset: number): Point {
    const p = this.place.toPoint(offset);
    return { line: p?.line ?? 1, column: p?.column ?? 1, offset };
  }

  /** The text of a node as written. */
  of(node: Nodes): string {
    return this.value.slice(node.position!.start.offset!, node.position!.end.offset!);
  }

  /** A paragraph made from part of the source (after a marker, or after a bold question). */
  fragment(start: number, end: number): Paragraph {
    return { type: 'paragraph', children: [{ type: 'text', value: this.value.slice(start, end) }], position: { start: this.point(start), end: this.point(end) } };
  }

  /** The first line of a node as written: `lines(node)[0].text` without splitting the rest. */
  firstLine(node: Nodes): string {
    const start = node.position!.start.offset!;
    const end = this.value.indexOf('\n', start);
    const stop = end === -1 ? node.position!.end.offset! : Math.min(end, node.position!.end.offset!);
    return this.value.slice(start, stop).replace(/\r$/, '');
  }

  /** The lines of a node as written (a paragraph's soft breaks, a fence's code lines). */
  lines(node: Nodes): Line[] {
    const start = node.position!.start.offset!;
    const text = this.of(node);
    const lines: Line[] = [];
    let offset = 0;
    for (const line of text.split('\n')) {
      lines.push({ text: line.replace(/\r$/, ''), start: start + offset });
      offset += line.length + 1;
    }
    return lines;
  }

  /** The offset just after the text of the line starting at `start` (its line break excluded). */
  lineEnd(start: number): number {
    const end = this.value.indexOf('\n', start);
    return (end === -1 ? this.value.length : end) - (this.value[end - 1] === '\r' ? 1 : 0);
  }
}

/** Whether a line carries text a reader would miss: not blank, not only markup (`---`, `</div>`, `- [ ]`, fences). */
export function hasText(line: string): boolean {
  const bare = line
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s*(?:\[[ xX]\]\s*)?$/, '')
    .replace(/^\s*(?:`{3,}|~{3,})[\w+#.-]*\s*$/, '')
    .replace(/^\s*(?:[-*_]\s*){3,}$/, '')
    .replace(/^\s*[=-]+\s*$/, '');
  return /[\p{L}\p{N}]/u.test(bare);
}
