/**
 * Progress on stderr while long work runs: one line, rewritten in place, only on a terminal and only once the work
 * has taken about a second; nothing at all when stderr is not a terminal (logs, pipes, CI) or with --quiet.
 */
export class Progress {
  private readonly started: number;
  private shown = false;
  private lastDraw = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** Reports `done` of `total` units of `what` ("notes parsed", "anki: cards rendered"). */
  update(what: string, done: number, total: number): void {
    if (!this.enabled) return;
    const now = this.now();
    const elapsed = now - this.started;
    // Drawing every note would cost more than it tells: at most ten times a second, and the last one always.
    if (elapsed < 1000 || (now - this.lastDraw < 100 && done < total)) return;
    this.lastDraw = now;
    this.shown = true;
    this.write(`\r\u001b[2K${what} ${done}/${total} (${(elapsed / 1000).toFixed(1)} s)`);
  }

  /** Clears the line, so the next message starts on a clean one. */
  done(): void {
    if (this.shown) this.write('\r\u001b[2K');
    this.shown = false;
  }
}
