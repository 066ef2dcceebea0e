/**
 * Where the config file is, without the config schema: a run without a config file (a pre-commit
 * hook on one file) never builds the zod schemas (config/load.ts is imported only when there is
 * a file to read).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const CONFIG_NAMES = [".k8s-lint.yaml", ".k8s-lint.yml", ".k8s-lint.json"];

/** The nearest config file from `cwd` upwards, or undefined. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
