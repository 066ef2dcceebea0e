/** Which files a run lints: paths, directories, globs and `-`, minus ignore rules. */
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Dirent } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { DiscoveryError } from "../errors.js";
import { describeFailure, INPUT_LIMITS, readFileBounded } from "./bounded-read.js";

/** Thrown here; defined with the other exit-2 failures. */
export { DiscoveryError };

export const STDIN = "-";
/**
 * The files a directory search lints: YAML and JSON by extension, and `Kustomization`, the one
 * name without an extension that kustomize reads as a kustomization (api/konfig/general.go
 * RecognizedKustomizationFileNames).
 */
export const MANIFEST_GLOB = "**/{*.{yaml,yml,json},Kustomization}";
/** Never walked into: dependency and VCS folders hold no manifests of the project. */
const ALWAYS_IGNORED = new Set(["node_modules", ".git"]);

/**
 * A Go module's vendor directory (`go mod vendor` writes vendor/modules.txt): copies of the
 * dependencies' sources, whose test data and old CRDs are not the project's manifests. Walked
 * past like node_modules; a `vendor` folder without it is searched (Carvel's vendir syncs
 * manifests that are deployed into `vendor/`).
 */
function isGoVendorDir(name: string, path: string): boolean {
  return name === "vendor" && existsSync(join(path, "modules.txt"));
}
/**
 * Folder names that hold a test suite's inputs when the suite's code sits beside them: traefik's
 * pkg/provider/kubernetes/gateway/fixtures beside httproute_test.go, Gatekeeper's
 * test/gator/test/fixtures beside test.bats, nginx's kubernetes-ingress tests/data beside pytest's
 * conftest.py.
 */
const TEST_INPUT_FOLDERS = new Set(["fixtures", "fixture", "test-fixtures", "testfixtures", "test_fixtures", "test-data", "test_data"]);
/**
 * Suites name their inputs' folder `data` too (OLM's test/e2e/data, nginx's pytest tests/data);
 * beside Go code elsewhere a `data` folder is as often what the package embeds and deploys
 * (kubevirt's virt-operator components/data), so only a test suite's folder above it or pytest's
 * files beside it make it test data.
 */
const PYTEST_CODE = /^(?:test_.*\.py|.*_test\.py|conftest\.py)$/;
/**
 * The files of a test suite, by the names its runner collects: Go (`*_test.go`, `go help test`),
 * pytest (`test_*.py`, `*_test.py`, `conftest.py`), Bats (`*.bats`), Jest, Mocha and Vitest
 * (`*.test.ts`, `*.spec.js`, ...), RSpec (`*_spec.rb`).
 */
const TEST_CODE = /^(?:.*_test\.go|test_.*\.py|.*_test\.py|conftest\.py|.*\.bats|.*\.(?:test|spec)\.[cm]?[jt]sx?|.*_spec\.rb)$/;

/**
 * Folder names that hold what a test expects (golden files: objects as a test reads them back
 * from the cluster, fields the server sets stripped), when a folder above is a test suite's
 * (TEST_SUITE_FOLDER): Percona's operators compare live objects with e2e-tests/<test>/compare/.
 */
const EXPECTED_OUTPUT_FOLDERS = new Set(["compare", "expected", "golden", "goldens"]);
/** Folder names of a test suite's made-up inputs, test data inside a test suite's folder like EXPECTED_OUTPUT_FOLDERS (Calico's confd/tests/mock_data). */
const MOCK_FOLDERS = new Set(["mock_data", "mockdata", "mocks", "mock"]);
/**
 * Folder names of inputs a test suite expects to be refused, test data inside a test suite's
 * folder like EXPECTED_OUTPUT_FOLDERS (Argo Rollouts' test/e2e/expectedfailures: a malformed
 * Rollout, a list item among keys).
 */
const INVALID_INPUT_FOLDERS = new Set(["invalid", "bad", "broken", "negative", "expectedfailures", "expected-failures", "expected_failures"]);
/**
 * Go packages of test doubles, named as client-go's kubernetes/fake is: the `data` folder of such a
 * package holds the objects it decodes for the tests that use it (linkerd's
 * controller/proxy-injector/fake/data, read by fake/factory.go for webhook_test.go).
 */
const FAKE_PACKAGES = new Set(["fake", "fakes"]);
const GO_CODE = /\.go$/;
/** A test suite's folder: test, tests, e2e, e2e-tests, integration-tests, ...; `testing` or `latest` is not. */
const TEST_SUITE_FOLDER = /^(?:(?:e2e|integration|acceptance|unit)[-_]?)?tests?$|^e2e$|^integration$/i;

