/** Formatters are loaded on demand: a run pays only for the one it prints. */
import type { Formatter } from "./types.js";

export const FORMATS = ["stylish", "json", "sarif", "github", "junit"] as const;
export type FormatName = (typeof FORMATS)[number];

/** Formats read by programs: no colour, no progress display, info diagnostics always included. */
export const MACHINE_FORMATS: ReadonlySet<FormatName> = new Set(["json", "sarif", "github", "junit"]);

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case "stylish":
      return (await import("./stylish.js")).format;
    case "json":
      return (await import("./json.js")).format;
    case "sarif":
      return (await import("./sarif.js")).format;
    case "github":
      return (await import("./github.js")).format;
    case "junit":
      return (await import("./junit.js")).format;
  }
}
