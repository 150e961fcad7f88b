import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, parseNote, type MianjingOptions } from './index.js';

// Each folder under test/fixtures holds input.md, optional options.json, and the expected records.json and
// messages.txt. UPDATE_FIXTURES=1 rewrites the expectations; review the diff before committing.
const root = new URL('../test/fixtures/', import.meta.url).pathname;
const update = process.env.UPDATE_FIXTURES === '1';

describe('fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const dir = join(root, name);
      const optionsPath = join(dir, 'options.json');
      const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as MianjingOptions) : {};
      const file = parseNote({ path: 'input.md', value: readFileSync(join(dir, 'input.md'), 'utf8') }, options);
      const records = `${JSON.stringify(file.data.records, null, 2)}\n`;
      const messages = [...file.messages]
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
        .map((m) => `${formatMessage('input.md', m)}\n`)
        .join('');
      const accounting = `${JSON.stringify(file.data.accounting, null, 2)}\n`;
      if (update) {
        writeFileSync(join(dir, 'records.json'), records);
        writeFileSync(join(dir, 'messages.txt'), messages);
        writeFileSync(join(dir, 'accounting.json'), accounting);
      }
      expect(records).toBe(readFileSync(join(dir, 'records.json'), 'utf8'));
      expect(messages).toBe(readFileSync(join(dir, 'messages.txt'), 'utf8'));
      expect(accounting).toBe(readFileSync(join(dir, 'accounting.json'), 'utf8'));
    });
  }
});
