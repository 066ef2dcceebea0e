/**
 * What the kustomizations of a run build and the run does not read: `k8s-lint overlays/prod`
 * reads the overlay's kustomization, whose `resources: [../../base]` are outside the input, so
 * the objects the overlay deploys are not linted, and the run would say "no problems" about
 * them. The summary names them (LintSummary.unread) so the user can lint them too.
 */
import { existsSync } from "node:fs";
import { basename, dirname, posix, resolve, sep } from "node:path";
import { componentEntries, isKustomization, isRemoteEntry, resourceEntries } from "../models/kustomization.js";
import { STDIN } from "./discover.js";
import type { LoadedFile } from "./load.js";
import { entryPath, realOf } from "./entry-paths.js";

/** A kustomization's file (as displayed) and an entry of its `resources` or `components` that the run does not read, as displayed (a remote one as written). */
export interface UnreadEntry {
  kustomization: string;
  entry: string;
  /** A URL or remote repository, which kustomize fetches and no lint run reads. */
  remote?: true;
}

/** An unread entry, with the path the kustomize builds know it by (engine/kustomize-builds.ts: the entry resolved from the kustomization's real folder). */
export interface UnreadSource {
  shown: UnreadEntry;
  path: string;
}

/**
 * The `resources` and `components` entries of the run's kustomizations whose objects the run
 * does not read: local ones that name a file or folder on disk of which the run reads nothing
 * (linted or `--context`), and every remote one. Local entries that do not exist are not listed.
 */
export function unreadBuildSources(loaded: readonly LoadedFile[]): UnreadSource[] {
  // A file reached through a symbolic link is read under both its names (entry-paths.ts).
  const read = loaded.filter((l) => l.file.absolute !== STDIN).flatMap((l) => (l.file.real ? [l.file.absolute, l.file.real] : [l.file.absolute]));
  const readFiles = new Set(read);
  const readDirs = new Set<string>();
  for (const f of read) for (let d = dirname(f); !readDirs.has(d); d = dirname(d)) {
    readDirs.add(d);
    if (dirname(d) === d) break;
  }
  const out: UnreadSource[] = [];
  const seen = new Set<string>();
  for (const { file, docs } of loaded) {
    if (file.absolute === STDIN) continue;
    for (const { value } of docs) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
      const kustomization = value as Record<string, unknown>;
      if (!isKustomization(basename(file.absolute), kustomization)) continue;
      for (const entry of [...resourceEntries(kustomization), ...componentEntries(kustomization)]) {
        const real = entryPath(dirname(realOf(file)), entry);
        if (isRemoteEntry(entry)) {
          if (!seen.has(entry)) out.push({ shown: { kustomization: file.display, entry, remote: true }, path: real });
          seen.add(entry);
          continue;
        }
        const absolute = resolve(dirname(file.absolute), entry);
        if (readFiles.has(absolute) || readDirs.has(absolute) || readFiles.has(real) || readDirs.has(real) || seen.has(absolute) || !existsSync(absolute)) continue;
        seen.add(absolute);
        out.push({ shown: { kustomization: file.display, entry: posix.normalize(posix.join(posix.dirname(file.display.split(sep).join("/")), entry)) }, path: real });
      }
    }
  }
  return out;
}

/** A chart a kustomization inflates, and the namespaces its objects land in. */
export interface InflatedChart {
  shown: UnreadEntry;
  namespaces: readonly string[];
}

/**
 * The Helm charts the run's kustomizations inflate (`helmCharts`, and the older
 * `helmChartInflationGenerator`: kustomize's HelmChartInflationGenerator, `kustomize build
 * --enable-helm`): their objects are rendered at build time and no run reads them. They land in
 * the kustomization's namespace (its namespace transformer runs over them), else the entry's
 * (`namespace`, `releaseNamespace`: helm template --namespace), else `defaultNamespace`.
 */
export function inflatedCharts(loaded: readonly LoadedFile[], defaultNamespace: string): InflatedChart[] {
  const out: InflatedChart[] = [];
  for (const { file, docs } of loaded) {
    if (file.absolute === STDIN) continue;
    for (const { value } of docs) {
      if (!isMap(value) || !isKustomization(basename(file.absolute), value)) continue;
      const own = nonEmpty(value.namespace);
      const entries = [...listOf(value.helmCharts).map((c, i) => ({ list: "helmCharts", i, name: c.name, namespace: c.namespace })), ...listOf(value.helmChartInflationGenerator).map((c, i) => ({ list: "helmChartInflationGenerator", i, name: c.chartName, namespace: c.releaseNamespace }))];
      for (const { list, i, name, namespace } of entries) {
        const chart = nonEmpty(name);
        out.push({ shown: { kustomization: file.display, entry: `${list}[${i}]${chart ? ` (chart ${chart})` : ""}` }, namespaces: [own ?? nonEmpty(namespace) ?? defaultNamespace] });
      }
    }
  }
  return out;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function listOf(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isMap) : [];
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}
