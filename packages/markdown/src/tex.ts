import katex from 'katex';

/**
 * TeX as KaTeX HTML (with MathML for screen readers), or why KaTeX cannot render it. The site typesets with it and
 * the parser checks every formula of a note with it, so a formula that passes `mianjing check` renders.
 */
export function renderTex(tex: string, display: boolean): { html: string } | { error: string } {
  try {
    // `trust: false` keeps \href, \url and \includegraphics from producing links or requests.
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'ignore', trust: false, output: 'htmlAndMathml' }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
