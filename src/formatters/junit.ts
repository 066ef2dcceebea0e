/**
 * JUnit XML for CI test reports: one test suite per file, one test case per resource (plus one
 * for the file itself when it has no resources or has problems outside any resource).
 * Errors are failures; warnings and infos are listed in the test case's output and do not fail
 * it, matching the exit code (warnings fail a run only through --max-warnings).
 */
import type { Diagnostic, FileResult, ResourceRef } from "../types.js";
import type { Formatter, LintedResource } from "./types.js";

/** Text and attribute values: the five XML specials, and characters XML 1.0 forbids. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

/**
 * Element text: our own lines stay readable lines; a line break inside a value stays a
 * character reference, so no value can start a line of the report (a forged CI log command).
 */
function escapeLines(lines: string[]): string {
  return lines.map(escapeXml).join("\n");
}

interface TestCase {
  name: string;
  line?: number;
  diagnostics: Diagnostic[];
}

const sameRef = (a: ResourceRef, b: ResourceRef) =>
  a.kind === b.kind && a.name === b.name && a.namespace === b.namespace && a.apiVersion === b.apiVersion;

function caseName(r: ResourceRef): string {
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name || "(unnamed)"}`;
}

/** The test cases of one file: its resources (known from the run, else from the diagnostics). */
function testCases(file: FileResult, resources: LintedResource[] | undefined): TestCase[] {
  const cases: TestCase[] = (resources ?? []).map((r) => ({ name: caseName(r.resource), line: r.line, diagnostics: [] }));
  const refs = (resources ?? []).map((r) => r.resource);
  let fileCase: TestCase | undefined;
  for (const d of file.diagnostics) {
    if (!d.resource.kind) {
      fileCase ??= { name: "(file)", diagnostics: [] };
      fileCase.diagnostics.push(d);
      continue;
    }
    // The resource that starts last at or before the diagnostic (names may repeat in a file).
    let at = -1;
    for (let i = 0; i < cases.length; i++) {
      if (sameRef(refs[i], d.resource) && (at === -1 || (cases[i].line ?? 0) <= d.line)) at = i;
    }
    if (at === -1) {
      cases.push({ name: caseName(d.resource), diagnostics: [] });
      refs.push(d.resource);
      at = cases.length - 1;
    }
    cases[at].diagnostics.push(d);
  }
  if (!cases.length && !fileCase) fileCase = { name: "(file)", diagnostics: [] };
  return fileCase ? [fileCase, ...cases] : cases;
}

function describe(d: Diagnostic): string[] {
  const lines = [`${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})`];
  if (d.path) lines.push(`  path: ${d.path}`);
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  if (d.related) {
    const r = d.related;
    lines.push(`  related: ${caseName(r.resource)} at ${r.file}:${r.line}:${r.column}${r.message ? ` (${r.message})` : ""}`);
  }
  if (d.source) lines.push(`  template: ${d.source}`);
  return lines;
}

/** The XML, yielded one test case at a time (a large run is never one string). */
export const format: Formatter = function* (result, options) {
  const byFile = new Map<string, LintedResource[]>();
  for (const r of options.resources ?? []) {
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  // The totals head the document, so the test cases are counted before any is written.
  const suites = result.files.map((file) => {
    const cases = testCases(file, options.resources ? (byFile.get(file.path) ?? []) : undefined);
    return { file, cases, failures: cases.filter((c) => c.diagnostics.some((d) => d.severity === "error")).length };
  });
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="k8s-lint" tests="${tests}" failures="${failures}" errors="0">\n`;
  for (const { file, cases, failures: suiteFailures } of suites) {
    yield `  <testsuite name="${escapeXml(file.path)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n`;
    for (const c of cases) yield* testCase(file.path, c);
    yield "  </testsuite>\n";
  }
  yield "</testsuites>\n";
};

/** One test case; its findings one by one, since one resource may have a million of them. */
function* testCase(path: string, c: TestCase): Generator<string> {
  const attrs = `name="${escapeXml(c.name)}" classname="${escapeXml(path)}" file="${escapeXml(path)}"${c.line ? ` line="${c.line}"` : ""}`;
  if (!c.diagnostics.length) {
    yield `    <testcase ${attrs}/>\n`;
    return;
  }
  const errors = c.diagnostics.filter((d) => d.severity === "error");
  const others = c.diagnostics.filter((d) => d.severity !== "error");
  yield `    <testcase ${attrs}>\n`;
  if (errors.length) {
    const first = errors[0];
    const message = errors.length === 1 ? `${first.message} (${first.ruleId})` : `${errors.length} errors, first: ${first.message} (${first.ruleId})`;
    yield `      <failure message="${escapeXml(message)}" type="${escapeXml(first.ruleId)}">`;
    yield* described(errors);
    yield "</failure>\n";
  }
  if (others.length) {
    yield "      <system-out>";
    yield* described(others);
    yield "</system-out>\n";
  }
  yield "    </testcase>\n";
}

/** Element text: each finding described and escaped, one per line. */
function* described(diagnostics: Diagnostic[]): Generator<string> {
  for (const [i, d] of diagnostics.entries()) yield `${i ? "\n" : ""}${escapeLines(describe(d))}`;
}
