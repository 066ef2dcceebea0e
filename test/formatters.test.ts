/** The machine formats: SARIF (validated by the official multitool), GitHub workflow commands, JUnit XML. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Log } from "sarif";
import { run } from "../src/cli/run.js";
import { lint } from "../src/engine/lint.js";
import { ruleDescriptions } from "../src/engine/registry.js";
import { escapeData, escapeProperty, format as githubReport } from "../src/formatters/github.js";
import { FORMATS, loadFormatter, MACHINE_FORMATS } from "../src/formatters/index.js";
import { format as junitReport } from "../src/formatters/junit.js";
import { format as sarifReport, toUri } from "../src/formatters/sarif.js";
import type { FormatOptions, LintedResource, Report } from "../src/formatters/types.js";
import { allRules } from "../src/rules/index.js";
import type { Diagnostic, LintResult } from "../src/types.js";
import { ROOT, WEB_DEPLOYMENT as DEPLOYMENT } from "./harness.js";


let dir: string;
let result: LintResult;
let resources: LintedResource[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "k8s-lint-formatters-"));
  mkdirSync(join(dir, "apps", "with space"), { recursive: true });
  // Two Deployments named web that differ (duplicate-resource with a related location), a
  // Service, a document without apiVersion, a broken file, an empty file, a file with two clean
  // resources.
  writeFileSync(join(dir, "apps", "web.yaml"), `${DEPLOYMENT}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\n${DEPLOYMENT}  minReadySeconds: 5\n`);
  writeFileSync(join(dir, "apps", "with space", "type-meta.yaml"), "kind: Service\nmetadata: {name: x}\n");
  writeFileSync(join(dir, "broken.yaml"), "apiVersion: v1\nkind: ConfigMap\ndata: [\n");
  writeFileSync(join(dir, "empty.yaml"), "# nothing here\n");
  writeFileSync(join(dir, "clean.yaml"), `${DEPLOYMENT.replace(/web/g, "api")}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata: {a: "1"}\n`);
  // The duplicate as an error: an error-level finding with a related location for every format.
  result = await lint(["."], { cwd: dir, rules: { "duplicate-resource": "error" }, onResources: (list) => (resources = list) });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A report's whole text (the machine formats give it in chunks). */
const text = (report: Report) => Array.from(report).join("");
const github = (r: LintResult, o: FormatOptions) => text(githubReport(r, o));
const junit = (r: LintResult, o: FormatOptions) => text(junitReport(r, o));
const sarif = (r: LintResult, o: FormatOptions) => text(sarifReport(r, o));

const all = (r: LintResult) => r.files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.path, d })));

function fakeDiagnostic(over: Partial<Diagnostic>): Diagnostic {
  return {
    ruleId: "duplicate-resource",
    severity: "error",
    message: "m",
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 9,
    resource: { apiVersion: "v1", kind: "Service", name: "s", namespace: "default" },
    path: "metadata.name",
    ...over,
  };
}

function fakeResult(file: string, diagnostics: Diagnostic[]): LintResult {
  const n = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  return {
    version: 1,
    kubernetesVersion: "1.33",
    files: [{ path: file, resources: 1, diagnostics }],
    summary: { files: 1, resources: 1, skipped: 0, errors: n("error"), warnings: n("warning"), infos: n("info") },
  };
}

test("the fixture input produces findings of every kind the formatters must handle", () => {
  const ids = new Set(all(result).map((x) => x.d.ruleId));
  expect([...ids].sort()).toEqual(expect.arrayContaining(["duplicate-resource", "missing-type-meta", "yaml-syntax"]));
  expect(all(result).some((x) => x.d.related)).toBe(true);
  expect(resources).toHaveLength(result.summary.resources);
});

test("custom resources no schema describes are counted by kind, and stylish says their fields were not checked", async () => {
  const unchecked = await lint(["fixtures/scope/unchecked-custom-resources.yaml"], { cwd: ROOT, config: {} });
  expect(unchecked.summary.unchecked).toEqual({ resources: 3, kinds: ["Cluster.postgresql.cnpg.io", "Widget.example.com"] });
  expect(text((await loadFormatter("stylish"))(unchecked, { color: false, rules: ruleDescriptions, width: 200 }))).toContain("3 custom resources not checked against a schema: no CustomResourceDefinition of the input describes Cluster.postgresql.cnpg.io, Widget.example.com");
  const described = await lint(["fixtures/demo"], { cwd: ROOT, config: {} });
  expect(described.summary.unchecked).toBeUndefined();
  // A constraint whose ConstraintTemplate is in the input misses no CRD: Gatekeeper makes it.
  const constraints = await lint(["fixtures/scope/gatekeeper-constraints.yaml"], { cwd: ROOT, config: {} });
  expect(constraints.summary.unchecked).toEqual({ resources: 2, kinds: ["ConstraintTemplate.templates.gatekeeper.sh", "K8sAllowedRepos.constraints.gatekeeper.sh"] });
});

