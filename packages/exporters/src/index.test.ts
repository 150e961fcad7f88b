import { expect, it } from 'vitest';

it('exports exactly the public API', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'DEFAULT_SYSTEM_PROMPTS',
    'RETIRED_TAG',
    'estimateTokens',
    'exportAnki',
    'exportCsv',
    'exportFineTuning',
    'exportRag',
    'outputBytes',
    'outputText',
    'toLangChainDocument',
    'toLlamaIndexNode',
  ]);
});