/** Whether a folder up to three levels above `path` is a test suite's (e2e-tests/<test>/compare), not wherever the repository is kept. */
function inTestSuite(path: string): boolean {
  return path.split(sep).slice(-4, -1).some((folder) => TEST_SUITE_FOLDER.test(folder));
}

/** Whether a folder is a Go package of test doubles (FAKE_PACKAGES, with Go code in it). */
function inFakePackage(dir: string): boolean {
  return FAKE_PACKAGES.has(dir.slice(dir.lastIndexOf(sep) + 1)) && holdsTestCode(dir, GO_CODE);
}

/** Whether a folder holds test code (`code`: TEST_CODE or PYTEST_CODE) directly; an unreadable folder holds none. */
function holdsTestCode(dir: string, code: RegExp): boolean {
  try {
    return readdirSync(dir).some((name) => code.test(name));
  } catch {
    return false;
  }
}

/**
 * Not searched by a directory walk, like dot-directories (name one to lint it): the folders that
 * hold the inputs and expected outputs of a project's tests, which are manifests meant to be
 * broken, variants of one object, templates and generated samples. Go's `testdata` (`go help
 * packages`: the go tool ignores directories named testdata) and `_testdata` (it ignores names
 * starting with "_" too; Kyverno's CLI keeps its shared test inputs there), Maven's and Gradle's
 * `src/test/resources` (the standard directory layout's "test resources"), the snapshot folders of
 * snapshot tests (`__snapshot__` of helm-unittest, `__snapshots__` of Jest), a folder named
 * for test inputs (TEST_INPUT_FOLDERS: `fixtures`, `test-data`, ...) beside test code (TEST_CODE),
 * whose tests read it, or directly in a test suite's folder (`tests/fixtures`), a `data` folder
 * in a test suite, beside a pytest suite or in a Go package of test doubles (`fake/data`), and a folder of expected outputs (EXPECTED_OUTPUT_FOLDERS: `golden`,
 * `expected`, `compare`), mock inputs (MOCK_FOLDERS: `mock_data`, `mocks`) or inputs meant to be
 * refused (INVALID_INPUT_FOLDERS: `invalid`, `expectedfailures`) inside a test suite's folder. `path` is the directory's absolute path.
 */
export function isTestDataDir(path: string): boolean {
  const name = path.slice(path.lastIndexOf(sep) + 1);
  if (name === "testdata" || name === "_testdata" || name === "__snapshot__" || name === "__snapshots__") return true;
  if (name === "resources" && path.endsWith(`${sep}src${sep}test${sep}resources`)) return true;
  if (EXPECTED_OUTPUT_FOLDERS.has(name) || MOCK_FOLDERS.has(name) || INVALID_INPUT_FOLDERS.has(name)) return inTestSuite(path);
  if (name === "data") return inTestSuite(path) || holdsTestCode(dirname(path), PYTEST_CODE) || inFakePackage(dirname(path));
  // consul-k8s keeps its acceptance tests' inputs in acceptance/tests/fixtures, the tests' code in folders beside it.
  if (!TEST_INPUT_FOLDERS.has(name)) return false;
  const parent = dirname(path);
  return TEST_SUITE_FOLDER.test(parent.slice(parent.lastIndexOf(sep) + 1)) || holdsTestCode(parent, TEST_CODE);
}

export interface DiscoverOptions {
  cwd: string;
  /** minimatch globs from --ignore-pattern, relative to cwd. */
  ignorePatterns?: string[];
  /** The config's `ignore` globs, relative to `base`: the config file's directory. */
  configIgnore?: { base: string; patterns: string[] };
  /** Follow symbolic links whose target is outside every root named in the inputs (`--follow-symlinks`). */
  followSymlinks?: boolean;
  /** The name `-` is shown under and matched against ignore patterns, relative to cwd (`--stdin-filename`). */
  stdinFilename?: string;
  /** A path, pattern or directory that matches no manifest is passed over instead of thrown (`--no-error-on-unmatched-pattern`). */
  allowUnmatched?: boolean;
  /** Receives how many symbolic links the walks passed over (to a manifest or a folder, out of the linted directories and their repository), when any. */
  onLinksNotFollowed?: (count: number) => void;
}