test("stylish counts the duplicates of objects in other files and names --per-directory, which that run does not need", async () => {
  const set = "fixtures/per-directory/flat-samples.set";
  const stylish = await loadFormatter("stylish");
  const together = await lint([set], { cwd: ROOT, config: {} });
  const across = all(together).filter((x) => x.d.ruleId === "duplicate-resource" && x.d.related && x.d.related.file !== x.file).length;
  expect(across).toBeGreaterThan(1);
  expect(text(stylish(together, { color: false, rules: ruleDescriptions, width: 400 }))).toContain(`${across} duplicate-resource findings pair objects of different files: if those files are alternative variants (overlays, samples), --per-directory lints each as its own input`);
  const apart = await lint([set], { cwd: ROOT, config: {}, perDirectory: true });
  expect(all(apart).filter((x) => x.d.ruleId === "duplicate-resource")).toEqual([]);
  expect(text(stylish(apart, { color: false, rules: ruleDescriptions, width: 400 }))).not.toContain("--per-directory");
});

test("stylish counts the other findings that pair objects of unrelated folders, and names --per-directory", async () => {
  const set = "fixtures/per-directory/alternative-modules.set";
  const stylish = await loadFormatter("stylish");
  const together = await lint([set], { cwd: ROOT, config: {} });
  const across = all(together).filter((x) => x.d.ruleId === "scaledobject-hpa-conflict" && x.d.related && x.d.related.file !== x.file);
  expect(across).toHaveLength(1);
  expect(text(stylish(together, { color: false, rules: ruleDescriptions, width: 400 }))).toContain("1 scaledobject-hpa-conflict finding pairs objects of different files: if those files are alternative variants (overlays, samples), --per-directory lints each as its own input");
  const apart = await lint([set], { cwd: ROOT, config: {}, perDirectory: true });
  expect(all(apart).filter((x) => x.d.ruleId === "scaledobject-hpa-conflict")).toEqual([]);
  expect(text(stylish(apart, { color: false, rules: ruleDescriptions, width: 400, perDirectory: true }))).not.toContain("--per-directory");
});

test("stylish does not count findings against a CRD of another folder: every input set sees the CRDs", async () => {
  const set = "fixtures/per-directory/crd-elsewhere.set";
  const together = await lint([set], { cwd: ROOT, config: {} });
  const againstCrd = all(together).filter((x) => x.d.ruleId === "unknown-field" && x.d.related && x.d.related.file !== x.file);
  expect(againstCrd).toHaveLength(1);
  expect(text((await loadFormatter("stylish"))(together, { color: false, rules: ruleDescriptions, width: 400 }))).toContain("1 duplicate-resource finding pairs objects of different files:");
});

test("remote resources of a kustomization are named as not read, in the summary and by stylish", async () => {
  const set = "fixtures/scope/remote-resources.set";
  const result = await lint([set], { cwd: ROOT, config: {} });
  expect(result.summary.unread).toEqual([
    { kustomization: `${set}/kustomization.yaml`, entry: "https://raw.githubusercontent.com/argoproj/argo-cd/v2.9.3/manifests/install.yaml", remote: true },
    { kustomization: `${set}/kustomization.yaml`, entry: "github.com/example/platform/base?ref=v1.2.0", remote: true },
  ]);
  const footer = text((await loadFormatter("stylish"))(result, { color: false, rules: ruleDescriptions, width: 400 }));
  expect(footer).toContain("no problems in 0 resources");
  expect(footer).toContain(`remote, not read: https://raw.githubusercontent.com/argoproj/argo-cd/v2.9.3/manifests/install.yaml, github.com/example/platform/base?ref=v1.2.0 (built by ${set}/kustomization.yaml)`);
  expect(footer).not.toContain("not linted:");
});

