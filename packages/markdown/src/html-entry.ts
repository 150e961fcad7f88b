// `@mianjing/markdown/html`: answers rendered as sanitized HTML, for the exporters and the site.
export { RENDERER_ID, cutWarnings, renderHtml, resolveImages, sanitizeSchema } from './html.js';
export type { CutWarning, ImageRewriter, MathRenderer, QuestionLinkTarget, RenderedHtml, RenderOptions } from './html.js';
