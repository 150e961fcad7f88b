import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { isWithin, resolveInContent } from '@mianjing/markdown';

const TYPES = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.bmp']);

export type Placement = { path: string } | { ruleId: 'image-outside-content' | 'image-not-found' | 'image-type'; message: string };

/**
 * The images the answers show, copied into `assets/img/<sha1>.<ext>`. Only files inside the content folder are
 * copied, checked on the text of the reference and again on disk through symlinks.
 */
export class ImageStore {
  readonly files = new Map<string, Uint8Array>();
  readonly #root: string | undefined;
  readonly #placed = new Map<string, Placement>();

  constructor(contentRoot: string | undefined) {
    this.#root = contentRoot === undefined ? undefined : realOrUndefined(resolve(contentRoot));
  }

  /** Where the image `src` of the note at `notePath` (relative to the content root) is in the site. */
  place(notePath: string, src: string): Placement {
    const key = `${notePath}\u0000${src}`;
    let placement = this.#placed.get(key);
    if (!placement) this.#placed.set(key, (placement = this.#place(notePath, src)));
    return placement;
  }

  #place(notePath: string, src: string): Placement {
    const relative = resolveInContent(notePath, src);
    if (relative === null) {
      return { ruleId: 'image-outside-content', message: `Unexpected image \`${src}\`, expected a file inside the content folder: the site makes no outside requests; showing its alt text` };
    }
    if (this.#root === undefined) return { ruleId: 'image-not-found', message: `Cannot copy image \`${src}\` without a content folder (\`contentRoot\`); showing its alt text` };
    const real = realOrUndefined(resolve(this.#root, relative));
    if (real === undefined) return { ruleId: 'image-not-found', message: `Cannot find image \`${src}\` (\`${relative}\`); showing its alt text` };
    if (!isWithin(this.#root, real)) {
      return { ruleId: 'image-outside-content', message: `Unexpected image \`${src}\` linking outside the content folder, expected a file inside it; showing its alt text` };
    }
    const ext = extname(real).toLowerCase();
    if (!TYPES.has(ext)) return { ruleId: 'image-type', message: `Unexpected image type \`${ext || src}\`, expected one of ${[...TYPES].join(', ')}; showing its alt text` };
    let data: Uint8Array;
    try {
      data = readFileSync(real);
    } catch (error) {
      return { ruleId: 'image-not-found', message: `Cannot read image \`${src}\`: ${error instanceof Error ? error.message : String(error)}; showing its alt text` };
    }
    const path = `assets/img/${createHash('sha1').update(data).digest('hex')}${ext}`;
    this.files.set(path, data);
    return { path };
  }
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
