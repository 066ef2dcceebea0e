/**
 * `k8s-lint lsp` driven over stdio by a real LSP client (vscode-jsonrpc's protocol connection):
 * diagnostics at the ranges the CLI's JSON output gives for the same workspace, cross-file
 * re-publication, code actions applied, hover. Expected findings always come from running the
 * CLI on the workspace as it is on disk at that moment.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CodeAction, Diagnostic, Hover, TextEdit } from "vscode-languageserver-protocol";
import { explainRule, explainStatus, findStatusTopic } from "../src/explain/lookup.js";
import { getRule } from "../src/engine/registry.js";
import type { LintResult } from "../src/types.js";
import { BIN, ensureBuilt, LspTestClient, ROOT_DIR, uriOf } from "./lsp-client.js";

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** What the CLI reports for the workspace now, per absolute file path, in the LSP's terms. */
function cliExpectations(root: string): Map<string, Array<Pick<Diagnostic, "range" | "code" | "severity" | "message">>> {
  const r = spawnSync(process.execPath, [BIN, ".", "-f", "json"], { cwd: root, encoding: "utf8" });
  const result = JSON.parse(r.stdout) as LintResult;
  const out = new Map<string, Array<Pick<Diagnostic, "range" | "code" | "severity" | "message">>>();
  for (const f of result.files) {
    out.set(
      join(root, f.path),
      f.diagnostics.map((d) => ({
        range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } },
        code: d.ruleId,
        severity: SEVERITY[d.severity],
        message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
      })),
    );
  }
  return out;
}

const shape = (ds: Diagnostic[]) => ds.map(({ range, code, severity, message }) => ({ range, code, severity, message }));

/** The text after the edits of one file (LSP ranges, applied from the end). */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  const offset = (line: number, character: number) => {
    let at = 0;
    for (let l = 0; l < line; l++) at = text.indexOf("\n", at) + 1;
    return at + character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start.line, b.range.start.character) - offset(a.range.start.line, a.range.start.character));
  for (const e of sorted) text = text.slice(0, offset(e.range.start.line, e.range.start.character)) + e.newText + text.slice(offset(e.range.end.line, e.range.end.character));
  return text;
}

let root: string;
let client: LspTestClient;
const demo = (name: string) => readFileSync(join(ROOT_DIR, "fixtures/demo", name), "utf8");

beforeAll(async () => {
  ensureBuilt();
  root = mkdtempSync(join(tmpdir(), "lsp-test-"));
  // The demo application, with its ConfigMap moved to a file of its own: a cross-file pair.
  const [configMap, ...rest] = demo("web.yaml").split("\n---\n");
  mkdirSync(join(root, "config"));
  writeFileSync(join(root, "config/web-config.yaml"), `${configMap}\n`);
  writeFileSync(join(root, "web.yaml"), rest.join("\n---\n"));
  writeFileSync(join(root, "database.yaml"), demo("database.yaml"));
  writeFileSync(join(root, "uploads.yaml"), demo("uploads.yaml"));
  mkdirSync(join(root, "dumps"));
  writeFileSync(join(root, "dumps/pods.yaml"), readFileSync(join(ROOT_DIR, "fixtures/diagnose/data.yaml"), "utf8"));
  client = await LspTestClient.start(root);
});

afterAll(async () => {
  await client?.stop();
  rmSync(root, { recursive: true, force: true });
});

test("an opened document gets the diagnostics the CLI reports, at the same ranges, with rule, docs link and related location", async () => {
  const expected = cliExpectations(root);
  for (const name of ["web.yaml", "database.yaml"]) {
    const path = join(root, name);
    const published = client.waitFor(uriOf(path));
    await client.open(uriOf(path), readFileSync(path, "utf8"));
    const got = await published;
    expect(expected.get(path)!.length).toBeGreaterThan(0);
    expect(shape(got)).toEqual(expected.get(path));
    for (const d of got) expect(d.codeDescription?.href).toMatch(new RegExp(`/docs/rules/${d.code}\\.md$`));
  }
  // The cross-file finding links to the ConfigMap in the other file.
  const missingKey = client.diagnostics.get(uriOf(join(root, "web.yaml")))!.find((d) => d.code === "configmap-key-missing")!;
  expect(missingKey.relatedInformation?.[0].location.uri).toBe(uriOf(join(root, "config/web-config.yaml")));
  const cli = JSON.parse(spawnSync(process.execPath, [BIN, "web.yaml", "config", "-f", "json"], { cwd: root, encoding: "utf8" }).stdout) as LintResult;
  const related = cli.files.find((f) => f.path === "web.yaml")!.diagnostics.find((d) => d.ruleId === "configmap-key-missing")!.related!;
  expect(missingKey.relatedInformation?.[0].location.range.start).toEqual({ line: related.line - 1, character: related.column - 1 });
});

