import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import type { Dataset } from './dataset.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((formatsPlugin as { default?: unknown }).default ?? formatsPlugin) as typeof formatsPlugin.default;

/** Where the generated JSON Schema file lives in this package. */
export const schemaPath: string = new URL('../schema.json', import.meta.url).pathname;

let compiled: ValidateFunction<Dataset> | undefined;

/** An ajv (draft 2020-12) validator compiled from the published `schema.json`. */
export function datasetValidator(): ValidateFunction<Dataset> {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = ajv.compile<Dataset>(schema);
  }
  return compiled;
}

export interface SchemaProblem {
  /** JSON Pointer into the validated document, e.g. `/questions/3/id`. */
  pointer: string;
  message: string;
}

/** Validate parsed JSON against the published schema with ajv; `[]` means valid. */
export function validateWithJsonSchema(data: unknown): SchemaProblem[] {
  const validate = datasetValidator();
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => ({
    pointer: error.instancePath,
    message: error.message ?? error.keyword,
  }));
}
