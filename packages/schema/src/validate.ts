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
  return problems(datasetValidator(), data, '');
}

/**
 * Validate a dataset as its JSON text will read: the same problems as
 * `validateWithJsonSchema(JSON.parse(JSON.stringify(dataset)))`, found without that text. The dataset without its
 * records is checked against the schema without `questions.items`, then each record, through JSON on its own,
 * against `questions.items`, so a large dataset is never held as one string and a second tree.
 */
export function validateDatasetAsJson(dataset: Dataset): SchemaProblem[] {
  const parts = partValidators();
  const questions: unknown = dataset.questions;
  if (!parts || !Array.isArray(questions)) return validateWithJsonSchema(JSON.parse(JSON.stringify(dataset)));
  // Only the array's length is left for the outer check (see LENGTH_ONLY): stand-ins keep it.
  const outer = JSON.parse(JSON.stringify({ ...dataset, questions: [] })) as { questions: unknown[] };
  outer.questions = new Array<null>(questions.length).fill(null);
  const found = problems(parts.outer, outer, '');
  for (let index = 0; index < questions.length; index++) {
    // JSON.stringify writes `null` for an array entry it cannot represent.
    const json = JSON.stringify(questions[index]) ?? 'null';
    found.push(...problems(parts.record, JSON.parse(json), `/questions/${index}`));
  }
  return found;
}

function problems(validate: ValidateFunction, data: unknown, prefix: string): SchemaProblem[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => ({
    pointer: prefix + error.instancePath,
    message: error.message ?? error.keyword,
  }));
}

// Keywords of the `questions` schema that look at no record, only at the array and its length.
const LENGTH_ONLY = new Set(['type', 'items', 'minItems', 'maxItems', 'title', 'description']);

let parts: { outer: ValidateFunction; record: ValidateFunction } | null | undefined;

/** The schema split at `questions.items`, or null when the array has keywords that need its records. */
function partValidators(): typeof parts {
  if (parts === undefined) {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { $id?: string; properties?: { questions?: Record<string, unknown> } };
    const questions = schema.properties?.questions;
    if (!schema.$id || !questions || !('items' in questions) || Object.keys(questions).some((key) => !LENGTH_ONLY.has(key))) parts = null;
    else {
      const ajv = new Ajv2020({ allErrors: true, strict: true });
      addFormats(ajv);
      ajv.addSchema(schema);
      const { items: _items, ...array } = questions;
      const { $id: _id, ...rest } = schema;
      parts = { outer: ajv.compile({ ...rest, properties: { ...schema.properties, questions: array } }), record: ajv.getSchema(`${schema.$id}#/properties/questions/items`)! };
    }
  }
  return parts;
}
