import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { afterEach, describe, expect, it } from 'vitest';
import { addMessage, formatMessage, report, severityOf } from './rules.js';

const original = Error.stackTraceLimit;
afterEach(() => {
  Error.stackTraceLimit = original;
});

describe('report', () => {
  it('adds a positioned message whose weight is its severity', () => {
    const file = new VFile({ path: 'a.md' });
    report(file, 'error', 'empty-question', 'Unexpected empty question', { line: 3, column: 2 });
    report(file, 'warning', 'nested-fence', 'Unexpected fence', { start: { line: 5, column: 1 }, end: { line: 6, column: 4 } });
    report(file, 'info', 'question-without-answer', 'No answer', undefined);
    expect(file.messages.map((m) => formatMessage('a.md', m))).toEqual([
      'a.md:3:2: error Unexpected empty question [empty-question]',
      'a.md:5:1: warning Unexpected fence [nested-fence]',
      'a.md:1:1: info No answer [question-without-answer]',
    ]);
    expect(file.messages.map((m) => [m.source, m.place && 'end' in m.place ? m.place.end.line : undefined, severityOf(m)])).toEqual([
      ['mianjing', undefined, 'error'],
      ['mianjing', 6, 'warning'],
      ['mianjing', undefined, 'info'],
    ]);
  });
});

describe('addMessage', () => {
  it('builds the message without capturing a stack trace, then puts the limit back', () => {
    Error.stackTraceLimit = 7;
    let limitDuring: number | undefined;
    const file = {
      message(reason: string, options: ConstructorParameters<typeof VFileMessage>[1]) {
        limitDuring = Error.stackTraceLimit;
        return new VFileMessage(reason, options);
      },
    } as unknown as VFile;
    const message = addMessage(file, 'Unexpected thing', { place: { line: 2, column: 5 }, ruleId: 'x' });
    expect([message.reason, message.line, message.column, message.ruleId]).toEqual(['Unexpected thing', 2, 5, 'x']);
    expect(limitDuring).toBe(0);
    expect(Error.stackTraceLimit).toBe(7);
  });

  it('puts the limit back when the file throws', () => {
    Error.stackTraceLimit = 9;
    const file = {
      message() {
        throw new Error('full');
      },
    } as unknown as VFile;
    expect(() => addMessage(file, 'x', {})).toThrow('full');
    expect(Error.stackTraceLimit).toBe(9);
  });
});
