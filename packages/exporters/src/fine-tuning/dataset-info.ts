import { sha1Hex } from '../hash.js';
import type { DataFile } from './data-file.js';
import type { FineTuningStyle } from './styles.js';

// How LLaMA-Factory reads each layout, every column and tag spelled out rather than left to its defaults.
const FORMATS: Record<FineTuningStyle, Record<string, unknown>> = {
  openai: {
    formatting: 'sharegpt',
    columns: { messages: 'messages' },
    tags: { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' },
  },
  alpaca: {
    formatting: 'alpaca',
    columns: { prompt: 'instruction', query: 'input', response: 'output', system: 'system' },
  },
  sharegpt: {
    formatting: 'sharegpt',
    columns: { messages: 'conversations', system: 'system' },
    tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt', system_tag: 'system' },
  },
};

/** LLaMA-Factory's `dataset_info.json` registering every data file as `<prefix>_<style>[_<split>]`. */
export function datasetInfo(prefix: string, files: readonly DataFile[]): string {
  const info: Record<string, unknown> = {};
  for (const file of files) {
    const name = [prefix, file.style, file.split].filter((part) => part !== undefined).join('_');
    info[name] = { file_name: file.path, file_sha1: sha1Hex(file.text), ...FORMATS[file.style] };
  }
  return `${JSON.stringify(info, null, 2)}\n`;
}
