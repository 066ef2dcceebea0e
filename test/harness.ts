/**
 * The fixture convention (SPEC §8): `# rules: a, b` names the rules a fixture is about
 * (`*` = every error and warning rule), `# expect: a, b` on a line says those rules report
 * that line, `# options: kubernetesVersion=1.25, defaultNamespace=shop, references=complete` sets lint options
 * (`context=<path>`, relative to the repository root, reads that path as `--context`).
 * A folder whose name ends in `.set` is linted as one input. JSON files keep their
 * markers in `<file>.expect` (same syntax, with `<line>: <ids>` lines for expectations).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { lint, type LintOptions } from "../src/engine/lint.js";
import { allRules } from "../src/rules/index.js";
import { REFERENCE_POLICIES, type Diagnostic, type LintResult, type ReferencePolicy } from "../src/types.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURES = join(ROOT, "fixtures");

export interface FixtureCase {
  /** Display name: the file or the `.set` folder, relative to fixtures/. */
  name: string;
  /** Paths (relative to ROOT) linted together. */
  inputs: string[];
  rules: Set<string>;
  /** "file:line:ruleId" strings. */
  expected: Set<string>;
  /** Expected columns, where a marker gives one (`# expect: rule-id@7`). */
  columns: Map<string, number>;
  options: Pick<LintOptions, "kubernetesVersion" | "defaultNamespace" | "references" | "context">;
}

const MANIFEST = /\.(ya?ml|json)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      if (entry.endsWith(".set")) out.push(p);
      else walk(p, out);
    } else if (MANIFEST.test(entry)) out.push(p);
  }
  return out;
}

function splitList(s: string): string[] {
  return s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Markers of one file: rules, options and expectations. */
export function readMarkers(file: string): {
  rules: string[];
  expected: Array<{ line: number; ruleId: string; column?: number }>;
  options: Record<string, string>;
} {
  const rules: string[] = [];
  const expected: Array<{ line: number; ruleId: string; column?: number }> = [];
  const entry = (line: number, spec: string) => {
    const [ruleId, column] = spec.split("@");
    expected.push({ line, ruleId, ...(column ? { column: Number(column) } : {}) });
  };
  const options: Record<string, string> = {};
  const isJson = file.endsWith(".json");
  const markerFile = isJson ? `${file}.expect` : file;
  if (isJson && !existsSync(markerFile)) return { rules, expected, options };
  const lines = readFileSync(markerFile, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((text, i) => {
    const header = /^\s*#?\s*(rules|options):\s*(.*)$/.exec(text);
    if (header && (isJson || text.trimStart().startsWith("#"))) {
      if (header[1] === "rules") rules.push(...splitList(header[2]));
      else for (const kv of splitList(header[2])) {
        const [k, v] = kv.split("=").map((x) => x.trim());
        options[k] = v;
      }
      return;
    }
    if (isJson) {
      const m = /^\s*(\d+):\s*(.+)$/.exec(text);
      if (m) for (const id of splitList(m[2])) entry(Number(m[1]), id);
      return;
    }
    const m = /#\s*expect:\s*([^#]+)$/.exec(text);
    if (m) for (const id of splitList(m[1])) entry(i + 1, id);
  });
  return { rules, expected, options };
}

export function collectFixtures(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const p of walk(FIXTURES)) {
    const files = statSync(p).isDirectory() ? walk(p).filter((f) => !statSync(f).isDirectory()) : [p];
    const c: FixtureCase = {
      name: relative(FIXTURES, p).split("\\").join("/"),
      inputs: [relative(ROOT, p)],
      rules: new Set(),
      expected: new Set(),
      columns: new Map(),
      options: {},
    };
    for (const f of files) {
      const m = readMarkers(f);
      m.rules.forEach((r) => c.rules.add(r));
      const display = relative(ROOT, f).split("\\").join("/");
      for (const e of m.expected) {
        const key = `${display}:${e.line}:${e.ruleId}`;
        c.expected.add(key);
        if (e.column !== undefined) c.columns.set(key, e.column);
      }
      if (m.options.kubernetesVersion) c.options.kubernetesVersion = m.options.kubernetesVersion;
      if (m.options.defaultNamespace) c.options.defaultNamespace = m.options.defaultNamespace;
      if (m.options.references) c.options.references = referencePolicyOption(f, m.options.references);
      if (m.options.context) c.options.context = [m.options.context];
    }
    if (c.rules.size) cases.push(c);
  }
  return cases;
}

function referencePolicyOption(file: string, value: string): ReferencePolicy {
  if (!(REFERENCE_POLICIES as readonly string[]).includes(value)) throw new Error(`${file}: references=${value} is not one of ${REFERENCE_POLICIES.join(", ")}`);
  return value as ReferencePolicy;
}

/** Rules in scope: the named ones; `*` adds every error and warning rule (their info findings excepted). */
export function scopeOf(c: FixtureCase): Set<string> {
  const scope = new Set([...c.rules].filter((r) => r !== "*"));
  if (c.rules.has("*")) for (const r of allRules) if (r.meta.severity !== "info") scope.add(r.meta.id);
  return scope;
}

export async function lintFixture(c: FixtureCase): Promise<LintResult> {
  return lint(c.inputs, { cwd: ROOT, config: {}, ...c.options });
}

export function describeDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.ruleId}`;
}

export interface Comparison {
  missing: string[];
  extra: string[];
  outOfFile: string[];
}

/** What the fixture's markers say against what was reported, for the rules in scope. */
export function compare(c: FixtureCase, result: LintResult): Comparison {
  const scope = scopeOf(c);
  const reported = new Map<string, string>();
  const columns = new Map<string, number[]>();
  const outOfFile: string[] = [];
  for (const f of result.files) {
    const text = existsSync(join(ROOT, f.path)) ? readFileSync(join(ROOT, f.path), "utf8").replace(/^\uFEFF/, "") : "";
    const lines = text.split("\n");
    for (const d of f.diagnostics) {
      const lineText = lines[d.line - 1];
      const lastLine = lines[d.endLine - 1];
      if (
        lineText === undefined ||
        lastLine === undefined ||
        d.column < 1 ||
        d.column > lineText.length + 1 ||
        d.endColumn < 1 ||
        d.endColumn > lastLine.length + 1 ||
        d.endLine < d.line ||
        (d.endLine === d.line && d.endColumn <= d.column)
      ) {
        outOfFile.push(`${f.path}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId}`);
      }
      if (!scope.has(d.ruleId)) continue;
      // Under `*`, a finding a rule lowers to info (a read-only hostPath) is advice, not a judgement.
      if (d.severity === "info" && !c.rules.has(d.ruleId)) continue;
      const key = describeDiagnostic(f.path, d);
      reported.set(key, d.message);
      columns.set(key, [...(columns.get(key) ?? []), d.column]);
    }
  }
  const missing = [...c.expected].filter((e) => scope.has(e.split(":").pop()!) && !reported.has(e));
  for (const [key, column] of c.columns) {
    const got = columns.get(key);
    if (got && !got.includes(column)) missing.push(`${key}@${column} (reported at column ${got.join(", ")})`);
  }
  const extra = [...reported.keys()].filter((r) => !c.expected.has(r)).map((r) => `${r} (${reported.get(r)})`);
  return { missing, extra, outOfFile };
}
