/** Formatters are loaded on demand: a run pays only for the one it prints. */
import type { Formatter } from "./types.js";

export const FORMATS = ["stylish", "json"] as const;
export type FormatName = (typeof FORMATS)[number];

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case "stylish":
      return (await import("./stylish.js")).format;
    case "json":
      return (await import("./json.js")).format;
  }
}
