/** What a command may touch of the process: streams, cwd, environment. Tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  /** Resolves when stdout can take more (a large report on a slow pipe); absent where writes are synchronous. */
  stdoutDrained?: () => Promise<void>;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour, progress). */
  isTTY: boolean;
  /** Whether stderr is a terminal (the progress line). */
  stderrIsTTY?: boolean;
  /** Columns of the stdout terminal, when it is one. */
  columns?: number;
}

/** A usage, config or I/O failure: printed as one line, exit 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

/** Where human output wraps: the terminal's width; undefined (the renderers' 80) for a pipe, a file or a CI log. */
export function outputWidth(io: CliIO, toFile: boolean): number | undefined {
  return io.isTTY && !toFile && io.columns ? io.columns : undefined;
}

/** Colour on a terminal unless NO_COLOR or --no-color; FORCE_COLOR forces it on. */
export function useColor(io: CliIO, noColorFlag: boolean, toFile: boolean): boolean {
  if (noColorFlag) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return io.isTTY && !toFile;
}
