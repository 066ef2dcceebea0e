/**
 * The files Go programs embed (`//go:embed` directives, pkg.go.dev/embed): a YAML file with Go
 * template syntax that a Go package beside or above it embeds is that program's template, filled
 * in by text/template when the program runs (each folder of knative's test/rekt/resources embeds
 * its YAML files), not a manifest of the repository left unrendered.
 */
import { readdirSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { readFileBounded, INPUT_LIMITS } from "./bounded-read.js";

/**
 * A `//go:embed` directive line: the patterns after it, space-separated, each bare or quoted.
 * Spaces and tabs may come first (a directive in a `var ( ... )` block is indented): go/build's
 * findEmbed (src/go/build/read.go) leaves the start of a line at a space or a tab.
 */
const DIRECTIVE = /^[ \t]*\/\/go:embed[ \t]+(.+)$/gm;
const PATTERN = /"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g;
/** How many folders above a file its embedding package may be: patterns name files below the package (no ".."). */
const PACKAGE_LEVELS = 4;
/** The Go files of one folder read for directives, at most (a generated package of thousands is not a template's). */
const GO_FILES_READ = 200;

/**
 * A Go pattern (path.Match syntax: `*` and `?` within one path element, `[...]` classes with `^`
 * for negation, `\` escaping) as a regular expression over a slash-separated path.
 */
function patternRegExp(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "\\" && i + 1 < pattern.length) out += escape(pattern[++i]);
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close === -1) return /$^/; // path.ErrBadPattern: the directive matches nothing
      const body = pattern.slice(i + 1, close);
      out += `[${body.startsWith("^") ? `^/${body.slice(1).replace(/[\\\]]/g, "\\$&")}` : body.replace(/[\\\]^]/g, "\\$&")}]`;
      i = close;
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`);
}

const escape = (c: string) => c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");

/** The embed patterns of the Go files of folders, read once per folder. */
export class GoEmbeds {
  private readonly byFolder = new Map<string, readonly RegExp[]>();

  /** Whether a Go package in the file's folder, or up to PACKAGE_LEVELS above, embeds it (the file, or a folder holding it). */
  embeds(absolute: string): boolean {
    let folder = dirname(absolute);
    for (let level = 0; level < PACKAGE_LEVELS && dirname(folder) !== folder; level++, folder = dirname(folder)) {
      const patterns = this.patternsOf(folder);
      if (!patterns.length) continue;
      const parts = relative(folder, absolute).split(sep);
      // A pattern that names a folder embeds everything below it.
      for (let n = parts.length; n > 0; n--) {
        const path = parts.slice(0, n).join("/");
        if (patterns.some((p) => p.test(path))) return true;
      }
    }
    return false;
  }

  private patternsOf(folder: string): readonly RegExp[] {
    let patterns = this.byFolder.get(folder);
    if (patterns) return patterns;
    const found: RegExp[] = [];
    let names: string[] = [];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith(".go")).slice(0, GO_FILES_READ);
    } catch {
      // An unreadable folder embeds nothing.
    }
    for (const name of names) {
      const read = readFileBounded(join(folder, name), INPUT_LIMITS.settings);
      if (!("bytes" in read)) continue;
      const text = read.bytes.toString("utf8");
      if (!text.includes("//go:embed")) continue;
      for (const directive of text.matchAll(DIRECTIVE)) {
        for (const m of directive[1].matchAll(PATTERN)) {
          const written = m[1] ?? m[2] ?? m[3];
          found.push(patternRegExp(written.replace(/^all:/, "")));
        }
      }
    }
    this.byFolder.set(folder, (patterns = found));
    return patterns;
  }
}