test("a custom resource whose CRD does not serve its version is not counted as one no CRD describes", async () => {
  const result = await lint(["fixtures/rules/unknown-api-version/context-unserved.yaml"], { cwd: ROOT, config: {}, context: ["fixtures/context/crds"] });
  expect(result.files[0].diagnostics.map((d) => `${d.line}:${d.ruleId}`)).toContain("6:unknown-api-version");
  expect(result.summary.unchecked).toEqual({ resources: 1, kinds: ["Gizmo.example.org"] });
  const footer = text((await loadFormatter("stylish"))(result, { color: false, rules: ruleDescriptions, width: 200 }));
  expect(footer).toContain("1 custom resource not checked against a schema: no CustomResourceDefinition of the input describes Gizmo.example.org");
  expect(footer).not.toContain("describes HTTPProxy");
});

describe("format registry", () => {
  test.each(FORMATS.map((f) => [f]))("%s loads and formats a result", async (name) => {
    const formatter = await loadFormatter(name);
    expect(text(formatter(result, { color: false, rules: ruleDescriptions }))).toMatch(/\S/);
  });

  test("--format validation lists every format and rejects others with exit 2", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: dir, env: {}, isTTY: false };
    expect(await run(["-f", "xml", "."], io)).toBe(2);
    expect(err.join("")).toContain('unknown format "xml"');
    for (const f of FORMATS) expect(err.join("")).toContain(f);
    expect(await run(["--help"], io)).toBe(0);
    expect(out.join("")).toContain("stylish | json | sarif | github | junit");
  });

  test("every format except stylish is a machine format", () => {
    expect(FORMATS.filter((f) => !MACHINE_FORMATS.has(f))).toEqual(["stylish"]);
  });
});

describe("sarif", () => {
  let log: Log;
  beforeAll(() => {
    log = JSON.parse(sarif(result, { color: false, rules: ruleDescriptions })) as Log;
  });

  test("validates with the official SARIF multitool, with no errors and no warnings", () => {
    const file = join(dir, "out.sarif");
    writeFileSync(file, sarif(result, { color: false, rules: ruleDescriptions }));
    const binary = createRequire(import.meta.url)("@microsoft/sarif-multitool") as string;
    const res = spawnSync(binary, ["validate", file], { encoding: "utf8", env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" } });
    const output = `${res.stdout}${res.stderr}`;
    expect(output).toContain("Analysis completed successfully");
    expect(output.split("\n").filter((l) => /: (error|warning) /.test(l))).toEqual([]);
    expect(res.status).toBe(0);
  });

  test("one run with the whole rule catalogue and its help", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe("k8s-lint");
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules!.map((r) => r.id)).toEqual(allRules.map((r) => r.meta.id));
    for (const [i, rule] of driver.rules!.entries()) {
      const meta = allRules[i].meta;
      expect(rule.shortDescription!.text).toContain(meta.summary.replace(/\.$/, ""));
      expect(rule.fullDescription!.text.length).toBeGreaterThan(20);
      expect(rule.help!.text).toContain(meta.fix.trim());
      expect(rule.helpUri).toBe(`${driver.informationUri}/blob/main/docs/rules/${meta.id}.md`);
      expect(rule.defaultConfiguration!.level).toBe({ error: "error", warning: "warning", info: "note" }[meta.severity]);
    }
  });

  test("every result has its rule index, level, message and an exact region", () => {
    const expected = all(result);
    const results = log.runs[0].results!;
    expect(results).toHaveLength(expected.length);
    results.forEach((r, i) => {
      const { file, d } = expected[i];
      expect(log.runs[0].tool.driver.rules![r.ruleIndex!].id).toBe(r.ruleId);
      expect(r.ruleId).toBe(d.ruleId);
      expect(r.level).toBe({ error: "error", warning: "warning", info: "note" }[d.severity]);
      expect(r.message.text).toContain(d.message);
      const loc = r.locations![0].physicalLocation!;
      expect(loc.artifactLocation).toEqual({ uri: toUri(file), uriBaseId: "%SRCROOT%" });
      expect(loc.region).toEqual({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
      if (d.related) {
        expect(r.relatedLocations![0].physicalLocation!.region).toEqual({ startLine: d.related.line, startColumn: d.related.column });
        expect(r.relatedLocations![0].physicalLocation!.artifactLocation!.uri).toBe(toUri(d.related.file));
      } else expect(r.relatedLocations).toBeUndefined();
    });
  });

  test("uris are relative with forward slashes and encoded segments", () => {
    expect(toUri("apps/with space/type-meta.yaml")).toBe("apps/with%20space/type-meta.yaml");
    expect(toUri("apps\\web.yaml")).toBe("apps/web.yaml");
    expect(toUri("../x/a#b.yaml")).toBe("../x/a%23b.yaml");
    expect(toUri("<stdin>")).toBe("%3Cstdin%3E");
    const uris = log.runs[0].results!.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri!);
    expect(uris).toContain("apps/with%20space/type-meta.yaml");
    for (const uri of uris) expect(uri).not.toMatch(/^\/|\\|^[a-z]+:/i);
  });

  test("a severity changed by configuration shows as the result's level", async () => {
    const changed = await lint(["."], { cwd: dir, rules: { "duplicate-resource": "warning" } });
    const out = JSON.parse(sarif(changed, { color: false, rules: ruleDescriptions })) as Log;
    const dup = out.runs[0].results!.find((r) => r.ruleId === "duplicate-resource")!;
    expect(dup.level).toBe("warning");
  });
});

/** Parses one workflow command the way the runner does (ActionCommand.TryParseV2). */
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  const message = line.trimStart();
  if (!message.startsWith("::")) return undefined;
  const end = message.indexOf("::", 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(" ");
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const prop of info.slice(space + 1).trim().split(",").filter(Boolean)) {
      const eq = prop.indexOf("=");
      if (eq > 0 && eq < prop.length - 1) properties[prop.slice(0, eq)] = unescape(prop.slice(eq + 1), PROPERTY);
    }
  }
  return { command, properties, data: unescape(message.slice(end + 2), DATA) };
}
// The runner's mappings, applied in its order (% last).
const DATA: Array<[string, string]> = [["\r", "%0D"], ["\n", "%0A"], ["%", "%25"]];
const PROPERTY: Array<[string, string]> = [["\r", "%0D"], ["\n", "%0A"], [":", "%3A"], [",", "%2C"], ["%", "%25"]];
function unescape(value: string, mappings: Array<[string, string]>): string {
  return mappings.reduce((v, [token, replacement]) => v.split(replacement).join(token), value);
}

