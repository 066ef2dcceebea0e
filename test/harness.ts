/**
 * The fixture convention (SPEC §8): `# rules: a, b` names the rules a fixture is about
 * (`*` = every error and warning rule), `# expect: a, b` on a line says those rules report
 * that line, `# options: kubernetesVersion=1.25, defaultNamespace=shop, references=complete` sets lint options
 * (`context=<path>`, relative to the repository root, reads that path as `--context`;
 * `perDirectory=true` lints as `--per-directory`; `podSecurity=baseline:v1.30` as `--pod-security`).
 * `# preset: security` (several comma-separated) lints the fixture with those presets enabled,
 * as `--preset security` does: the rules of an opt-in preset are off without it.
 * A folder whose name ends in `.set` is linted as one input. JSON files keep their
 * markers in `<file>.expect` (same syntax, with `<line>: <ids>` lines for expectations), and so
 * does a YAML file that has one, where a comment would change what it tests (a line YAML reads
 * into a key, whose comment would end it).
 *
 * Version matrix: `# targets: 1.20, 1.27, 1.28` lints the fixture once per target release
 * (each a case of its own, named `<fixture>@<release>`); `# expect@<cond>: ids` expects the ids
 * only at the targets the condition holds for: `1.28` (that release), `<1.25`, `<=1.25`, `>1.25`,
 * `>=1.28`, or `1.25-1.27` (inclusive). A plain `# expect:` holds at every target. Several
 * markers may share a line: `# expect@1.27: unknown-field # expect@1.28: feature-gated-field`.
 */
import { existsSync, lstatSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { lint, type LintOptions } from "../src/engine/lint.js";
import { didYouMean } from "../src/did-you-mean.js";
import { compareVersions } from "../src/models/catalogue/releases.js";
import { allRules } from "../src/rules/index.js";
import { REFERENCE_POLICIES, type Diagnostic, type LintResult, type ReferencePolicy } from "../src/types.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURES = join(ROOT, "fixtures");

/** A clean Deployment "web" in block style (14 lines), for tests that need one ordinary workload. */
export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

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
  options: Pick<LintOptions, "kubernetesVersion" | "defaultNamespace" | "references" | "context" | "perDirectory" | "presets" | "podSecurity">;
  /** The target release of a version-matrix case (`# targets:`). */
  target?: string;
}

type Marker = { line: number; ruleId: string; column?: number; when?: string };

/** Whether an `expect@<cond>` condition holds at a target release. */
export function conditionHolds(cond: string, target: string): boolean {
  const range = /^(\d+\.\d+)-(\d+\.\d+)$/.exec(cond);
  if (range) return compareVersions(target, range[1]) >= 0 && compareVersions(target, range[2]) <= 0;
  const m = /^(<=|>=|<|>|=)?(\d+\.\d+)$/.exec(cond);
  if (!m) throw new Error(`expect@${cond}: not a release condition (1.28, <1.25, <=1.25, >1.25, >=1.28, 1.25-1.27)`);
  const d = compareVersions(target, m[2]);
  return m[1] === "<" ? d < 0 : m[1] === "<=" ? d <= 0 : m[1] === ">" ? d > 0 : m[1] === ">=" ? d >= 0 : d === 0;
}

/** The files a directory search lints (engine/discover.ts MANIFEST_GLOB): YAML, JSON, and kustomize's Kustomization. */
const MANIFEST = /\.(ya?ml|json)$|^Kustomization$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    // A linked folder holds files the walk reaches under their own path too, and the linter reads a file once.
    if (lstatSync(p).isSymbolicLink() && statSync(p).isDirectory()) continue;
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

const KNOWN_RULE_IDS = new Set(allRules.map((r) => r.meta.id));

/**
 * The rule ids a fixture may name: the built-in ones. A folder with its own `.k8s-lint.yaml`
 * (fixtures/custom-rules-paths) is linted with that config by its own test, which compares every
 * marker, custom and plugin rules included: undefined, its markers are that test's to check.
 */
function knownRuleIds(file: string): ReadonlySet<string> | undefined {
  return existsSync(join(dirname(file), ".k8s-lint.yaml")) ? undefined : KNOWN_RULE_IDS;
}

/**
 * The rule ids of a `# rules:` or `# expect:` list, each one checked: a list written with spaces
 * (`# rules: a b`), an empty entry (`a,,b`) or an id that names no rule would otherwise name no
 * rule in scope, and the fixture would check nothing.
 */
export function ruleList(s: string, where: string, allowAll: boolean, known: ReadonlySet<string> | undefined): string[] {
  const entries = s.split(",").map((x) => x.trim());
  if (entries.every((x) => x === "")) throw new Error(`${where}: empty rule list: name the rules, separated by commas`);
  if (entries.some((x) => x === "")) throw new Error(`${where}: empty entry in the rule list "${s.trim()}": separate rule ids with commas`);
  return entries.filter(Boolean).map((entry) => {
    const [id] = entry.split("@");
    if (/\s/.test(entry)) throw new Error(`${where}: "${entry}" is not one rule id: separate rule ids with commas`);
    if (id === "*" ? !allowAll : known && !known.has(id)) throw new Error(`${where}: unknown rule "${id}"${didYouMean(id, [...(known ?? [])])}`);
    return entry;
  });
}

