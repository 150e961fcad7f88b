/** Where a command writes and where it runs; injected so tests can run the CLI in-process. */
export interface Io {
  /** The directory relative paths start from: where the user ran the command. */
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal, where progress lines make sense. */
  stderrIsTTY?: boolean;
}