test("an edit of the ConfigMap in another open file re-publishes the Deployment's file", async () => {
  const web = uriOf(join(root, "web.yaml"));
  const configPath = join(root, "config/web-config.yaml");
  await client.open(uriOf(configPath), readFileSync(configPath, "utf8"));
  expect(client.diagnostics.get(web)!.some((d) => d.code === "configmap-key-missing")).toBe(true);
  const added = readFileSync(configPath, "utf8").replace("  LOG_LEVEL: info\n", "  LOG_LEVEL: info\n  FEATURE_FLAGS: all\n");
  const republished = client.waitFor(web, (ds) => !ds.some((d) => d.code === "configmap-key-missing"));
  await client.change(uriOf(configPath), added);
  const got = await republished;
  // Unsaved: the CLI sees it once it is on disk.
  writeFileSync(configPath, added);
  expect(shape(got)).toEqual(cliExpectations(root).get(join(root, "web.yaml")));
});

test("a change on disk of a file that is not open (a watched-file event) re-publishes the open files it affects", async () => {
  const web = uriOf(join(root, "web.yaml"));
  const configPath = join(root, "config/web-config.yaml");
  await client.close(uriOf(configPath));
  const removed = readFileSync(configPath, "utf8").replace("  FEATURE_FLAGS: all\n", "");
  writeFileSync(configPath, removed);
  const expected = cliExpectations(root).get(join(root, "web.yaml"))!;
  expect(expected.some((d) => d.code === "configmap-key-missing")).toBe(true);
  const republished = client.waitFor(web, (ds) => JSON.stringify(shape(ds)) === JSON.stringify(expected));
  await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(configPath), type: 2 }] });
  expect(shape(await republished)).toEqual(expected);
});

test("code actions: disable for this line and ignore in this resource, applied, silence the finding as the CLI reads it", async () => {
  const path = join(root, "web.yaml");
  const uri = uriOf(path);
  const latest = client.diagnostics.get(uri)!.find((d) => d.code === "image-latest-tag")!;
  const actions = (await client.connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri },
    range: latest.range,
    context: { diagnostics: [latest] },
  })) as CodeAction[];
  const titles = actions.map((a) => a.title);
  expect(titles).toEqual(expect.arrayContaining(["Disable image-latest-tag for this line", 'Ignore image-latest-tag in Deployment "shop-web"']));
  for (const title of ["Disable image-latest-tag for this line", 'Ignore image-latest-tag in Deployment "shop-web"']) {
    const original = readFileSync(path, "utf8");
    const edited = applyTextEdits(original, actions.find((a) => a.title === title)!.edit!.changes![uri]);
    const gone = client.waitFor(uri, (ds) => !ds.some((d) => d.code === "image-latest-tag"));
    await client.change(uri, edited);
    const got = await gone;
    writeFileSync(path, edited);
    const expected = cliExpectations(root).get(path)!;
    // No unused-suppression either: the directive silences exactly that finding.
    expect(expected.some((d) => d.code === "image-latest-tag" || d.code === "unused-suppression")).toBe(false);
    expect(shape(got)).toEqual(expected);
    writeFileSync(path, original);
    const back = client.waitFor(uri, (ds) => ds.some((d) => d.code === "image-latest-tag"));
    await client.change(uri, original);
    await back;
  }
});

