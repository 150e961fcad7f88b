/** A mistake in how the command was called: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A path the command cannot use (missing, not a folder, not writable, a pseudo file system): one line naming the path
 * and what to do, exit code 2. Raised before any work starts, so nothing is half done.
 */
export class PathError extends Error {
  override name = 'PathError';
}

/** Exit codes, as the help lists them. */
export const EXIT = { ok: 0, content: 1, usage: 2, internal: 70 } as const;
