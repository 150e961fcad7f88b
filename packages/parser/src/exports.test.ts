import { expect, it } from 'vitest';
import * as api from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'MESSAGE_SOURCE',
    'RULES',
    'addMessage',
    'createProcessor',
    'emit',
    'formatMessage',
    'normalizeQuestion',
    'parseNote',
    'remarkMianjing',
    'report',
    'runNote',
    'severityFor',
    'severityOf',
  ]);
});
