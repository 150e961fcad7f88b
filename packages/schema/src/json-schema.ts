import { z } from 'zod';
import { Dataset } from './dataset.js';

export const SCHEMA_ID = 'https://mianjing.dev/schema/dataset.json';

/**
 * The JSON Schema (draft 2020-12) of a dataset file, generated from the zod schema.
 * zod drops regex flags when it converts, so a flagged regex would make ajv and zod disagree:
 * refuse to emit instead.
 */
export function datasetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Dataset, {
    target: 'draft-2020-12',
    io: 'output',
    override(ctx) {
      const def = (ctx.zodSchema as { _zod: { def: { checks?: Array<{ _zod: { def: { pattern?: RegExp } } }> } } })._zod.def;
      for (const check of def.checks ?? []) {
        const pattern = check._zod.def.pattern;
        if (pattern && pattern.flags !== '') {
          throw new Error(`Unexpected regex flags "${pattern.flags}" in ${pattern}, expected none: JSON Schema patterns cannot carry flags`);
        }
      }
    },
  });
  return { ...schema, $id: SCHEMA_ID, title: 'mianjing dataset' };
}

/** The schema serialized the way `schema.json` is written: 2-space JSON with a trailing newline. */
export function datasetJsonSchemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}
