/**
 * Paths a kustomization names, matched with the files of the run by real path: kustomize follows
 * symbolic links (a base reached through `config -> ../../pkg/resources/config`), while a run
 * reads each file once, under the name it reached it by first. discover gives a file reached
 * through a link its real path too (DiscoveredFile.real); an entry is resolved against its
 * kustomization's real folder, then through the links on its way. An entry that does not exist
 * stays as resolved (kustomization-path-missing reports it).
 */
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import type { DiscoveredFile } from "./discover.js";

/** The file's real path: its own absolute path unless discover reached it through a link. */
export function realOf(file: Pick<DiscoveredFile, "absolute" | "real">): string {
  return file.real ?? file.absolute;
}

/** `entry` of the kustomization in folder `dir` (absolute, real), as a real path when it exists. */
export function entryPath(dir: string, entry: string): string {
  const path = resolve(dir, entry);
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
