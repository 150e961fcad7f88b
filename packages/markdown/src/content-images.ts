import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { isWithin, resolveInContent } from './paths.js';

/** The image types an answer may show: what browsers and Anki display. */
const IMAGE_TYPES: ReadonlySet<string> = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.bmp']);

/** An image file an answer shows, read from inside the content folder. */
export interface ContentImage {
  /** Relative to the content folder, with `/` separators. */
  path: string;
  /** Lower case, with the dot: one of IMAGE_TYPES. */
  extension: string;
  data: Uint8Array;
  /** SHA-1 of the data in hex, for names that change when the image does. */
  sha1: string;
}

/** Why an image cannot be shown; the message says what was done instead (its alt text is shown). */
export interface ImageProblem {
  ruleId: 'image-outside-content' | 'image-not-found' | 'image-not-embedded' | 'image-type';
  message: string;
}

/**
 * The images answers show, for every exporter and the site: only files inside the content folder are read, checked
 * on the text of the reference first, then again on disk after symlinks are resolved. Each file is read once.
 */
export class ContentImages {
  readonly #root: string | undefined;
  readonly #given: boolean;
  readonly #byPath = new Map<string, ContentImage | ImageProblem>();

  /** `contentRoot` is the notes folder the records' `source.path` is relative to; without it no image is read. */
  constructor(contentRoot: string | undefined) {
    this.#root = contentRoot === undefined ? undefined : realOrUndefined(resolve(contentRoot));
    this.#given = contentRoot !== undefined;
  }

  /** The image `src` (as written in the answer) of the note at `notePath`, or why it cannot be shown. */
  image(notePath: string, src: string): ContentImage | ImageProblem {
    const path = resolveInContent(notePath, src);
    if (path === null) {
      return { ruleId: 'image-outside-content', message: `Unexpected image \`${src}\`, expected a file inside the notes folder; showing its alt text` };
    }
    let found = this.#byPath.get(path);
    if (!found) this.#byPath.set(path, (found = this.#read(src, path)));
    return found;
  }

  #read(src: string, path: string): ContentImage | ImageProblem {
    if (!this.#given) {
      return { ruleId: 'image-not-embedded', message: `Cannot read image \`${src}\` without the notes folder the dataset was built from; showing its alt text` };
    }
    const missing: ImageProblem = { ruleId: 'image-not-found', message: `Cannot find image \`${src}\` (\`${path}\` in the notes folder); showing its alt text` };
    if (this.#root === undefined) return missing;
    const real = realOrUndefined(resolve(this.#root, ...path.split('/')));
    if (real === undefined) return missing;
    if (real === this.#root || !isWithin(this.#root, real)) {
      return { ruleId: 'image-outside-content', message: `Unexpected image \`${src}\` linking outside the notes folder, expected a file inside it; showing its alt text` };
    }
    const extension = extname(real).toLowerCase();
    if (!IMAGE_TYPES.has(extension)) {
      return { ruleId: 'image-type', message: `Unexpected image \`${src}\` of type \`${extension || 'none'}\`, expected one of ${[...IMAGE_TYPES].join(', ')}; showing its alt text` };
    }
    let data: Uint8Array;
    try {
      if (!statSync(real).isFile()) return missing;
      data = new Uint8Array(readFileSync(real));
    } catch (error) {
      return { ruleId: 'image-not-found', message: `Cannot read image \`${src}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}; showing its alt text` };
    }
    return { path, extension, data, sha1: createHash('sha1').update(data).digest('hex') };
  }
}

function realOrUndefined(path: string): string | undefined {
  try {
    // The system's realpath: node's own resolves one path component per call.
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}