export interface DiscoveredFile {
  /** Absolute path, or "-" for stdin. */
  absolute: string;
  /** As reports name it (displayPath); "<stdin>" for stdin. */
  display: string;
  /** The real path, when the file was reached through a symbolic link (absolute names the link): what kustomizations name it by (entry-paths.ts). */
  real?: string;
  /**
   * Why a manifest a directory walk found cannot be read (a dangling symbolic link, a link loop,
   * a FIFO or device named like a manifest): reported as a finding on it instead of being read.
   */
  unreadable?: string;
}

/**
 * How reports name a file: relative to `cwd` with forward slashes, absolute when it is outside
 * `cwd` (a `../../x` path means something only from one folder). A name that merely starts with
 * two dots (`..env.yaml`) is inside.
 */
export function displayPath(absolute: string, cwd: string): string {
  // A normalised path below the working directory (what the walks list): its tail, without path.relative's resolving of both.
  const below = belowDirectory(absolute, cwd);
  if (below !== undefined) return sep === "/" ? below : below.split(sep).join("/");
  const rel = relative(cwd, absolute);
  const outside = rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  const shown = rel && !outside ? rel : absolute;
  return shown.split(sep).join("/");
}

/** The part of `absolute` below `dir` when both are plain absolute paths and it is inside (no "." or ".." segment, no empty one); else undefined. */
function belowDirectory(absolute: string, dir: string): string | undefined {
  if (!isAbsolute(dir) || !isAbsolute(absolute)) return undefined;
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  if (absolute.length <= prefix.length || !absolute.startsWith(prefix)) return undefined;
  const tail = absolute.slice(prefix.length);
  if (tail.endsWith(sep) || tail.includes(sep + sep)) return undefined;
  // A dot-folder (`.github`, `.corpus`) is plain, "." and ".." are not.
  if (DOT_SEGMENT.test(tail)) return undefined;
  return tail;
}

/** A "." or ".." segment of a path of this platform. */
const DOT_SEGMENT = sep === "/" ? /(?:^|\/)\.\.?(?:\/|$)/ : /(?:^|\\)\.\.?(?:\\|$)/;

// ignore and minimatch are loaded only when a run needs them: a pre-commit hook that names
// its files pays for neither at start-up.
const loadMinimatch = async () => (await import("minimatch")).Minimatch;

export const IGNORE_FILE = ".k8s-lintignore";

async function loadIgnoreFile(cwd: string) {
  const read = readFileBounded(join(cwd, IGNORE_FILE), INPUT_LIMITS.settings);
  if ("missing" in read) return undefined;
  if (!("bytes" in read)) throw new DiscoveryError(describeFailure(IGNORE_FILE, read));
  const { default: ignore } = await import("ignore");
  return ignore().add(read.bytes.toString("utf8"));
}

/** Matches relative paths (`/`-separated) as a Minimatch of a pattern does; `partial`: a directory that may hold matches. */
interface PathMatcher {
  match(path: string, partial?: boolean): boolean;
}

const MANIFEST_NAME = /(?:\.(?:yaml|yml|json)|(?:^|\/)Kustomization)$/;

/**
 * MANIFEST_GLOB as minimatch matches it, without a glob per file (a directory walk asks once per
 * entry): a file ending in .yaml, .yml or .json, or named Kustomization, and, unless `dot`, no segment (folder or file)
 * starting with a dot. Every folder may hold a match.
 */
export function manifestMatcher(dot: boolean): PathMatcher {
  return {
    match(path, partial = false) {
      if (!dot && (path.startsWith(".") || path.includes("/."))) return false;
      return partial || MANIFEST_NAME.test(path);
    },
  };
}