/** Markers of one file: rules, options and expectations. */
export function readMarkers(file: string): {
  rules: string[];
  expected: Marker[];
  options: Record<string, string>;
  targets: string[];
  presets: string[];
} {
  const rules: string[] = [];
  const targets: string[] = [];
  const presets: string[] = [];
  const expected: Marker[] = [];
  const entry = (line: number, spec: string, when?: string) => {
    const [ruleId, column] = spec.split("@");
    expected.push({ line, ruleId, ...(column ? { column: Number(column) } : {}), ...(when ? { when } : {}) });
  };
  const options: Record<string, string> = {};
  const isJson = file.endsWith(".json") || existsSync(`${file}.expect`);
  const markerFile = isJson ? `${file}.expect` : file;
  if (isJson && !existsSync(markerFile)) return { rules, expected, options, targets, presets };
  const lines = readFileSync(markerFile, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  const known = knownRuleIds(markerFile);
  lines.forEach((text, i) => {
    const header = /^\s*#?\s*(rules|options|targets|preset):\s*(.*)$/.exec(text);
    if (header && (isJson || text.trimStart().startsWith("#"))) {
      if (header[1] === "rules") rules.push(...ruleList(header[2], `${markerFile}:${i + 1}`, true, known));
      else if (header[1] === "preset") presets.push(...splitList(header[2]));
      else if (header[1] === "targets") targets.push(...splitList(header[2]));
      else for (const kv of splitList(header[2])) {
        const [k, v] = kv.split("=").map((x) => x.trim());
        options[k] = v;
      }
      return;
    }
    if (isJson) {
      const m = /^\s*(\d+):\s*(.+)$/.exec(text);
      if (m) for (const id of ruleList(m[2], `${markerFile}:${i + 1}`, false, known)) entry(Number(m[1]), id);
      return;
    }
    // Several markers may share a line: `# expect@1.27: unknown-field # expect@1.28: feature-gated-field`.
    for (const m of text.matchAll(/#\s*expect(?:@([^:\s]+))?:\s*([^#]+)/g)) for (const id of ruleList(m[2], `${markerFile}:${i + 1}`, false, known)) entry(i + 1, id, m[1]);
  });
  return { rules, expected, options, targets, presets };
}

export function collectFixtures(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const p of walk(FIXTURES)) {
    const files = statSync(p).isDirectory() ? walk(p).filter((f) => !statSync(f).isDirectory()) : [p];
    const markers = files.map((f) => [f, readMarkers(f)] as const);
    const targets = [...new Set(markers.flatMap(([, m]) => m.targets))];
    for (const target of targets.length ? targets : [undefined]) {
      const c = fixtureCase(p, markers, target);
      if (c.rules.size) cases.push(c);
    }
  }
  return cases;
}

/** One case of a fixture: at one target release of its `# targets:`, or as its options say. */
function fixtureCase(p: string, markers: ReadonlyArray<readonly [string, ReturnType<typeof readMarkers>]>, target: string | undefined): FixtureCase {
  const name = relative(FIXTURES, p).split("\\").join("/");
  const c: FixtureCase = {
    name: target ? `${name}@${target}` : name,
    inputs: [relative(ROOT, p)],
    rules: new Set(),
    expected: new Set(),
    columns: new Map(),
    options: {},
    ...(target ? { target } : {}),
  };
  for (const [f, m] of markers) {
    m.rules.forEach((r) => c.rules.add(r));
    const display = relative(ROOT, f).split("\\").join("/");
    for (const e of m.expected) {
      if (e.when && (!target || !conditionHolds(e.when, target))) continue;
      const key = `${display}:${e.line}:${e.ruleId}`;
      c.expected.add(key);
      if (e.column !== undefined) c.columns.set(key, e.column);
    }
    if (m.options.kubernetesVersion) c.options.kubernetesVersion = m.options.kubernetesVersion;
    if (m.options.defaultNamespace) c.options.defaultNamespace = m.options.defaultNamespace;
    if (m.options.references) c.options.references = referencePolicyOption(f, m.options.references);
    if (m.options.context) c.options.context = [m.options.context];
    if (m.options.perDirectory === "true") c.options.perDirectory = true;
    if (m.options.podSecurity) {
      const [level, version] = m.options.podSecurity.split(":");
      c.options.podSecurity = { level: level as "baseline" | "restricted", ...(version ? { version } : {}) };
    }
    if (m.presets.length) c.options.presets = [...new Set([...(c.options.presets ?? []), ...m.presets])];
  }
  if (target) c.options.kubernetesVersion = target;
  return c;
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

/**
 * Pinned messages: fixtures/rules/<id>/messages.txt holds the message, hint and related message
 * of every finding in scope of that folder's fixtures, one entry per finding:
 *
 *     example.bad.yaml:9:14 image-latest-tag
 *       message: image "nginx:latest" uses the moving tag "latest"
 *       hint: pin a version tag or a digest
 *
 * The harness fails on missing and extra entries, as it does on markers. `UPDATE_MESSAGES=1 npm
 * test -- test/fixtures.test.ts` rewrites the entries of the fixtures it runs (review the diff).
 */
export const MESSAGES_FILE = "messages.txt";
const MESSAGES_HEADER =
  "# The message, hint and related message of every finding in scope of this folder's fixtures, checked by\n# test/fixtures.test.ts. Rewrite with UPDATE_MESSAGES=1 npm test -- test/fixtures.test.ts and review the diff.\n";

/** The rule folder of a fixture case (fixtures/rules/<id>), or undefined outside fixtures/rules. */
export function ruleFolderOf(c: FixtureCase): string | undefined {
  const m = /^(rules\/[^/]+)\//.exec(c.name);
  return m ? join(FIXTURES, m[1]) : undefined;
}

const oneLine = (s: string) => s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

/** The in-scope findings of a case as pinned entries, their files relative to the rule folder. */
export function messageEntries(c: FixtureCase, result: LintResult, folder: string): string[] {
  const scope = scopeOf(c);
  const entries: Array<{ key: [string, number, number, string]; text: string }> = [];
  for (const f of result.files) {
    const file = relative(folder, join(ROOT, f.path)).split("\\").join("/") + (c.target ? `@${c.target}` : "");
    for (const d of f.diagnostics) {
      if (!scope.has(d.ruleId) || (d.severity === "info" && !c.rules.has(d.ruleId))) continue;
      const lines = [`${file}:${d.line}:${d.column} ${d.ruleId}`, `  message: ${oneLine(d.message)}`];
      if (d.hint !== undefined) lines.push(`  hint: ${oneLine(d.hint)}`);
      if (d.related?.message !== undefined) lines.push(`  related: ${oneLine(d.related.message)}`);
      entries.push({ key: [file, d.line, d.column, d.ruleId], text: lines.join("\n") });
    }
  }
  return entries.sort((a, b) => compareKeys(a.key, b.key) || a.text.localeCompare(b.text)).map((e) => e.text);
}

function compareKeys(a: [string, number, number, string], b: [string, number, number, string]): number {
  return a[0].localeCompare(b[0]) || a[1] - b[1] || a[2] - b[2] || a[3].localeCompare(b[3]);
}

/** The entries of a folder's messages file ([] when it has none). */
export function readMessages(folder: string): string[] {
  const path = join(folder, MESSAGES_FILE);
  if (!existsSync(path)) return [];
  const entries: string[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("  ") && entries.length) entries[entries.length - 1] += `\n${line}`;
    else entries.push(line);
  }
  return entries;
}

/** The file an entry is about, relative to its rule folder, its rule id, and the target release of a matrix case (`file@1.28:line:col`). */
export function entryHead(entry: string): { file: string; ruleId: string; target?: string } {
  const [where, ruleId] = entry.split("\n")[0].split(" ");
  const m = /^(.*?)(?:@(\d+\.\d+))?:\d+:\d+$/.exec(where);
  return { file: m?.[1] ?? where, ruleId, ...(m?.[2] ? { target: m[2] } : {}) };
}

/** Whether an entry is about one of the files of a case. */
export function entryBelongsTo(entry: string, c: FixtureCase, folder: string): boolean {
  const input = relative(folder, join(ROOT, c.inputs[0])).split("\\").join("/");
  const { file, target } = entryHead(entry);
  if (target !== c.target) return false;
  return file === input || file.startsWith(`${input}/`);
}

/** Replaces the entries of one case in its folder's messages file (UPDATE_MESSAGES=1). */
export function writeMessages(c: FixtureCase, folder: string, entries: string[]): void {
  const kept = readMessages(folder).filter((e) => !entryBelongsTo(e, c, folder));
  const all = [...kept, ...entries].sort((a, b) => {
    const [wa, ra] = a.split("\n")[0].split(" ");
    const [wb, rb] = b.split("\n")[0].split(" ");
    const pa = wa.split(":");
    const pb = wb.split(":");
    const ka: [string, number, number, string] = [pa.slice(0, -2).join(":"), Number(pa[pa.length - 2]), Number(pa[pa.length - 1]), ra];
    const kb: [string, number, number, string] = [pb.slice(0, -2).join(":"), Number(pb[pb.length - 2]), Number(pb[pb.length - 1]), rb];
    return compareKeys(ka, kb) || a.localeCompare(b);
  });
  writeFileSync(join(folder, MESSAGES_FILE), MESSAGES_HEADER + all.map((e) => `${e}\n`).join(""));
}
