import { describe, expect, it } from 'vitest';
import { parseNote } from './processor.js';

const mathMessages = (value: string) =>
  parseNote({ path: 'a.md', value }, { mode: 'lenient' })
    .messages.filter((m) => m.ruleId === 'invalid-math')
    .map((m) => `${m.line}:${m.column} ${m.reason}`);

describe('checkMath', () => {
  it('checks inline formulas inline and display formulas in display mode', () => {
    // KaTeX accepts \tag only in a display equation.
    expect(mathMessages('## 问？\n\n行内 $x \\tag{1}$ 不行。\n\n$$\nx \\tag{1}\n$$\n')).toEqual([
      '3:4 Unexpected TeX that KaTeX cannot render (\\tag works only in display equations), expected a formula KaTeX supports',
    ]);
  });

  it('finds formulas at any depth, in document order, and names the problem without KaTeX’s prefix and position', () => {
    expect(mathMessages('## 问？\n\n> - 列表里 $\\frac{a}{b$\n\n| 表 |\n| --- |\n| $\\notacommand$ |\n')).toEqual([
      "3:9 Unexpected TeX that KaTeX cannot render (Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a}{b), expected a formula KaTeX supports",
      '7:3 Unexpected TeX that KaTeX cannot render (Undefined control sequence: \\notacommand), expected a formula KaTeX supports',
    ]);
  });
});
