/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule of the
 * registry with its help text, one result per diagnostic with an exact region.
 */
import type { Fix as SarifFix, Location, Log, ReportingDescriptor, Result } from "sarif";
import type { Diagnostic, Fix, RuleDescription, Severity } from "../types.js";
import { packageInfo, ruleHelpUri } from "../package-info.js";
import { jsonChunks } from "./json-chunks.js";
import type { Formatter } from "./types.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT = "%SRCROOT%";

const LEVEL: Record<Severity, Result.level> = { error: "error", warning: "warning", info: "note" };

/** A relative path as a relative URI reference: forward slashes, each segment percent-encoded. */
export function toUri(path: string): string {
  return path
    .replace(/\\/g, "/")
    .split("/")
    .map((segment) => (segment === "." || segment === ".." ? segment : encodeURIComponent(segment)))
    .join("/");
}

/** SARIF messages are sentences: capitalised viewers show them as-is, so end each with a period. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function descriptor(meta: RuleDescription): ReportingDescriptor {
  const help = `${meta.explanation.trim()}\n\nFix: ${meta.fix.trim()}`;
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_m, _dash, c: string) => c.toUpperCase()),
    shortDescription: { text: sentence(meta.summary) },
    fullDescription: { text: sentence(meta.explanation.replace(/\s+/g, " ")) },
    help: { text: help, markdown: `${meta.explanation.trim()}\n\n**Fix:** ${meta.fix.trim()}` },
    helpUri: ruleHelpUri(meta.id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: [meta.category], ...(meta.preventsStatus.length ? { preventsStatus: meta.preventsStatus } : {}) },
  };
}

function resourceName(r: Diagnostic["resource"]): string {
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}`;
}

function result(file: string, d: Diagnostic, ruleIndex: number): Result {
  const text = [sentence(d.message), d.hint ? sentence(`Hint: ${d.hint}`) : "", d.source ? sentence(`Template: ${d.source}`) : ""]
    .filter(Boolean)
    .join(" ");
  const out: Result = {
    ruleId: d.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[d.severity],
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(file), uriBaseId: SRCROOT },
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
        ...(d.resource.kind
          ? { logicalLocations: [{ fullyQualifiedName: resourceName(d.resource).replace(" ", "/"), kind: "object" }] }
          : {}),
      },
    ],
  };
  const fixes = [
    ...(d.fix ? [sarifFix(file, d.hint ? sentence(d.hint) : "Apply the fix.", d.fix, "fix")] : []),
    ...(d.suggestions ?? []).map((s) => sarifFix(file, sentence(s.description), s.fix, "suggestion")),
  ];
  if (fixes.length) out.fixes = fixes;
  if (d.related) {
    const r = d.related;
    const related: Location = {
      id: 1,
      physicalLocation: {
        artifactLocation: { uri: toUri(r.file), uriBaseId: SRCROOT },
        region: { startLine: r.line, startColumn: r.column },
      },
      message: { text: sentence(`${resourceName(r.resource)}${r.path ? ` (${r.path})` : ""}${r.message ? `: ${r.message}` : ""}`) },
    };
    out.relatedLocations = [related];
  }
  return out;
}

/**
 * A fix as SARIF's artifactChanges. Regions are text regions by offset (charOffset/charLength):
 * characters in the run's columnKind, UTF-16 code units of the text as read, a leading BOM not
 * counted, exactly as the columns of the result's region. `properties.kind` tells the safe fix
 * (what --fix applies) from a suggestion.
 */
function sarifFix(file: string, description: string, fix: Fix, kind: "fix" | "suggestion"): SarifFix {
  return {
    description: { text: description },
    artifactChanges: [
      {
        artifactLocation: { uri: toUri(file), uriBaseId: SRCROOT },
        replacements: fix.edits.map((e) => ({
          deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
          ...(e.text ? { insertedContent: { text: e.text } } : {}),
        })),
      },
    ],
    properties: { kind },
  };
}

export const format: Formatter = (lintResult, { rules }) => {
  const info = packageInfo();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // SARIF results are made one at a time while the report is written (the replacer below):
  // a run with a million findings never holds a million of them.
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  for (const file of lintResult.files) {
    for (const d of file.diagnostics) {
      diagnostics.push(d);
      files.push(file.path);
    }
  }
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: info.name,
            version: info.version,
            semanticVersion: info.version,
            informationUri: info.repository,
            rules: rules.map(descriptor),
          },
        },
        columnKind: "utf16CodeUnits",
        results: diagnostics as unknown as Result[],
        properties: { kubernetesVersion: lintResult.kubernetesVersion, summary: lintResult.summary },
      },
    ],
  };
  return jsonChunks(log, function (this: unknown, key, value) {
    if (this !== diagnostics) return value;
    const d = value as Diagnostic;
    return result(files[Number(key)], d, ruleIndex.get(d.ruleId) ?? -1);
  });
};
