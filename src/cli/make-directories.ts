/**
 * `mkdir -p` that always ends. Node's `mkdirSync(path, { recursive: true })` loops forever where
 * a missing folder cannot be made and the parent's answer keeps saying it is missing (under
 * /proc: ENOENT for every level), so a report path or a cache folder given by the user could
 * hang a run at full CPU. Here each missing folder is made once, from the deepest existing
 * ancestor down; the first failure is thrown.
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

/** Makes `dir` and its missing parents (`mode` for the new ones); throws the error of the first that cannot be made. */
export function makeDirectories(dir: string, mode?: number): void {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    try {
      // There: a folder, or a file, which the mkdir of the level below reports (ENOTDIR).
      statSync(at);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT" || dirname(at) === at) throw err;
      missing.push(at);
    }
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i], mode === undefined ? undefined : { mode });
    } catch (err) {
      // Made meanwhile by another process: fine when it is a folder.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || !statSync(missing[i]).isDirectory()) throw err;
    }
  }
}
