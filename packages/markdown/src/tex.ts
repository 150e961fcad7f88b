import katex from 'katex';

/**
 * TeX as KaTeX HTML (with MathML for screen readers), or why KaTeX cannot render it. The site typesets with it and
 * the parser checks every formula with the same KaTeX (see texError), so a formula that passes `mianjing check` renders.
 */
export function renderTex(tex: string, display: boolean): { html: string } | { error: string } {
  try {
    // `trust: false` keeps \href, \url and \includegraphics from producing links or requests.
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'ignore', trust: false, output: 'htmlAndMathml' }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

// Formulas repeat across a collection ($x$, $W$, a loss written in many answers): each is checked once per process.
const checked = new Map<string, string | undefined>();

/**
 * Why KaTeX cannot render `tex`, or undefined when it can. KaTeX rejects the same TeX whatever it outputs, so this
 * builds only MathML, a fraction of the work of the page's HTML.
 */
export function texError(tex: string, display: boolean): string | undefined {
  const key = `${display ? 'D' : 'I'}${tex}`;
  if (checked.has(key)) return checked.get(key);
  let error: string | undefined;
  try {
    katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'ignore', trust: false, output: 'mathml' });
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  checked.set(key, error);
  return error;
}
