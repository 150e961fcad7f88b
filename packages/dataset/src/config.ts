import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RetiredId } from '@mianjing/schema';
import { z } from 'zod';

export const CONFIG_FILE = 'mianjing.json';

/** `mianjing.json` at the root of a notes folder: how to read it and what to call the dataset. */
export const CollectionConfig = z
  .object({
    mode: z.enum(['canonical', 'lenient']).optional(),
    name: z.string().min(1).optional(),
    license: z.string().min(1).optional(),
    language: z.string().min(2).optional(),
    ignore: z.array(z.string().min(1)).optional(),
    retired: z.array(RetiredId).optional(),
  })
  .strict();

export type CollectionConfig = z.infer<typeof CollectionConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The folder's config, or `{}` when it has none (then the folder is read leniently). */
export async function readConfig(root: string): Promise<CollectionConfig> {
  const path = join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}\nFix the file or delete it to read the folder leniently.`, { cause: error });
  }
  const result = CollectionConfig.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
    throw new ConfigError(`${path} has invalid settings:\n${problems}\nAllowed keys: mode ("canonical" | "lenient"), name, license, language, ignore (file names), retired ([{ id, mergedInto? }]).`);
  }
  return result.data;
}
