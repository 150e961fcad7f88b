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
 * records is checked against the schema without `questions.items`, then each record, through JSON on its own, with
 * `validateRecord`, so a large dataset is never held as one string and a second tree.
 */
export function validateDatasetAsJson(dataset: Dataset): SchemaProblem[] {
  const questions: unknown = dataset.questions;
  if (!Array.isArray(questions)) return validateWithJsonSchema(JSON.parse(JSON.stringify(dataset)));
  // Only the array's length is left for the outer check (see LENGTH_ONLY): stand-ins keep it.
  const outer = JSON.parse(JSON.stringify({ ...dataset, questions: [] })) as { questions: unknown[] };
  outer.questions = new Array<null>(questions.length).fill(null);
  const found = problems(partValidators().outer, outer, '');
  for (let index = 0; index < questions.length; index++) {
    // JSON.stringify writes `null` for an array entry it cannot represent.
    const json = JSON.stringify(questions[index]) ?? 'null';
    found.push(...validateRecord(JSON.parse(json), `/questions/${index}`));
  }
  return found;
}

/**
 * Validate one record, as it is, against the published schema's `questions.items`; `[]` means valid. Pointers start
 * with `prefix` (its place in a dataset, e.g. `/questions/3`). For plain data (strings, finite numbers, booleans,
 * null, arrays and plain objects: what the `QuestionRecord` type allows) the verdict is the one its JSON text gets;
 * for other values send it through JSON first, as `validateDatasetAsJson` does.
 */
export function validateRecord(record: unknown, prefix = ''): SchemaProblem[] {
  const { record: validate, byStatus } = partValidators();
  // A record matches the `oneOf` exactly when it matches the branch of its own status, the others requiring another
  // one: checking that branch alone spares the errors the other branch would collect.
  const status = typeof record === 'object' && record !== null ? (record as { status?: unknown }).status : undefined;
  if (typeof status === 'string' && byStatus.get(status)?.(record)) return [];
  return problems(validate, record, prefix);
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

export interface Parts {
  /** The dataset around its records. */
  outer: ValidateFunction;
  record: ValidateFunction;
  /** The branches of the record's `oneOf`, by the `status` constant each requires; empty if they are not told apart so. */
  byStatus: Map<string, ValidateFunction>;
}

let parts: Parts | undefined;

interface Branch {
  required?: string[];
  properties?: { status?: { const?: unknown } };
}

/** The published schema split at `questions.items`: the dataset around its records, and one record. */
function partValidators(): Parts {
  parts ??= splitSchema(JSON.parse(readFileSync(schemaPath, 'utf8')) as DatasetSchema, schemaPath);
  return parts;
}

export type DatasetSchema = { $id?: string; properties?: { questions?: Record<string, unknown> } };

/** Compiles the parts of a dataset schema (exported for its tests); `name` names it in the error. */
export function splitSchema(schema: DatasetSchema, name: string): Parts {
  const questions = schema.properties?.questions;
  // schema.json is generated from the zod schema; this holds unless that schema changes shape.
  if (!schema.$id || !questions || !('items' in questions) || Object.keys(questions).some((key) => !LENGTH_ONLY.has(key))) {
    throw new Error(`${name} has no $id, or keywords on \`questions\` that look at its records: it cannot be checked one record at a time`);
  }
  // The schema is not checked against the draft's meta-schema here: `datasetValidator` compiles the same file with that
  // check, and the schema tests run it.
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(schema);
  const { items, ...array } = questions;
  const { $id: id, ...rest } = schema;
  const itemsPath = `${id}#/properties/questions/items`;
  const byStatus = new Map<string, ValidateFunction>();
  const { oneOf, ...others } = items as { oneOf?: Branch[] };
  if (oneOf && Object.keys(others).every((key) => key === 'description')) {
    oneOf.forEach((branch, index) => {
      const status = branch.properties?.status?.const;
      if (typeof status === 'string' && branch.required?.includes('status')) byStatus.set(status, ajv.getSchema(`${itemsPath}/oneOf/${index}`)!);
    });
    if (byStatus.size !== oneOf.length) byStatus.clear();
  }
  return { outer: ajv.compile({ ...rest, properties: { ...schema.properties, questions: array } }), record: ajv.getSchema(itemsPath)!, byStatus };
}
