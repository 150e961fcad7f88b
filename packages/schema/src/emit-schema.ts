// Regenerates schema.json from the zod schema: `pnpm --filter @mianjing/schema generate`.
import { writeFileSync } from 'node:fs';
import { datasetJsonSchemaText } from './json-schema.js';
import { schemaPath } from './validate.js';

writeFileSync(schemaPath, datasetJsonSchemaText());