test("the quick fix of a finding is the fix the CLI's JSON output carries; applied, the finding is gone as the CLI sees it", async () => {
  const path = join(root, "web.yaml");
  const uri = uriOf(path);
  const original = readFileSync(path, "utf8");
  const cli = JSON.parse(spawnSync(process.execPath, [BIN, ".", "-f", "json"], { cwd: root, encoding: "utf8" }).stdout) as LintResult;
  const fixable = cli.files.find((f) => f.path === "web.yaml")!.diagnostics.find((d) => d.fix)!;
  expect(fixable).toBeDefined();
  const shown = client.diagnostics.get(uri)!.find((d) => d.code === fixable.ruleId && d.range.start.line === fixable.line - 1)!;
  const actions = (await client.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: shown.range, context: { diagnostics: [shown] } })) as CodeAction[];
  const preferred = actions.find((a) => a.isPreferred)!;
  expect(preferred.kind).toBe("quickfix");
  // The same text as the CLI's edits (offsets into the file) give.
  let byCli = original;
  for (const e of [...fixable.fix!.edits].sort((a, b) => b.start - a.start)) byCli = byCli.slice(0, e.start) + e.text + byCli.slice(e.end);
  const fixed = applyTextEdits(original, preferred.edit!.changes![uri]);
  expect(fixed).toBe(byCli);
  const gone = client.waitFor(uri, (ds) => !ds.some((d) => d.code === fixable.ruleId && d.range.start.line === fixable.line - 1));
  await client.change(uri, fixed);
  const got = await gone;
  writeFileSync(path, fixed);
  expect(shape(got)).toEqual(cliExpectations(root).get(path));
  writeFileSync(path, original);
  const back = client.waitFor(uri, (ds) => ds.some((d) => d.code === fixable.ruleId));
  await client.change(uri, original);
  await back;
});

test("hover on a finding shows the rule's explanation; on a pod status reason in a kubectl dump, the advisor topic", async () => {
  const uri = uriOf(join(root, "web.yaml"));
  const finding = client.diagnostics.get(uri)!.find((d) => d.code === "invalid-quantity")!;
  const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: finding.range.start })) as Hover;
  const value = (hover.contents as { value: string }).value;
  expect(value).toContain(explainRule(getRule("invalid-quantity")!).explanation.trim());

  const dumpPath = join(root, "dumps/pods.yaml");
  const dump = readFileSync(dumpPath, "utf8");
  await client.open(uriOf(dumpPath), dump);
  const lines = dump.split("\n");
  const line = lines.findIndex((l) => /^\s+reason: CrashLoopBackOff\s*$/.test(l));
  expect(line).toBeGreaterThan(-1);
  const character = lines[line].indexOf("CrashLoopBackOff") + 3;
  const statusHover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: uriOf(dumpPath) }, position: { line, character } })) as Hover;
  expect((statusHover.contents as { value: string }).value).toContain(explainStatus(findStatusTopic("CrashLoopBackOff")!).meaning);
});

test("a config file written and reported through a watched-file event is applied to the open documents", async () => {
  const uri = uriOf(join(root, "web.yaml"));
  expect(client.diagnostics.get(uri)!.some((d) => d.code === "image-latest-tag")).toBe(true);
  const configPath = join(root, ".k8s-lint.yaml");
  writeFileSync(configPath, "rules:\n  image-latest-tag: off\n");
  const applied = client.waitFor(uri, (ds) => !ds.some((d) => d.code === "image-latest-tag"));
  await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(configPath), type: 1 }] });
  expect(shape(await applied)).toEqual(cliExpectations(root).get(join(root, "web.yaml")));
  rmSync(configPath);
  const restored = client.waitFor(uri, (ds) => ds.some((d) => d.code === "image-latest-tag"));
  await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(configPath), type: 3 }] });
  await restored;
});

test("a client that declares no capabilities, and a document outside every workspace folder: linted alone, as the CLI lints that file", async () => {
  const outside = mkdtempSync(join(tmpdir(), "lsp-test-outside-"));
  const minimal = await LspTestClient.start(root, {}, false);
  try {
    const path = join(outside, "web.yaml");
    writeFileSync(path, readFileSync(join(root, "web.yaml"), "utf8"));
    const published = minimal.waitFor(uriOf(path));
    await minimal.open(uriOf(path), readFileSync(path, "utf8"));
    const expected = cliExpectations(outside).get(path)!;
    // Alone, without its ConfigMap file: what the CLI says of this file by itself.
    expect(expected).not.toEqual(cliExpectations(root).get(join(root, "web.yaml")));
    expect(shape(await published)).toEqual(expected);
  } finally {
    await minimal.stop();
    rmSync(outside, { recursive: true, force: true });
  }
});