/** A path with glob magic in it (a path that exists is taken literally before this is asked). */
function isGlob(p: string): boolean {
  return /[*?[\]{}]|[!@+]\(/.test(p);
}

/** `!pattern` in the inputs: an exclusion relative to cwd, as in ESLint (`!(...)` is an extglob). */
const isNegated = (input: string) => input.startsWith("!") && input.length > 1 && !input.startsWith("!(");

/** Where a glob's walk starts (its static prefix) and the rest of the pattern below it. */
function splitGlob(pattern: string, cwd: string): { base: string; rest: string } {
  const segments = pattern.split(/[\\/]+/);
  const firstMagic = segments.findIndex(isGlob);
  const base = firstMagic <= 0 ? (firstMagic === 0 && pattern.startsWith("/") ? "/" : cwd) : resolve(cwd, segments.slice(0, firstMagic).join("/") || "/");
  const rest = firstMagic < 0 ? pattern : segments.slice(Math.max(firstMagic, 0)).filter((s, i) => i > 0 || s !== "").join("/");
  return { base, rest };
}

/**
 * Matches paths against globs relative to `base`: a glob matches a file, or a directory and
 * then everything under it (as in .gitignore and ESLint's ignores).
 */
async function globMatcher(base: string, patterns: readonly string[]): Promise<((abs: string) => boolean) | undefined> {
  if (!patterns.length) return undefined;
  const { Minimatch } = await import("minimatch");
  const compiled = patterns.flatMap((p) => [p, `${p.replace(/\/+$/, "")}/**`]).map((p) => new Minimatch(p, { dot: true }));
  return (abs) => {
    const rel = displayPath(abs, base);
    return compiled.some((m) => m.match(rel) || m.match(abs));
  };
}

/** The real path of every directory the inputs name (a glob: its static prefix): links may lead anywhere inside them. */
function realRoots(inputs: readonly string[], cwd: string): string[] {
  const roots: string[] = [];
  for (const input of inputs) {
    if (input === STDIN) continue;
    try {
      const abs = resolve(cwd, input);
      if (statSync(abs).isDirectory()) roots.push(realpathSync(abs));
    } catch {
      if (isGlob(input)) {
        try {
          roots.push(realpathSync(splitGlob(input, cwd).base));
        } catch {
          // a glob under a missing directory matches nothing; that is reported below
        }
      }
    }
  }
  // A link into another folder of the same repository (a sample's Secret linked from a shared folder) reads what the checkout holds anyway.
  for (const root of [...roots]) {
    const repository = workingTreeOf(root);
    if (repository !== undefined && !roots.includes(repository)) roots.push(repository);
  }
  return roots;
}

/**
 * The working tree of the git repository that holds `dir` (a real path): the nearest folder at
 * or above it with a `.git` entry (a folder, or a file in a worktree or submodule); undefined
 * outside any repository.
 */
export function workingTreeOf(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, ".git"))) return at;
    if (dirname(at) === at) return undefined;
  }
}

function isInside(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
}

/**
 * How walk treats symbolic links: `roots` are real paths; `skipped` counts the links not
 * followed; `unreadable` holds why each manifest walk found and could not read is unreadable.
 */
interface LinkPolicy {
  roots: readonly string[];
  follow: boolean;
  skipped: number;
  unreadable: Map<string, string>;
  /**
   * The real path (realpathSync.native's) of each regular file a walk lists that is not reached
   * through a link: its directory's, joined with its name as the directory lists it. One call per
   * directory instead of one per file (90 ms of a run over 10,000 files).
   */
  realFiles: Map<string, string>;
}

/**
 * Expands the inputs in order, without duplicates; `!pattern` inputs exclude (and alone, apply
 * to "."). Throws DiscoveryError for bad paths.
 */
