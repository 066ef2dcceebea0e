/** Name, version and repository of the running k8s-lint, read from its package.json. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PackageInfo {
  name: string;
  version: string;
  /** Web address of the repository, without a trailing slash. */
  repository: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(packageJsonPath(), "utf8")) as {
    name: string;
    version: string;
    homepage?: string;
    repository?: string | { url?: string };
  };
  const repo = typeof pkg.repository === "string" ? pkg.repository : (pkg.repository?.url ?? pkg.homepage ?? "");
  cached = { name: pkg.name, version: pkg.version, repository: repo.replace(/^git\+/, "").replace(/\.git$/, "").replace(/\/$/, "") };
  return cached;
}

/** The nearest package.json above this module: src/, dist/ and the bundle's chunks sit at different depths. */
function packageJsonPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the package.json of k8s-lint");
    dir = parent;
  }
}

/** The generated page of a rule, on the repository's default branch. */
export function ruleHelpUri(ruleId: string): string {
  return `${packageInfo().repository}/blob/main/docs/rules/${ruleId}.md`;
}
