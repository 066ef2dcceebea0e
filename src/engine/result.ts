/** The reported files -> the JSON-contract result (SPEC §3): diagnostics in order, counts. */
import type { Resource } from "../models/resource.js";
import type { Diagnostic, FileResult, LintResult, ResourceRef, Severity } from "../types.js";
import type { PodSecurityEnabler, PresetChoice } from "../presets.js";
import { locate } from "./positions.js";
import { lineIndex, type SourceFile } from "./sources.js";
import type { UnreadEntry } from "./unread-builds.js";

export interface ResultInput {
  /** The linted files, in input order. */
  reported: readonly SourceFile[];
  /** How many resources were judged. */
  resources: number;
  kubernetesVersion: string;
  /** The enabled presets, `recommended` first (lint() always says). */
  presets?: readonly PresetChoice[];
  /** The release asked for, when another one is judged. */
  requestedKubernetesVersion?: string;
  /** Errors only (`--quiet`). */
  quiet?: boolean;
  /** The Pod Security level the run set, when it set one. */
  podSecurity?: PodSecurityEnabler;
  /** What the run's kustomizations build and the run does not read (unread-builds.ts). */
  unread?: readonly UnreadEntry[];
  /** Symbolic links the run passed over (discover.ts). */
  linksNotFollowed?: number;
}

/**
 * Rule ids in the order of their UTF-16 code units, the same on every machine: a collator followed
 * the default locale (Estonian sorts "z" before "t"), and making one cost 8-12 ms of a one-file
 * run. For the built-in ids (lower-case letters, digits, hyphens) it is the order localeCompare
 * gives in English.
 */
function compareRuleIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function assembleResult({ reported, resources, kubernetesVersion, presets, requestedKubernetesVersion, quiet, podSecurity, unread, linksNotFollowed }: ResultInput): LintResult {
  const files: FileResult[] = reported.map((s) => {
    // `internal` is not enumerable (diagnostics.ts withInternal): the diagnostics are the result's as they are.
    let diagnostics: Diagnostic[] = s.diagnostics;
    if (quiet) diagnostics = diagnostics.filter((d) => d.severity === "error");
    diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || compareRuleIds(a.ruleId, b.ruleId));
    return { path: s.display, resources: s.resources, diagnostics, ...(s.configurations.length ? { configurations: s.configurations } : {}) };
  });
  const configurations = reported.reduce((n, s) => n + s.configurations.length, 0);
  const unchecked = uncheckedKinds(reported);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of files) for (const d of f.diagnostics) counts[d.severity]++;
  return {
    version: 1,
    kubernetesVersion,
    ...(presets ? { presets: [...presets] } : {}),
    ...(requestedKubernetesVersion ? { requestedKubernetesVersion } : {}),
    ...(podSecurity ? { podSecurity } : {}),
    files,
    summary: {
      files: files.length,
      resources,
      skipped: reported.reduce((n, s) => n + s.skipped, 0),
      ...(configurations ? { configurations } : {}),
      ...(unchecked ? { unchecked } : {}),
      ...(unread?.length ? { unread: [...unread] } : {}),
      ...(linksNotFollowed ? { linksNotFollowed } : {}),
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
    },
  };
}

/** A resource of the run and the line it starts at (JUnit lists resources without findings too). */
export interface LocatedResource {
  file: string;
  line: number;
  resource: ResourceRef;
}

export function locatedResources(resources: readonly Resource[], sourceOf: ReadonlyMap<string, SourceFile>): LocatedResource[] {
  return resources.map((r) => ({ file: r.file, line: lineIndex(sourceOf.get(r.file)!).position(locate(r.doc, r.basePath).start).line, resource: r.ref }));
}

/** The custom resources no schema describes, and their kinds, most frequent first; undefined when there are none. */
function uncheckedKinds(reported: readonly SourceFile[]): { resources: number; kinds: string[] } | undefined {
  const counts = new Map<string, number>();
  for (const s of reported) for (const kind of s.unchecked) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  if (!counts.size) return undefined;
  const kinds = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([kind]) => kind);
  return { resources: [...counts.values()].reduce((n, c) => n + c, 0), kinds };
}
