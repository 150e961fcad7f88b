import { isAbsolute, posix, relative } from 'node:path';

/** Whether `path` is `root` itself or lies under it (both absolute, already resolved). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${'/'}`) && !rel.startsWith('..\\') && !isAbsolute(rel));
}

/** Whether a reference starts with a URL scheme (`https:`, `file:`, `data:`, `javascript:`…) or a Windows drive letter. */
export function hasUrlScheme(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src);
}

/**
 * The content-relative path an image or file reference in the note at `notePath` points to, or null when it is a
 * URL, absolute, or leaves the content folder. Checked on the text alone; callers check symlinks again on disk.
 */
export function resolveInContent(notePath: string, src: string): string | null {
  if (hasUrlScheme(src) || src.startsWith('/') || src.startsWith('\\')) return null;
  const target = decodePath(src.replace(/[?#].*$/s, '')).replaceAll('\\', '/');
  const path = posix.normalize(posix.join(posix.dirname(notePath), target));
  if (path === '..' || path.startsWith('../') || posix.isAbsolute(path) || path === '.') return null;
  return path;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
