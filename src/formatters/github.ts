/**
 * GitHub Actions workflow commands: one `::error|warning|notice ...::message` line per
 * diagnostic, which the runner turns into annotations on the pull request's lines.
 */
import { printable } from "../printable.js";
import type { Diagnostic, Severity } from "../types.js";
import type { Formatter } from "./types.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** The message part: the runner unescapes %25, %0D and %0A. */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value: additionally `:` and `,`, which delimit properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * The annotation's lines, each printable: the Actions log renders ANSI escapes, so control
 * characters, bidi marks and line separators from the input are shown as escapes; only the
 * lines joined here are real line breaks (percent-encoded by escapeData).
 */
function text(d: Diagnostic): string {
  return lines(d).map(printable).join("\n");
}

function lines(d: Diagnostic): string[] {
  const lines = [d.message];
  if (d.hint) lines.push(`hint: ${d.hint}`);
  if (d.related) {
    const r = d.related;
    const what = `${r.resource.kind} ${r.resource.namespace ? `${r.resource.namespace}/` : ""}${r.resource.name}`;
    lines.push(`related: ${what} at ${r.file}:${r.line}:${r.column}${r.message ? ` (${r.message})` : ""}`);
  }
  if (d.source) lines.push(`template: ${d.source}`);
  return lines;
}

/**
 * One workflow command. Columns are sent only for single-line ranges, as the runner requires.
 * The file name is printable too: the runner has no escape for a control character in a property,
 * so a file whose name holds one gets an annotation under its escaped name rather than a raw
 * terminal escape in the log.
 */
export function command(file: string, d: Diagnostic): string {
  const props: Array<[string, string | number]> = [["file", printable(file)], ["line", d.line]];
  if (d.endLine === d.line) {
    // GitHub's endColumn is inclusive; ours is exclusive (the column after the last character).
    props.push(["col", d.column], ["endLine", d.endLine], ["endColumn", Math.max(d.column, d.endColumn - 1)]);
  } else {
    props.push(["endLine", d.endLine]);
  }
  props.push(["title", d.ruleId]);
  const properties = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${COMMAND[d.severity]} ${properties}::${escapeData(text(d))}`;
}

/** One line per diagnostic, yielded as it is made (a large run is never one string). */
export const format: Formatter = function* (result) {
  for (const file of result.files) for (const d of file.diagnostics) yield `${command(file.path, d)}\n`;
};
