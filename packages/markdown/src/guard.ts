/** Containers deeper than this are read as text: remark's transforms recurse once per level. */
export const MAX_NESTING = 100;

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=\s|$)/;

/**
 * Neutralise block containers nested deeper than MAX_NESTING (`>>>>…` quotes, lists indented thousands of
 * levels), so that parsing and the syntax-tree transforms never exceed the call stack. Each marker past the
 * limit is swapped for a look-alike of the same length, so offsets, lines and columns stay those of the
 * original text (answers are sliced from the original). Returns the lines that were changed.
 */
export function limitNesting(text: string): { text: string; lines: number[] } {
  const lines: number[] = [];
  let out: string[] | undefined;
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
    lineNumber++;
    const fixed = limitLine(text.slice(start, end));
    if (fixed !== undefined) {
      out ??= [text.slice(0, start)];
      lines.push(lineNumber);
      out.push(fixed, text.slice(end, nextStart(text, end)));
    } else if (out) {
      out.push(text.slice(start, nextStart(text, end)));
    }
    start = end + 1;
  }
  return { text: out ? out.join('') : text, lines };
}

function nextStart(text: string, end: number): number {
  return Math.min(text.length, end + 1);
}

function limitLine(line: string): string | undefined {
  let depth = 0;
  let i = 0;
  let changed: string[] | undefined;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '>') {
      depth++;
      if (depth > MAX_NESTING) (changed ??= [...line])[i] = '＞';
      i++;
      continue;
    }
    const marker = LIST_MARKER.exec(line.slice(i, i + 11));
    // Each list level needs about two columns of indentation: count indentation as levels too.
    const levels = depth + Math.floor(i / 2);
    if (marker && levels > MAX_NESTING) {
      (changed ??= [...line])[i] = line[i] === '-' || line[i] === '*' || line[i] === '+' ? '‐' : '０';
      return changed.join('');
    }
    if (marker) {
      depth++;
      i += marker[0].length;
      continue;
    }
    return changed?.join('');
  }
}

/** More table rows than this are not rendered: a card or a page cannot show them, and rendering grows with them. */
export const MAX_TABLE_ROWS = 1000;

const TABLE_DELIMITER = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** A table that was cut: the line of its header and how many body rows it had. */
export interface CutTable {
  line: number;
  rows: number;
}

/**
 * Cut GFM tables to their first MAX_TABLE_ROWS body rows (for rendering only: records keep every row), with a line
 * saying how many were left out. A table is a header line, a delimiter line, then rows up to a blank line.
 */
export function limitTables(text: string, maxRows = MAX_TABLE_ROWS, note: (rows: number, shown: number) => string = defaultCutNote): { text: string; tables: CutTable[] } {
  const lines = text.split('\n');
  const tables: CutTable[] = [];
  let out: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (i === 0 || !TABLE_DELIMITER.test(lines[i]!) || !lines[i - 1]!.includes('|')) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== '') end++;
    const rows = end - i - 1;
    if (rows <= maxRows) continue;
    out ??= [];
    tables.push({ line: i, rows });
    lines.splice(i + 1 + maxRows, rows - maxRows, '', note(rows, maxRows));
    i += 1 + maxRows;
  }
  return { text: out ? lines.join('\n') : text, tables };
}

const defaultCutNote = (rows: number, shown: number) => `*（表格共 ${rows} 行，这里只显示前 ${shown} 行。）*`;
