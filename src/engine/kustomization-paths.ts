/**
 * The local paths of a kustomization that do not exist on disk: `kustomize build` fails at each
 * of them. The disk is read, not the input: a base outside the linted paths, or a file an ignore
 * pattern leaves out, exists and is fine. One stat per entry; a folder is listed only for a path
 * that is missing, to name the sibling it was probably meant to be (or, when the entry's folder
 * does not exist, the file of that name beside the kustomization).
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import ignore from "ignore";
import { closestWithin } from "../did-you-mean.js";
import { localPathEntries, type LocalPathEntry } from "../models/kustomization.js";
import { INPUT_LIMITS, readFileBounded } from "./bounded-read.js";

export interface MissingPath extends LocalPathEntry {
  /** The entry with its last segment replaced by the nearest name in its folder, when one is near. */
  meant?: string;
  /**
   * The `.gitignore` (absolute) that keeps the path out of git, when one does: a file made before
   * the build (a generated Secret's env file) that a fresh checkout, and so CI, does not have.
   */
  gitIgnoredBy?: string;
  /** For a git-ignored path, the template beside it that the file is made from (`azure.conf.example` for `azure.conf`). */
  template?: string;
}

/** The endings of a file's template, committed where the file itself is git-ignored: `.example`, `.sample`, `.template`, `.dist`, `.tpl`. */
const TEMPLATE_ENDING = /^\.(?:example|sample|template|dist|tpl)$/i;

/** The entries of a kustomization (in folder `dir`, absolute) that name nothing on disk. */
export function missingKustomizationPaths(kustomization: Record<string, unknown>, dir: string): MissingPath[] {
  const out: MissingPath[] = [];
  const listed = new Map<string, string[]>();
  for (const entry of localPathEntries(kustomization)) {
    const absolute = resolve(dir, entry.path);
    if (existsSync(absolute)) continue;
    const folder = dirname(absolute);
    if (!listed.has(folder)) listed.set(folder, namesIn(folder));
    const written = entry.path.replace(/\/+$/, "");
    // A git-ignored file is made before the build, often from a template beside it: that is no misspelling to correct to.
    const gitIgnoredBy = gitIgnoreOf(absolute);
    if (gitIgnoredBy !== undefined) {
      const template = listed.get(folder)!.find((name) => name.startsWith(basename(absolute)) && TEMPLATE_ENDING.test(name.slice(basename(absolute).length)));
      out.push({ ...entry, gitIgnoredBy, ...(template ? { template } : {}) });
      continue;
    }
    const near = closestWithin(basename(absolute), listed.get(folder)!);
    if (near !== undefined) out.push({ ...entry, meant: written.slice(0, written.length - basename(written).length) + near });
    // A folder that does not exist: the file may sit beside the kustomization (`kustomizeconfig/x.yaml` for `x.yaml`).
    else if (folder !== dir && !existsSync(folder) && existsSync(join(dir, basename(absolute)))) out.push({ ...entry, meant: basename(absolute) });
    else out.push(entry);
  }
  return out;
}

/**
 * `written` (relative to `root`) with each segment that names nothing replaced by the nearest
 * name in the folder above it, when that gives a path that exists; undefined otherwise.
 */
export function nearestPath(root: string, written: string): string | undefined {
  let at = root;
  const out: string[] = [];
  for (const segment of written.split("/")) {
    const near = segment === "" || segment === "." || segment === ".." || existsSync(join(at, segment)) ? segment : closestWithin(segment, namesIn(at));
    if (near === undefined) return undefined;
    at = resolve(at, near || ".");
    out.push(near);
  }
  const meant = out.join("/");
  return meant !== written && existsSync(at) ? meant : undefined;
}

/** Folders looked at above a path for its `.gitignore` files, at most (a path deep in a tree without `.git`). */
const GITIGNORE_DEPTH = 32;

/**
 * The `.gitignore` that decides that git ignores `absolute` (a path that need not exist), as git
 * reads them: the files of its folders from the top of the working tree (the nearest folder with a
 * `.git` entry; without one, as far as GITIGNORE_DEPTH folders up) down, a deeper file's
 * pattern, or a `!` negation, overriding a higher one. Undefined when none ignores it. The
 * repository's `info/exclude` and the user's global excludes are not read.
 */
export function gitIgnoreOf(absolute: string): string | undefined {
  const folders: string[] = [];
  for (let at = dirname(absolute); folders.length < GITIGNORE_DEPTH; at = dirname(at)) {
    folders.push(at);
    if (existsSync(join(at, ".git")) || dirname(at) === at) break;
  }
  let decidedBy: string | undefined;
  for (const folder of folders.reverse()) {
    const file = join(folder, ".gitignore");
    const read = readFileBounded(file, INPUT_LIMITS.settings);
    if (!("bytes" in read)) continue;
    const rel = relative(folder, absolute).split(sep).join("/");
    const verdict = ignore().add(read.bytes.toString("utf8")).test(rel);
    if (verdict.ignored) decidedBy = file;
    else if (verdict.unignored) decidedBy = undefined;
  }
  return decidedBy;
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
