/**
 * Card CSS. Anki centers card text by default; code and tables read better left-aligned. Night
 * mode: Anki desktop marks the card `.nightMode`, AnkiDroid and older versions `.night_mode`.
 * The `hljs-*` colours match rehype-highlight's classes (GitHub light and dark palettes).
 */
export const CARD_CSS = `.card {
  font-family: -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  font-size: 18px;
  line-height: 1.6;
  text-align: left;
  color: #1f2328;
  background-color: #ffffff;
}
.breadcrumb { font-size: 13px; color: #656d76; margin-bottom: 8px; }
.question { font-size: 20px; font-weight: 600; }
.source { font-size: 12px; color: #656d76; margin-top: 16px; }
.answer img { max-width: 100%; height: auto; }
.summary { font-size: 19px; padding: 8px 12px; margin-bottom: 12px; border-left: 4px solid #0969da; background-color: #f6f8fa; border-radius: 4px; }
.summary p { margin: 0; }
.full-answer { font-size: 16px; }
.label { font-size: 13px; font-weight: 600; color: #656d76; margin: 16px 0 4px; }
.related ul, .references ol { margin: 0; padding-left: 20px; font-size: 14px; }
.references { font-size: 13px; }
.question-link { text-decoration: underline dotted; }
.retired { padding: 8px 12px; border: 1px dashed #d0d7de; border-radius: 4px; }
/* Wide tables and formulas scroll inside the card instead of widening it on a phone. */
.answer table { display: block; max-width: 100%; overflow-x: auto; }
.answer th, .answer td { min-width: 4.5em; }
.answer mjx-container[display="true"] { display: block; max-width: 100%; overflow-x: auto; overflow-y: hidden; }
.answer pre {
  text-align: left;
  overflow-x: auto;
  padding: 10px 12px;
  border-radius: 6px;
  background-color: #f6f8fa;
}
.answer code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.answer :not(pre) > code { padding: 1px 4px; border-radius: 4px; background-color: #eff1f3; }
.answer table { border-collapse: collapse; margin: 8px 0; text-align: left; }
.answer th, .answer td { border: 1px solid #d0d7de; padding: 4px 8px; }
.answer blockquote { margin: 8px 0; padding-left: 12px; border-left: 4px solid #d0d7de; color: #656d76; }
.math-display { text-align: center; overflow-x: auto; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
.hljs-comment, .hljs-quote { color: #6e7781; font-style: italic; }
.hljs-keyword, .hljs-selector-tag, .hljs-type, .hljs-doctag { color: #cf222e; }
.hljs-string, .hljs-regexp, .hljs-addition, .hljs-meta .hljs-string { color: #0a3069; }
.hljs-number, .hljs-literal, .hljs-variable, .hljs-template-variable, .hljs-attr, .hljs-attribute { color: #0550ae; }
.hljs-title, .hljs-section, .hljs-name, .hljs-selector-id, .hljs-selector-class { color: #8250df; }
.hljs-built_in, .hljs-symbol, .hljs-params { color: #953800; }
.hljs-meta { color: #1f2328; }
.hljs-deletion { color: #82071e; background-color: #ffebe9; }
.nightMode.card, .night_mode.card, .nightMode .card, .night_mode .card { color: #e6edf3; background-color: #0d1117; }
.nightMode .breadcrumb, .night_mode .breadcrumb, .nightMode .source, .night_mode .source { color: #8d96a0; }
.nightMode .answer pre, .night_mode .answer pre { background-color: #161b22; }
.nightMode .summary, .night_mode .summary { background-color: #161b22; border-left-color: #4493f8; }
.nightMode .label, .night_mode .label { color: #8d96a0; }
.nightMode .answer :not(pre) > code, .night_mode .answer :not(pre) > code { background-color: #262c36; }
.nightMode .answer th, .night_mode .answer th, .nightMode .answer td, .night_mode .answer td { border-color: #3d444d; }
.nightMode .answer blockquote, .night_mode .answer blockquote { border-left-color: #3d444d; color: #8d96a0; }
.nightMode .hljs-comment, .night_mode .hljs-comment, .nightMode .hljs-quote, .night_mode .hljs-quote { color: #8b949e; }
.nightMode .hljs-keyword, .night_mode .hljs-keyword, .nightMode .hljs-selector-tag, .night_mode .hljs-selector-tag,
.nightMode .hljs-type, .night_mode .hljs-type, .nightMode .hljs-doctag, .night_mode .hljs-doctag { color: #ff7b72; }
.nightMode .hljs-string, .night_mode .hljs-string, .nightMode .hljs-regexp, .night_mode .hljs-regexp,
.nightMode .hljs-addition, .night_mode .hljs-addition { color: #a5d6ff; }
.nightMode .hljs-number, .night_mode .hljs-number, .nightMode .hljs-literal, .night_mode .hljs-literal,
.nightMode .hljs-variable, .night_mode .hljs-variable, .nightMode .hljs-attr, .night_mode .hljs-attr,
.nightMode .hljs-attribute, .night_mode .hljs-attribute { color: #79c0ff; }
.nightMode .hljs-title, .night_mode .hljs-title, .nightMode .hljs-section, .night_mode .hljs-section,
.nightMode .hljs-name, .night_mode .hljs-name { color: #d2a8ff; }
.nightMode .hljs-built_in, .night_mode .hljs-built_in, .nightMode .hljs-symbol, .night_mode .hljs-symbol,
.nightMode .hljs-params, .night_mode .hljs-params { color: #ffa657; }
.nightMode .hljs-meta, .night_mode .hljs-meta { color: #e6edf3; }
.nightMode .hljs-deletion, .night_mode .hljs-deletion { color: #ffdcd7; background-color: #67060c; }
`;
