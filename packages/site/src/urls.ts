/** The page of a record or retired id, relative to the site root: `cnn/conv-essence` is `q/cnn/conv-essence.html`. */
export function questionPath(id: string): string {
  return `q/${id}.html`;
}

/** From a page at `path` (relative to the site root) back to the root: `''`, `../`, `../../`… */
export function rootPrefix(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

/** The href from the page at `from` to the site file at `to` (both relative to the root). */
export function hrefFrom(from: string, to: string): string {
  return rootPrefix(from) + to;
}