describe("github", () => {
  test("one well-formed workflow command per diagnostic, with position and title", () => {
    const lines = github(result, { color: false, rules: ruleDescriptions }).trimEnd().split("\n");
    const expected = all(result);
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      const { file, d } = expected[i];
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+(,col=\d+)?,endLine=\d+(,endColumn=\d+)?,title=[a-z0-9-]+::.+$/);
      const cmd = parseCommand(line)!;
      expect(cmd.command).toBe({ error: "error", warning: "warning", info: "notice" }[d.severity]);
      expect(cmd.properties).toMatchObject({ file, line: String(d.line), endLine: String(d.endLine), title: d.ruleId });
      if (d.line === d.endLine) {
        expect(cmd.properties.col).toBe(String(d.column));
        expect(Number(cmd.properties.endColumn)).toBe(Math.max(d.column, d.endColumn - 1));
      }
      expect(cmd.data.split("\n")[0]).toBe(d.message);
    });
  });

  test("a message and file name with newline, CR, %, ',' and ':' round-trip through the runner's unescaping (the message's own CR and LF shown as escapes)", () => {
    const message = 'value "a,b: 50%" is wrong\r\nsee: %0A, %25 and %3A literally';
    const file = "dir,with:odd %25 name/x.yaml";
    const out = github(fakeResult(file, [fakeDiagnostic({ message, hint: "set x: 1, y: 2" })]), { color: false, rules: ruleDescriptions });
    expect(out.trimEnd().split("\n")).toHaveLength(1);
    const cmd = parseCommand(out.trimEnd())!;
    expect(cmd.properties.file).toBe(file);
    expect(cmd.properties.title).toBe("duplicate-resource");
    expect(cmd.data).toBe('value "a,b: 50%" is wrong\\r\\nsee: %0A, %25 and %3A literally\nhint: set x: 1, y: 2');
    expect(escapeData("%\r\n:,")).toBe("%25%0D%0A:,");
    expect(escapeProperty("%\r\n:,")).toBe("%25%0D%0A%3A%2C");
  });

  test("warnings are warning, infos are notice; columns only for single-line ranges", () => {
    const out = github(
      fakeResult("a.yaml", [
        fakeDiagnostic({ severity: "warning" }),
        fakeDiagnostic({ severity: "info", line: 4, endLine: 6, endColumn: 2 }),
      ]),
      { color: false, rules: ruleDescriptions },
    );
    const [w, n] = out.trimEnd().split("\n").map((l) => parseCommand(l)!);
    expect(w.command).toBe("warning");
    expect(w.properties).toEqual({ file: "a.yaml", line: "3", col: "5", endLine: "3", endColumn: "8", title: "duplicate-resource" });
    expect(n.command).toBe("notice");
    expect(n.properties).toEqual({ file: "a.yaml", line: "4", endLine: "6", title: "duplicate-resource" });
  });

  test("no findings print nothing", () => {
    expect(github(fakeResult("a.yaml", []), { color: false, rules: ruleDescriptions })).toBe("");
  });
});

