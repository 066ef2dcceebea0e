/**
 * The directory walk matches MANIFEST_GLOB without minimatch (engine/discover.ts
 * manifestMatcher): its answers must be minimatch's, for files and for folders that may hold
 * matches, with and without dot files.
 */
import { Minimatch } from "minimatch";
import { MANIFEST_GLOB, manifestMatcher } from "../src/engine/discover.js";

const NAMES = ["a.yaml", "a.yml", "a.json", "a.YAML", "a.yaml.bak", "yaml", ".yaml", ".a.yaml", "a..yaml", "kustomization.yaml", "a.jsonl", "a.yamlx", "a b.yml", "a.json5", "..yaml", "Kustomization", "kustomization", "xKustomization", "Kustomization.bak", ".Kustomization"];
const FOLDERS = ["", "k8s/", ".github/", "base/.hidden/", "a.yaml/", "..d/", "x/y/z/"];
const PATHS = FOLDERS.flatMap((folder) => NAMES.map((name) => `${folder}${name}`));
const DIRS = ["k8s", ".git", "base/.hidden", "a.yaml", "x/y", ".d/x", "..d", "x/..y"];

describe.each([false, true])("dot %s", (dot) => {
  const reference = new Minimatch(MANIFEST_GLOB, { dot });
  const fast = manifestMatcher(dot);
  test.each(PATHS)("file %s", (path) => {
    expect(fast.match(path)).toBe(reference.match(path));
  });
  test.each(DIRS)("folder %s", (path) => {
    expect(fast.match(path, true)).toBe(reference.match(path, true));
  });
});
