import { ContentImages, hasUrlScheme, type ImageProblem } from '@mianjing/markdown';

export type Placement = { path: string } | ImageProblem;

/**
 * The images the answers show, copied into `assets/img/<sha1>.<ext>` from inside the notes folder only (see
 * ContentImages). The site makes no outside requests, so an image URL is shown as its alt text.
 */
export class ImageStore {
  readonly files = new Map<string, Uint8Array>();
  readonly #images: ContentImages;

  constructor(contentRoot: string | undefined) {
    this.#images = new ContentImages(contentRoot);
  }

  /** Where the image `src` of the note at `notePath` (relative to the content root) is in the site. */
  place(notePath: string, src: string): Placement {
    if (hasUrlScheme(src)) {
      return { ruleId: 'image-outside-content', message: `Unexpected image \`${src}\`, expected a file inside the notes folder: the site makes no outside requests; showing its alt text` };
    }
    const image = this.#images.image(notePath, src);
    if ('ruleId' in image) return image;
    const path = `assets/img/${image.sha1}${image.extension}`;
    this.files.set(path, image.data);
    return { path };
  }
}
