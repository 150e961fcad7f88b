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
