import { readFileSync, realpathSync, statSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { isWithin, resolveInContent } from '@mianjing/markdown';
import type { ImageRewriter } from '@mianjing/markdown/html';
import type { QuestionRecord } from '@mianjing/schema';
import type { ExportWarning } from '../output.js';
import { sha1Hex } from '../hash.js';

export interface MediaFile {
  /** Name in Anki's media folder: content hash and extension, e.g. `3f…a1.png`. */
  name: string;
  data: Uint8Array;
}

const OUTSIDE = Symbol('outside');
const MISSING = Symbol('missing');
const REMOTE = /^https?:\/\//i;

/**
 * Images embedded into the package, read from under `contentRoot` only. References are checked
 * lexically before the file system is touched, then again after symlinks are resolved.
 */
export class MediaStore {
  readonly files: MediaFile[] = [];
  private readonly realRoot: string | undefined;
  private readonly byPath = new Map<string, string>();
  // What each content-relative path came to: an image used by many answers is looked up once per export.
  private readonly byReference = new Map<string, string | typeof OUTSIDE | typeof MISSING>();
  private readonly names = new Set<string>();

  constructor(contentRoot: string | undefined) {
    this.realRoot = contentRoot === undefined ? undefined : realpathSync.native(contentRoot);
  }

  /** The image rewriter for one record's answer; problems become warnings for that record. */
  rewriterFor(record: QuestionRecord, warnings: ExportWarning[]): ImageRewriter {
    const warn = (ruleId: string, message: string) => warnings.push({ recordId: record.id, ruleId, message });
    return (src) => {
      if (REMOTE.test(src)) return src;
      const path = resolveInContent(record.source.path, src);
      if (path === null) {
        warn('image-outside-content', `image "${src}" is outside the content directory; replaced by its alt text`);
        return null;
      }
      if (this.realRoot === undefined) {
        warn('image-not-embedded', `image "${src}" is not embedded: no content directory was given`);
        return src;
      }
      let added = this.byReference.get(path);
      if (added === undefined) this.byReference.set(path, (added = this.add(this.realRoot, path)));
      if (added === OUTSIDE) {
        warn('image-outside-content', `image "${src}" links outside the content directory; replaced by its alt text`);
        return null;
      }
      if (added === MISSING) {
        warn('image-not-found', `image "${src}" (${path}) does not exist`);
        return src;
      }
      return added;
    };
  }

  /** Embeds the file at content-relative `path`, returning its media name. */
  private add(realRoot: string, path: string): string | typeof OUTSIDE | typeof MISSING {
    let real: string;
    try {
      // The system's realpath: node's own resolves one path component per call.
      real = realpathSync.native(resolve(realRoot, ...path.split('/')));
    } catch {
      return MISSING;
    }
    if (real === realRoot || !isWithin(realRoot, real)) return OUTSIDE;
    if (!statSync(real).isFile()) return MISSING;
    const known = this.byPath.get(real);
    if (known !== undefined) return known;
    const data = readFileSync(real);
    const extension = posix.extname(path).toLowerCase();
    const name = sha1Hex(data) + (/^\.[a-z0-9]{1,8}$/.test(extension) ? extension : '');
    if (!this.names.has(name)) {
      this.names.add(name);
      this.files.push({ name, data: new Uint8Array(data) });
    }
    this.byPath.set(real, name);
    return name;
  }
}
