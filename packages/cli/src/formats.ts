/** The export formats, in the order `all` writes them. */
export const FORMATS = ['anki', 'jsonl', 'csv', 'rag'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}
