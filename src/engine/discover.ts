/** Which files a run lints: paths, directories, globs and `-`, minus ignore rules. */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { DiscoveryError } from "../errors.js";

/** Thrown here; defined with the other exit-2 failures. */
export { DiscoveryError };

export const STDIN = "-";
export const MANIFEST_GLOB = "**/*.{yaml,yml,json}";
/** Never walked into: dependency and VCS folders hold no manifests of the project. */
const ALWAYS_IGNORED = new Set(["node_modules", ".git"]);

export interface DiscoverOptions {
  cwd: string;
  /** minimatch globs from --ignore-pattern and the config's `ignore`, relative to cwd. */
  ignorePatterns?: string[];
  /** The name `-` is shown under and matched against ignore patterns, relative to cwd (`--stdin-filename`). */
  stdinFilename?: string;
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

// ignore and minimatch are loaded only when a run needs them: a pre-commit hook that names
// its files pays for neither at start-up.
const loadMinimatch = async () => (await import("minimatch")).Minimatch;

async function loadIgnoreFile(cwd: string) {
  const file = join(cwd, ".k8s-lintignore");
  if (!existsSync(file)) return undefined;
  const { default: ignore } = await import("ignore");
  return ignore().add(readFileSync(file, "utf8"));
}

/** A path with glob magic in it (a path that exists is taken literally before this is asked). */
function isGlob(p: string): boolean {
  return /[*?[\]{}]|[!@+]\(/.test(p) || p.startsWith("!");
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
  // One file reached by two routes (named twice, or through a link) is linted once.
  const add = (abs: string) => {
    let key = abs;
    try {
      key = realpathSync.native(abs);
    } catch {
      // linted under the name given; reading it reports the problem
    }
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ absolute: abs, display: displayPath(abs, cwd) });
  };

  for (const input of inputs) {
    if (input === STDIN) {
      if (!seen.has(STDIN)) {
        seen.add(STDIN);
        const named = options.stdinFilename === undefined ? undefined : resolve(cwd, options.stdinFilename);
        if (!named || !isIgnored(named)) out.push({ absolute: STDIN, display: named ? displayPath(named, cwd) : "<stdin>" });
      }
      continue;
    }
    const abs = resolve(cwd, input);
    let stat;
    try {
      stat = statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && isGlob(input)) {
        const matched = await walkGlob(input, cwd);
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
      const found = await walk(abs, MANIFEST_GLOB);
      // Like a pattern that matches nothing: a typo in a CI path must not pass as "no problems".
      if (found.length === 0) throw new DiscoveryError(`no manifests (*.yaml, *.yml, *.json) in the directory ${input}`);
      found.filter((f) => !isIgnored(f)).forEach(add);
    } else {
      // A file named explicitly is linted whatever its extension, unless ignored.
      if (!isIgnored(abs)) add(abs);
    }
  }
  const stdin = out.find((f) => f.absolute === STDIN);
  if (stdin && options.stdinFilename !== undefined && out.some((f) => f !== stdin && f.display === stdin.display)) {
    throw new DiscoveryError(`--stdin-filename "${options.stdinFilename}" names a file that is linted too`);
  }
  return out;
}

/** A glob relative to cwd (or absolute): walks from its static prefix. */
async function walkGlob(pattern: string, cwd: string): Promise<string[]> {
  const segments = pattern.split(/[\\/]+/);
  const firstMagic = segments.findIndex(isGlob);
  const base = firstMagic <= 0 ? (firstMagic === 0 && pattern.startsWith("/") ? "/" : cwd) : resolve(cwd, segments.slice(0, firstMagic).join("/") || "/");
  const rest = firstMagic < 0 ? pattern : segments.slice(Math.max(firstMagic, 0)).filter((s, i) => i > 0 || s !== "").join("/");
  return walk(base, rest);
}

/**
 * The files under `root` whose path relative to it matches `pattern` (minimatch, no dot
 * files unless the pattern names them). Symbolic links are followed, but each real directory
 * is entered once: a link back to a parent (a loop) ends there instead of repeating the tree,
 * and a file reached by two routes is listed once. Unreadable directories are passed over.
 */
async function walk(root: string, pattern: string): Promise<string[]> {
  const Minimatch = await loadMinimatch();
  const mm = new Minimatch(pattern, { dot: false });
  const visitedDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const out: string[] = [];
  const stack: Array<[abs: string, rel: string]> = [[root, ""]];
  // Directories reached through a link wait until the real tree has been walked, so that a
  // file is shown under its real path rather than under a link to it.
  const viaLinks: Array<[abs: string, rel: string]> = [];
  while (stack.length || viaLinks.length) {
    const [dir, rel] = stack.length ? stack.pop()! : viaLinks.shift()!;
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      if (visitedDirs.has(real)) continue;
      visitedDirs.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const subdirs: Array<[string, string]> = [];
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link or a link loop
        }
      }
      if (isDir) {
        if (ALWAYS_IGNORED.has(entry.name)) continue;
        if (!mm.match(relPath, true)) continue;
        if (entry.isSymbolicLink()) viaLinks.push([abs, relPath]);
        else subdirs.push([abs, relPath]);
      } else if (isFile && mm.match(relPath)) {
        let key = abs;
        if (entry.isSymbolicLink()) {
          try {
            key = realpathSync(abs);
          } catch {
            continue;
          }
        }
        if (seenFiles.has(key)) continue;
        seenFiles.add(key);
        out.push(abs);
      }
    }
    // Depth-first, in name order.
    subdirs.sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
    stack.push(...subdirs);
  }
  return out.sort();
}