describe("junit", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "failure"].includes(name) });
  type Case = { name: string; classname: string; file: string; line?: string; failure?: Array<{ message: string; type: string; "#text": string }>; "system-out"?: string };
  type Suite = { name: string; tests: string; failures: string; testcase: Case[] };
  const parse = (xml: string) => parser.parse(xml) as { testsuites: { tests: string; failures: string; testsuite: Suite[] } };

  test("is well-formed XML with one test case per resource, plus one per file without resources or with file-level problems", () => {
    const xml = junit(result, { color: false, rules: ruleDescriptions, resources });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml).testsuites;
    expect(doc.testsuite.map((s) => s.name)).toEqual(result.files.map((f) => f.path));
    for (const [i, suite] of doc.testsuite.entries()) {
      const file = result.files[i];
      const fileLevel = file.resources === 0 || file.diagnostics.some((d) => !d.resource.kind) ? 1 : 0;
      expect(suite.testcase).toHaveLength(file.resources + fileLevel);
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      for (const c of suite.testcase) expect(c.classname).toBe(file.path);
    }
    const total = doc.testsuite.reduce((n, s) => n + s.testcase.length, 0);
    expect(Number(doc.tests)).toBe(total);
    const web = doc.testsuite.find((s) => s.name === "apps/web.yaml")!;
    expect(web.testcase.map((c) => `${c.name}@${c.line}`)).toEqual(["Deployment default/web@1", "Service default/web@16", "Deployment default/web@24"]);
    // duplicate-resource reports the second copy only.
    expect(web.testcase.map((c) => (c.failure ? c.failure[0].type : ""))).toEqual(["", "", "duplicate-resource"]);
    expect(Number(web.failures)).toBe(1);
    const clean = doc.testsuite.find((s) => s.name === "clean.yaml")!;
    expect(clean.testcase.map((c) => c.name)).toEqual(["Deployment default/api", "ConfigMap default/api"]);
    expect(clean.testcase.every((c) => !c.failure)).toBe(true);
    expect(doc.testsuite.find((s) => s.name === "empty.yaml")!.testcase.map((c) => c.name)).toEqual(["(file)"]);
    expect(doc.testsuite.find((s) => s.name === "broken.yaml")!.testcase[0].failure![0].type).toBe("yaml-syntax");
  });

  test("errors fail a test case; warnings and infos go to its output without failing it", () => {
    const xml = junit(
      fakeResult("a.yaml", [
        fakeDiagnostic({ severity: "warning", message: "w" }),
        fakeDiagnostic({ severity: "info", message: "i", resource: { apiVersion: "v1", kind: "ConfigMap", name: "c", namespace: "default" } }),
      ]),
      { color: false, rules: ruleDescriptions },
    );
    const suite = parse(xml).testsuites.testsuite[0];
    expect(suite.failures).toBe("0");
    expect(suite.testcase.map((c) => c.name)).toEqual(["Service default/s", "ConfigMap default/c"]);
    expect(suite.testcase.every((c) => !c.failure)).toBe(true);
    expect(suite.testcase[0]["system-out"]).toContain("warning w (duplicate-resource)");
  });

  test("XML specials and forbidden control characters are escaped", () => {
    const message = `a <b> & "c" 'd' \u0001 ]]> end`;
    const xml = junit(fakeResult("x&<y>.yaml", [fakeDiagnostic({ message, resource: { apiVersion: "v1", kind: "Service", name: "s<&>", namespace: "n" } })]), { color: false, rules: ruleDescriptions });
    expect(XMLValidator.validate(xml)).toBe(true);
    const c = parse(xml).testsuites.testsuite[0].testcase[0];
    expect(c.name).toBe("Service n/s<&>");
    expect(c.file).toBe("x&<y>.yaml");
    expect(c.failure![0].message).toBe(`a <b> & "c" 'd' \uFFFD ]]> end (duplicate-resource)`);
  });

  test("the CLI passes every resource, so clean resources are test cases too", async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: () => {}, cwd: dir, env: {}, isTTY: false };
    expect(await run(["-f", "junit", "clean.yaml"], io)).toBe(0);
    const suite = parse(out.join("")).testsuites.testsuite[0];
    expect(suite.testcase.map((c) => c.name)).toEqual(["Deployment default/api", "ConfigMap default/api"]);
  });
});
