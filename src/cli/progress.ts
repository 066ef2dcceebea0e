/**
 * "files parsed / total" on stderr while a long run parses: only on a terminal, only for the
 * human format, and only once the run has taken more than a second (short runs stay silent).
 */
export interface ProgressOptions {
  /** Whether a progress line may be drawn at all (see `progressAllowed`). */
  enabled: boolean;
  write: (text: string) => void;
  now?: () => number;
  /** Nothing is drawn before this much time has passed since the start. */
  delayMs?: number;
  /** Redraw at most this often, except for the last file. */
  intervalMs?: number;
}

export interface Progress {
  onProgress(done: number, total: number): void;
  /** Erases the line, so the report starts on a clean line. */
  finish(): void;
}

const CLEAR_LINE = "\r\u001b[K";

export function progressAllowed(format: string, stderrIsTTY: boolean): boolean {
  return format === "stylish" && stderrIsTTY;
}

export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const delay = options.delayMs ?? 1000;
  const interval = options.intervalMs ?? 100;
  const started = now();
  let drawn = false;
  let lastDraw = -Infinity;
  return {
    onProgress(done, total) {
      if (!options.enabled) return;
      const t = now();
      if (t - started <= delay) return;
      if (done < total && t - lastDraw < interval) return;
      options.write(`${CLEAR_LINE}${done} / ${total} files parsed`);
      drawn = true;
      lastDraw = t;
    },
    finish() {
      if (drawn) options.write(CLEAR_LINE);
      drawn = false;
    },
  };
}
