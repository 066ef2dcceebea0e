/**
 * The CLI's diagnostics as LSP diagnostics. Both count columns in UTF-16 code units of the
 * BOM-less text (docs/json-output.md), so a position converts by subtracting one from line
 * and column; endColumn is exclusive in both.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position, type Range as LspRange } from "vscode-languageserver";
import { ruleHelpUri } from "../package-info.js";
import type { Diagnostic, Range, Severity } from "../types.js";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * `bom`: the editor's text starts with U+FEFF, which k8s-lint does not count: the first line's
 * characters move one to the right in the editor.
 */
export function toLspPosition(line: number, column: number, bom = false): Position {
  return { line: line - 1, character: column - 1 + (bom && line === 1 ? 1 : 0) };
}

export function toLspRange(r: Range, bom = false): LspRange {
  return { start: toLspPosition(r.line, r.column, bom), end: toLspPosition(r.endLine, r.endColumn, bom) };
}

/** What the server keeps on a published diagnostic for its code actions. */
export interface DiagnosticData {
  /** The finding belongs to a resource (not to a file: yaml-syntax, unreadable input). */
  resource?: { kind: string; name: string };
}

export interface ConvertContext {
  /** The URI of a file of the run, by its display path. */
  uriOf: (display: string) => string;
  bom?: boolean;
}

export function toLspDiagnostic(d: Diagnostic, { uriOf, bom }: ConvertContext): LspDiagnostic {
  const data: DiagnosticData = d.resource.kind ? { resource: { kind: d.resource.kind, name: d.resource.name } } : {};
  const out: LspDiagnostic = {
    range: toLspRange(d, bom),
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    codeDescription: { href: ruleHelpUri(d.ruleId) },
    source: "k8s-lint",
    message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
    data,
  };
  if (d.related) {
    const r = d.related;
    const where = r.resource.namespace ? `${r.resource.namespace}/${r.resource.name}` : r.resource.name;
    const at = toLspPosition(r.line, r.column);
    out.relatedInformation = [{ location: { uri: uriOf(r.file), range: { start: at, end: at } }, message: `${r.resource.kind} ${where}${r.message ? ` (${r.message})` : ""}` }];
  }
  return out;
}

/** An offset of a text as an LSP position (UTF-16, like JavaScript strings). */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** The offset of an LSP position in a text (clamped to its line). */
export function offsetAt(text: string, position: Position): number {
  let lineStart = 0;
  for (let l = 0; l < position.line; l++) {
    const nl = text.indexOf("\n", lineStart);
    if (nl === -1) return text.length;
    lineStart = nl + 1;
  }
  const nl = text.indexOf("\n", lineStart);
  const lineEnd = nl === -1 ? text.length : nl;
  return Math.min(lineStart + position.character, lineEnd);
}
