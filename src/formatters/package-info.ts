/** Name, version and repository of the running k8s-lint, read from package.json (next to src/ or dist/). */
import { readFileSync } from "node:fs";

export interface PackageInfo {
  name: string;
  version: string;
  /** Web address of the repository, without a trailing slash. */
  repository: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    name: string;
    version: string;
    homepage?: string;
    repository?: string | { url?: string };
  };
  const repo = typeof pkg.repository === "string" ? pkg.repository : (pkg.repository?.url ?? pkg.homepage ?? "");
  cached = { name: pkg.name, version: pkg.version, repository: repo.replace(/^git\+/, "").replace(/\.git$/, "").replace(/\/$/, "") };
  return cached;
}

/** The generated page of a rule, on the repository's default branch. */
export function ruleHelpUri(ruleId: string): string {
  return `${packageInfo().repository}/blob/main/docs/rules/${ruleId}.md`;
}