export async function discover(inputs: string[], options: DiscoverOptions): Promise<DiscoveredFile[]> {
  const { cwd } = options;
  const exclusions = inputs.filter(isNegated).map((p) => p.slice(1));
  const positive = inputs.filter((p) => !isNegated(p));
  if (!positive.length) positive.push(".");
  const ignoreFile = await loadIgnoreFile(cwd);
  const matchers = [
    await globMatcher(cwd, [...(options.ignorePatterns ?? []), ...exclusions]),
    await globMatcher(options.configIgnore?.base ?? cwd, options.configIgnore?.patterns ?? []),
  ].filter((m) => m !== undefined);
  const isIgnored = (abs: string) => {
    if (matchers.some((matches) => matches(abs))) return true;
    if (ignoreFile === undefined) return false;
    const rel = displayPath(abs, cwd);
    return !rel.startsWith("/") && !rel.startsWith("..") && ignoreFile.ignores(rel);
  };
  const links: LinkPolicy = { roots: realRoots(positive, cwd), follow: options.followSymlinks ?? false, skipped: 0, unreadable: new Map(), realFiles: new Map() };
  const unmatched = (message: string) => {
    if (!options.allowUnmatched) throw new DiscoveryError(message);
  };
  const seen = new Set<string>();
  const out: DiscoveredFile[] = [];
  // One file reached by two routes (named twice, or through a link) is linted once.
  const add = (abs: string) => {
    let key = links.realFiles.get(abs);
    if (key === undefined) {
      key = abs;
      try {
        key = realpathSync.native(abs);
      } catch {
        // linted under the name given; reading it reports the problem
      }
    }
    if (seen.has(key)) return;
    seen.add(key);
    const unreadable = links.unreadable.get(abs);
    const file: DiscoveredFile = unreadable === undefined ? { absolute: abs, display: displayPath(abs, cwd) } : { absolute: abs, display: displayPath(abs, cwd), unreadable };
    if (key !== abs) file.real = key;
    out.push(file);
  };

  for (const input of positive) {
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
        const { base, rest } = splitGlob(input, cwd);
        const skippedBefore = links.skipped;
        const matched = await walk(base, rest, links);
        if (matched.length === 0) unmatched(`no files match the pattern "${input}"${notFollowed(links.skipped - skippedBefore)}`);
        matched.filter((m) => !isIgnored(m)).forEach(add);
        continue;
      }
      if (code === "ENOENT") {
        unmatched(`no such file or directory: ${input}`);
        continue;
      }
      if (code === "ELOOP") throw new DiscoveryError(`symbolic link loop: ${input}`);
      throw new DiscoveryError(`cannot read ${input}: ${code ?? (err as Error).message}`);
    }
    if (stat.isDirectory()) {
      const skippedBefore = links.skipped;
      const found = await walk(abs, MANIFEST_GLOB, links);
      // Like a pattern that matches nothing: a typo in a CI path must not pass as "no problems".
      if (found.length === 0) unmatched(`no manifests (*.yaml, *.yml, *.json, Kustomization) in the directory ${input}${notFollowed(links.skipped - skippedBefore)}${await inUnsearchedDirectories(abs, input, links)}`);
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
  if (links.skipped) options.onLinksNotFollowed?.(links.skipped);
  return out;
}

/**
 * Why a directory search found nothing, when the *.yaml, *.yml and *.json files below it are all in
 * dot-directories (`.chainsaw-test`, `.github`) or test data directories (isTestDataDir), which it does not enter:
 * how many, and the first such directory. Dot files themselves (`.pre-commit-config.yaml`) are
 * tool configuration, not counted. Walked only for that error, with the same link policy.
 */
async function inUnsearchedDirectories(abs: string, input: string, links: LinkPolicy): Promise<string> {
  // The index of the first folder of `parts` (a file's path below abs) that a walk passes over, and why.
  const unsearched = (parts: readonly string[], from = 0): { at: number; dot: boolean } | undefined => {
    for (let i = from; i < parts.length - 1; i++) {
      if (parts[i].startsWith(".")) return { at: i, dot: true };
      if (isTestDataDir(join(abs, ...parts.slice(0, i + 1)))) return { at: i, dot: false };
    }
    return undefined;
  };
  const inside = (await walk(abs, MANIFEST_GLOB, { ...links, skipped: 0, unreadable: new Map() }, true))
    .map((f) => relative(abs, f).split(sep))
    .filter((parts) => unsearched(parts));
  if (!inside.length) return "";
  const parts = inside[0];
  const first = unsearched(parts)!.at;
  const shown = [input.replace(/\/+$/, ""), ...parts.slice(0, first + 1)].join("/");
  const dots = inside.filter((f) => unsearched(f)!.dot).length;
  const kinds = dots === inside.length ? "dot-directories" : dots === 0 ? "test data directories" : "dot-directories and test data directories";
  return ` (${inside.length} ${inside.length === 1 ? "file is" : "files are"} in ${kinds}, which are not searched, such as ${shown}: name one to lint it)`;
}

/** The end of a "found nothing" message when links out of the roots were passed over. */
function notFollowed(skipped: number): string {
  return skipped ? ` (${skipped} symbolic ${skipped === 1 ? "link leads" : "links lead"} out of the linted directories; --follow-symlinks follows them)` : "";
}

/** What a directory entry that is neither a file, a directory nor a link is. */
function specialFileType(entry: Pick<Dirent, "isFIFO" | "isSocket" | "isCharacterDevice" | "isBlockDevice">): string | undefined {
  if (entry.isFIFO()) return "FIFO";
  if (entry.isSocket()) return "socket";
  if (entry.isCharacterDevice()) return "character device";
  if (entry.isBlockDevice()) return "block device";
  return undefined;
}

