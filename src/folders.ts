/** Folders of files as reports show them: relative, "/"-separated ("." is the current folder). */
import { posix } from "node:path";

/** Whether folder `outer` holds folder `inner` (or is it). */
export function folderHolds(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (outer === ".") return !inner.startsWith("../") && inner !== ".." && !posix.isAbsolute(inner);
  return inner.startsWith(outer.endsWith("/") ? outer : `${outer}/`);
}

/** The folder of a file as files are shown ("." for a file of the current folder). */
export function folderOf(file: string): string {
  return posix.dirname(file);
}
