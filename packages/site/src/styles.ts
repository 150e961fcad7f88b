// The site's one stylesheet. Colours are custom properties: light by default, dark when the system asks for it
// unless the reader chose light, and dark when the reader chose it (`<html data-theme>`, set by the toggle).

const LIGHT = `--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--link:#0550ae;--accent:#0969da;--mark:#fff1a8;--mark-fg:#1f2328;--focus:#0969da;
--hl-keyword:#cf222e;--hl-string:#0a3069;--hl-comment:#57606a;--hl-number:#0550ae;--hl-title:#6639ba;--hl-built:#953800;--hl-attr:#116329;`;
const DARK = `--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;--link:#6cb6ff;--accent:#4493f8;--mark:#6b5a00;--mark-fg:#fff;--focus:#6cb6ff;
--hl-keyword:#ff7b72;--hl-string:#a5d6ff;--hl-comment:#9198a1;--hl-number:#79c0ff;--hl-title:#d2a8ff;--hl-built:#ffa657;--hl-attr:#7ee787;`;

export const SITE_CSS = `:root{${LIGHT}color-scheme:light}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){${DARK}color-scheme:dark}}
:root[data-theme=dark]{${DARK}color-scheme:dark}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.75 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;overflow-wrap:break-word;word-break:normal;line-break:strict}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,[tabindex]:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip-link{position:absolute;left:.5rem;top:-3rem;background:var(--bg);color:var(--link);padding:.25rem .75rem;border:2px solid var(--focus);z-index:10}
.skip-link:focus{top:.5rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.site-header{border-bottom:1px solid var(--line);background:var(--soft)}
.site-header nav{max-width:52rem;margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.brand{font-weight:700;text-decoration:none;color:var(--fg)}
.site-header .search-form{flex:1 1 10rem;min-width:0}
input[type=search]{width:100%;font:inherit;padding:.35rem .6rem;border:1px solid var(--muted);border-radius:6px;background:var(--bg);color:var(--fg)}
button,.button{font:inherit;padding:.35rem .8rem;border:1px solid var(--muted);border-radius:6px;background:var(--soft);color:var(--fg);cursor:pointer;text-decoration:none;display:inline-block;line-height:1.5}
button:hover,.button:hover{border-color:var(--accent)}
.theme-toggle{padding:.2rem .6rem}
main{display:block;max-width:52rem;margin:0 auto;padding:1rem 1rem 3rem}
main:focus{outline:none}
h1{font-size:1.6rem;line-height:1.4;margin:.5rem 0 1rem}
h2{font-size:1.25rem;line-height:1.4;margin:2rem 0 .75rem}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
.site-footer{max-width:52rem;margin:0 auto;padding:1rem;color:var(--muted);font-size:.875rem;border-top:1px solid var(--line)}
.breadcrumb ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;color:var(--muted);font-size:.9rem}
.breadcrumb li+li::before{content:"›";margin:0 .4rem}
.aliases,.meta{color:var(--muted)}
.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
.tags li{background:var(--soft);border:1px solid var(--line);border-radius:999px;padding:0 .6rem;font-size:.85rem}
.summary{background:var(--soft);border-left:4px solid var(--accent);padding:.25rem 1rem;border-radius:0 6px 6px 0}
.summary h2{margin-top:.75rem}
.content img{max-width:100%;height:auto}
.content blockquote{margin:1rem 0;padding:0 1rem;border-left:4px solid var(--line);color:var(--muted)}
.scroll{overflow-x:auto;max-width:100%;margin:1rem 0}
table{border-collapse:collapse;font-size:.95rem}
th,td{border:1px solid var(--line);padding:.35rem .6rem;vertical-align:top;min-width:4.5em}
th{background:var(--soft)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
:not(pre)>code{background:var(--soft);padding:.1em .3em;border-radius:4px}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;overflow-x:auto;line-height:1.5}
.math-display{overflow-x:auto;overflow-y:hidden;padding:.25rem 0}
.katex{font-size:1.1em}
.math-error{color:var(--hl-keyword)}
.hljs-keyword,.hljs-selector-tag,.hljs-literal,.hljs-type,.hljs-meta .hljs-keyword{color:var(--hl-keyword)}
.hljs-string,.hljs-regexp,.hljs-meta .hljs-string{color:var(--hl-string)}
.hljs-comment,.hljs-quote{color:var(--hl-comment);font-style:italic}
.hljs-number,.hljs-variable,.hljs-template-variable,.hljs-attr,.hljs-attribute,.hljs-symbol,.hljs-bullet,.hljs-meta{color:var(--hl-number)}
.hljs-title,.hljs-section,.hljs-name,.hljs-selector-id,.hljs-selector-class{color:var(--hl-title)}
.hljs-built_in,.hljs-params,.hljs-property{color:var(--hl-built)}
.hljs-addition,.hljs-tag{color:var(--hl-attr)}
.hljs-emphasis{font-style:italic}.hljs-strong{font-weight:700}
.toc{columns:14rem;padding-left:1.2rem}
.count{color:var(--muted);font-weight:400;font-size:.85em}
.note h2{border-bottom:1px solid var(--line);padding-bottom:.25rem}
.questions{padding-left:1.6rem}
.pager{display:flex;justify-content:space-between;gap:1rem;margin-top:2rem;flex-wrap:wrap}
.results{list-style:none;padding:0;margin:0}
.results li{border-bottom:1px solid var(--line)}
.results a{display:block;padding:.6rem .5rem;text-decoration:none;color:var(--fg)}
.results a:hover,.results a:focus{background:var(--soft)}
.results .q{color:var(--link);font-weight:600}
.results .where,.results .snippet{display:block;color:var(--muted);font-size:.9rem}
mark{background:var(--mark);color:var(--mark-fg);padding:0 .05em;border-radius:2px}
.card{border:1px solid var(--line);border-radius:8px;padding:1rem;margin:1rem 0}
.card h2{margin-top:0}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
.grades button{flex:1 1 6rem}
.grades small{display:block;color:var(--muted);font-size:.8rem}
.stats{border-collapse:collapse;width:100%}
.stats td:not(:first-child),.stats th:not(:first-child){text-align:right}
@media (max-width:40rem){body{font-size:15px}h1{font-size:1.35rem}main{padding:.75rem .75rem 2rem}}
@media print{.site-header,.site-footer,.pager,.skip-link{display:none}}
`;
