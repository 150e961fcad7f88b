import { ContentImages } from '@mianjing/markdown';
import type { ImageRewriter } from '@mianjing/markdown/html';
import type { QuestionRecord } from '@mianjing/schema';
import type { ExportWarning } from '../output.js';

export interface MediaFile {
  /** Name in Anki's media folder: content hash and extension, e.g. `3f…a1.png`. */
  name: string;
  data: Uint8Array;
}

// Anki shows images from the web when online, so their URLs stay.
const REMOTE = /^https?:\/\//i;

/**
 * Images embedded into the package, read from inside the notes folder only (see ContentImages); an image that cannot
 * be embedded is shown as its alt text, with a warning for its record.
 */
export class MediaStore {
  readonly files: MediaFile[] = [];
  private readonly images: ContentImages;
  private readonly names = new Set<string>();

  constructor(contentRoot: string | undefined) {
    this.images = new ContentImages(contentRoot);
  }

  /** The image rewriter for one record's answer; problems become warnings for that record. */
  rewriterFor(record: QuestionRecord, warnings: ExportWarning[]): ImageRewriter {
    return (src) => {
      if (REMOTE.test(src)) return src;
      const image = this.images.image(record.source.path, src);
      if ('ruleId' in image) {
        warnings.push({ recordId: record.id, ruleId: image.ruleId, message: image.message });
        return null;
      }
      const name = image.sha1 + image.extension;
      if (!this.names.has(name)) {
        this.names.add(name);
        this.files.push({ name, data: image.data });
      }
      return name;
    };
  }
}
