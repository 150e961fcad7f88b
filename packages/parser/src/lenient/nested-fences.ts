const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** A fence the author nested inside a fence of the same length, rewritten so that it parses as meant. */
export interface NestedFence {
  /** The line of the inner opening fence (1-based). */
  line: number;
  /** The outer fence's opening line. */
  outer: number;
  fence: string;
}

/**
 * ```` ``` ```` blocks that hold a ```` ```javascript ```` block closed by ```` ``` ```` and then, on the next line,
 * ```` ``` ```` again: the author nested a fence in a fence of the same length, and CommonMark closes the outer one at
 * the inner closing fence, so that everything after it (headings, questions) is read inside out. The inner pair
 * becomes `~~~` of the same length (offsets are unchanged) so the note parses as written. Lenient mode only.
 */
export function repairNestedFences(text: string): { text: string; repaired: NestedFence[] } {
  const lines = text.split('\n');
  const repaired: NestedFence[] = [];
  let outer: { line: number; char: string; length: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const match = FENCE.exec(lines[i]!.replace(/\r$/, ''));
    if (!outer) {
      if (match && !(match[2]![0] === '`' && match[3]!.includes('`'))) outer = { line: i, char: match[2]![0]!, length: match[2]!.length };
      continue;
    }
    if (!match || match[2]![0] !== outer.char || match[2]!.length < outer.length) continue;
    const info = match[3]!.trim();
    if (!info) {
      outer = undefined;
      continue;
    }
    // An opening fence with an info string inside the block: nested only if it closes and a bare fence follows at once.
    const close = lines.findIndex((line, j) => j > i && isBare(line, outer!.char, outer!.length));
    if (close === -1 || !isBare(lines[close + 1] ?? '', outer.char, outer.length)) continue;
    const tilde = (line: string) => line.replace(/^( {0,3})(`+)/, (_m, pad: string, ticks: string) => pad + '~'.repeat(ticks.length));
    lines[i] = tilde(lines[i]!);
    lines[close] = tilde(lines[close]!);
    repaired.push({ line: i + 1, outer: outer.line + 1, fence: match[2]! + info });
    outer = undefined;
    i = close + 1;
  }
  return { text: repaired.length > 0 ? lines.join('\n') : text, repaired };
}

function isBare(line: string, char: string, length: number): boolean {
  const match = FENCE.exec(line.replace(/\r$/, ''));
  return match !== null && match[2]![0] === char && match[2]!.length >= length && match[3]!.trim() === '';
}