/** Why a symbolic link cannot be read: it loops, or what it points at does not exist. */
function brokenLink(abs: string, err: unknown): string {
  if ((err as NodeJS.ErrnoException).code === "ELOOP") return "symbolic link loop";
  let to = "";
  try {
    to = ` ${JSON.stringify(readlinkSync(abs))}`;
  } catch {
    // the link itself is gone: say only that it dangles
  }
  return `symbolic link to a missing file${to}`;
}

/**
 * The files under `root` whose path relative to it matches `pattern` (minimatch, no dot
 * files unless the pattern names them or `dot` is set). Symbolic links are followed when their target is
 * inside one of `links.roots` (or `links.follow` is set), and each real directory is entered
 * once: a link back to a parent (a loop) ends there instead of repeating the tree, and a file
 * reached by two routes is listed once. Unreadable directories are passed over; a dangling link,
 * a link loop or a FIFO or device whose name matches is listed, with the reason in
 * `links.unreadable`, so that the run reports it.
 */
async function walk(root: string, pattern: string, links: LinkPolicy, dot = false): Promise<string[]> {
  const mm = pattern === MANIFEST_GLOB ? manifestMatcher(dot) : new (await loadMinimatch())(pattern, { dot });
  const visitedDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const out: string[] = [];
  // Normalised once (an API caller's cwd may read "/a/b/../c/"): each path below is built from it by concatenation.
  const stack: Array<[abs: string, rel: string]> = [[resolve(root), ""]];
  // Directories reached through a link wait until the real tree has been walked, so that a
  // file is shown under its real path rather than under a link to it.
  const viaLinks: Array<[abs: string, rel: string]> = [];
  while (stack.length || viaLinks.length) {
    const [dir, rel] = stack.length ? stack.pop()! : viaLinks.shift()!;
    let real: string;
    let entries: Dirent[];
    let nativeReal: string;
    try {
      real = realpathSync(dir);
      if (visitedDirs.has(real)) continue;
      visitedDirs.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
      nativeReal = realpathSync.native(dir);
    } catch {
      continue;
    }
    const subdirs: Array<[string, string]> = [];
    // `dir` and `nativeReal` are normalised absolute paths and a name holds no separator: joined by
    // concatenation, without path.join's normalising of the whole path (twice per file of the tree).
    const dirPrefix = dir.endsWith(sep) ? dir : dir + sep;
    const realPrefix = nativeReal.endsWith(sep) ? nativeReal : nativeReal + sep;
    for (const entry of entries) {
      const abs = dirPrefix + entry.name;
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let target = abs;
      let special = specialFileType(entry);
      if (entry.isSymbolicLink()) {
        try {
          target = realpathSync(abs);
          const st = statSync(target);
          isDir = st.isDirectory();
          isFile = st.isFile();
          special = specialFileType(st);
        } catch (err) {
          // A dangling link or a link loop: named like a manifest, it is reported, not passed over.
          if (mm.match(relPath)) {
            links.unreadable.set(abs, brokenLink(abs, err));
            out.push(abs);
          }
          continue;
        }
        if (!links.follow && (isDir || isFile) && !isInside(target, links.roots)) {
          // Counted when it could lead to a manifest: a folder the walk would enter, a file named like one.
          if (isDir ? !ALWAYS_IGNORED.has(entry.name) && mm.match(relPath, true) : mm.match(relPath)) links.skipped++;
          continue;
        }
      }
      if (special && mm.match(relPath)) {
        // Never opened: reading a FIFO waits for a writer, a device never ends.
        links.unreadable.set(abs, `not a regular file (a ${special})`);
        out.push(abs);
        continue;
      }
      if (isDir) {
        if (ALWAYS_IGNORED.has(entry.name) || isGoVendorDir(entry.name, abs)) continue;
        // A directory search (not a glob the user wrote) passes over test data, unless it looks for what it passed over.
        if (!dot && pattern === MANIFEST_GLOB && isTestDataDir(abs)) continue;
        if (!mm.match(relPath, true)) continue;
        if (entry.isSymbolicLink()) viaLinks.push([abs, relPath]);
        else subdirs.push([abs, relPath]);
      } else if (isFile && mm.match(relPath)) {
        if (seenFiles.has(target)) continue;
        seenFiles.add(target);
        if (!entry.isSymbolicLink()) links.realFiles.set(abs, realPrefix + entry.name);
        out.push(abs);
      }
    }
    // Depth-first, in name order.
    subdirs.sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
    stack.push(...subdirs);
  }
  return out.sort();
}
