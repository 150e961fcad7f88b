// Reading Markdown: what the parser needs. Rendering HTML is `@mianjing/markdown/html`, so reading notes does not load
// the renderer (rehype, highlight.js, parse5).
export { MAX_NESTING, MAX_TABLE_ROWS, limitNesting, limitTables } from './guard.js';
export type { CutTable } from './guard.js';
export { markdownProcessor } from './processor.js';
export type { MarkdownOptions } from './processor.js';
export { remarkDisplayMathLines } from './display-math.js';
export { QUESTION_ID, linkedRecordId, replaceQuestionLinks } from './links.js';
export { hasUrlScheme, isWithin, resolveInContent } from './paths.js';
export { ContentImages } from './content-images.js';
export type { ContentImage, ImageProblem } from './content-images.js';
export { inlineText, plainText, unwikilink } from './plain-text.js';
export { renderTex, texError } from './tex.js';
