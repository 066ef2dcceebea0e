/** Which files a run lints: paths, directories, globs and `-`, minus ignore rules. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

export const STDIN = "-";
export const MANIFEST_GLOB = "**/*.{yaml,yml,json}";
/** Never walked into: dependency and VCS folders hold no manifests of the project. */
const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**"];

export class DiscoveryError extends Error {}

export interface DiscoverOptions {
  cwd: string;
  /** minimatch globs from --ignore-pattern and the config's `ignore`, relative to cwd. */
  ignorePatterns?: string[];
}

export interface DiscoveredFile {
  /** Absolute path, or "-" for stdin. */
  absolute: string;
  /** Relative to cwd with forward slashes; "<stdin>" for stdin. */
  display: string;
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absolute;
  return shown.split(sep).join("/");
}

// fast-glob, ignore and minimatch are loaded only when a run needs them: a pre-commit hook
// that names its files pays for none of them at start-up.
const loadGlob = async () => (await import("fast-glob")).default;

async function loadIgnoreFile(cwd: string) {
  const file = join(cwd, ".k8s-lintignore");
  if (!existsSync(file)) return undefined;
  const { default: ignore } = await import("ignore");
  return ignore().add(readFileSync(file, "utf8"));
}

/** Expands the inputs in order, without duplicates. Throws DiscoveryError for bad paths. */
export async function discover(inputs: string[], options: DiscoverOptions): Promise<DiscoveredFile[]> {
  const { cwd } = options;
  const patterns = options.ignorePatterns ?? [];
  const ignoreFile = await loadIgnoreFile(cwd);
  const minimatch = patterns.length ? (await import("minimatch")).minimatch : undefined;
  const isIgnored = (abs: string) => {
    const rel = displayPath(abs, cwd);
    if (minimatch && patterns.some((p) => minimatch(rel, p, { dot: true }) || minimatch(abs, p, { dot: true }))) return true;
    if (ignoreFile && !rel.startsWith("/") && !rel.startsWith("..") && ignoreFile.ignores(rel)) return true;
    return false;
  };
  const seen = new Set<string>();
  const out: DiscoveredFile[] = [];
  const add = (abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ absolute: abs, display: displayPath(abs, cwd) });
  };

  for (const input of inputs) {
    if (input === STDIN) {
      if (!seen.has(STDIN)) {
        seen.add(STDIN);
        out.push({ absolute: STDIN, display: "<stdin>" });
      }
      continue;
    }
    const abs = resolve(cwd, input);
    let stat;
    try {
      stat = statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && (await loadGlob()).isDynamicPattern(input)) {
        const matched = await walk(input, cwd);
        const kept = matched.filter((m) => !isIgnored(m));
        if (matched.length === 0) throw new DiscoveryError(`no files match the pattern "${input}"`);
        kept.forEach(add);
        continue;
      }
      if (code === "ENOENT") throw new DiscoveryError(`no such file or directory: ${input}`);
      if (code === "ELOOP") throw new DiscoveryError(`symbolic link loop: ${input}`);
      throw new DiscoveryError(`cannot read ${input}: ${code ?? (err as Error).message}`);
    }
    if (stat.isDirectory()) {
      const found = await walk(MANIFEST_GLOB, abs);
      found.filter((f) => !isIgnored(f)).forEach(add);
    } else {
      // A file named explicitly is linted whatever its extension, unless ignored.
      if (!isIgnored(abs)) add(abs);
    }
  }
  return out;
}

async function walk(pattern: string, cwd: string): Promise<string[]> {
  const fg = await loadGlob();
  try {
    const files = await fg(pattern, {
      cwd,
      absolute: true,
      dot: false,
      onlyFiles: true,
      followSymbolicLinks: true,
      ignore: ALWAYS_IGNORED,
      // A directory that cannot be read (or a symlink loop) is passed over instead of aborting the walk.
      suppressErrors: true,
    });
    return files.map((f) => resolve(f)).sort();
  } catch (err) {
    throw new DiscoveryError(`cannot walk ${cwd}: ${(err as Error).message}`);
  }
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
