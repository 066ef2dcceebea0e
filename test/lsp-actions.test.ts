/**
 * The language server's pieces without the protocol: the workspace lint equals the CLI's
 * `lint()`, the suppression edits silence exactly their finding when the engine reads the
 * edited text, fixes and suggestions become code actions, hover finds rules and status reasons.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { discover } from "../src/engine/discover.js";
import { lint } from "../src/engine/lint.js";
import { explainExitCode } from "../src/explain/exit-codes.js";
import { codeActionsFor, fixAllAction, FIX_ALL, type DocumentState } from "../src/lsp/code-actions.js";
import { toLspDiagnostic } from "../src/lsp/convert.js";
import { hoverAt } from "../src/lsp/hover.js";
import { lintLoaded, loadFromDisk, loadText } from "../src/lsp/lint-run.js";
import { Project } from "../src/lsp/project.js";
import { disableLineEdit, ignoreInResourceEdit, applyOffsetEdit } from "../src/lsp/suppressions.js";
import type { Diagnostic } from "../src/types.js";
import { FIXTURES } from "./harness.js";

/** Lints the files of a folder with one file's text replaced, as the server does. */
async function lintWith(dir: string, replaced?: { display: string; text: string }) {
  const files = await discover([dir], { cwd: dir });
  const loaded = files.map((f) => (f.display === replaced?.display ? loadText(f, replaced.text) : loadFromDisk(f)));
  return lintLoaded(loaded, {});
}

const WORKSPACES = ["demo", ...readdirSync(join(FIXTURES, "realworld")).map((d) => `realworld/${d}`), "suppression", "operators"];

test.each(WORKSPACES)("the workspace lint of fixtures/%s equals the CLI's lint()", async (name) => {
  const dir = join(FIXTURES, name);
  expect(await lintWith(dir)).toEqual(await lint(["."], { cwd: dir }));
});

/** Every finding of the demo, each silenced both ways. */
const demoDir = join(FIXTURES, "demo");
const demoFindings: Array<[string, Diagnostic]> = [];
beforeAll(async () => {
  const result = await lint(["."], { cwd: demoDir });
  for (const f of result.files) for (const d of f.diagnostics) demoFindings.push([f.path, d]);
});

const offsetOf = (text: string, d: Diagnostic) => {
  const lines = text.split("\n");
  return lines.slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0) + d.column - 1;
};

/** The findings of a result other than `ruleId`'s on the resource, without positions (edits move lines). */
const others = (result: Awaited<ReturnType<typeof lint>>, file: string, d: Diagnostic) =>
  result.files
    .find((f) => f.path === file)!
    .diagnostics.filter((x) => !(x.ruleId === d.ruleId && x.resource.name === d.resource.name && x.resource.kind === d.resource.kind))
    .map(({ ruleId, message, resource }) => ({ ruleId, message, resource }));

test("each demo finding is silenced by its \"disable for this line\" and its \"ignore in this resource\" edit, and nothing else changes", async () => {
  expect(demoFindings.length).toBeGreaterThan(5);
  const before = await lint(["."], { cwd: demoDir });
  for (const [file, d] of demoFindings) {
    const text = readFileSync(join(demoDir, file), "utf8");
    const edits = [disableLineEdit(text, d.line - 1, d.ruleId, false), ignoreInResourceEdit(text, offsetOf(text, d), d.ruleId, false)];
    for (const edit of edits) {
      expect(edit).toBeDefined();
      const after = await lintWith(demoDir, { display: file, text: applyOffsetEdit(text, edit!) });
      const shown = after.files.find((f) => f.path === file)!.diagnostics;
      expect(shown.filter((x) => x.ruleId === d.ruleId && x.resource.name === d.resource.name && x.resource.kind === d.resource.kind)).toEqual([]);
      expect(shown.filter((x) => x.ruleId === "unused-suppression")).toEqual([]);
      expect(others(after, file, d)).toEqual(others(before, file, d));
    }
  }
});

test("disable for this line adds the rule to a directive already above the line", () => {
  const text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  # k8s-lint-disable-next-line a-rule -- why\n  type: Nodeport\n";
  const edit = disableLineEdit(text, 6, "invalid-type", false)!;
  expect(applyOffsetEdit(text, edit)).toContain("  # k8s-lint-disable-next-line a-rule, invalid-type -- why\n  type: Nodeport\n");
});

test("disable for this line is offered in a document that repeats a key with another value", () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  name: d\ndata: {}\n";
  expect(applyOffsetEdit(text, disableLineEdit(text, 4, "yaml-syntax", false)!)).toContain("  # k8s-lint-disable-next-line yaml-syntax\n  name: d\n");
});

test("no comment is offered inside a block scalar, nor in JSON", () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  script: |\n    echo one\n    echo two\n";
  expect(disableLineEdit(text, 7, "some-rule", false)).toBeUndefined();
  expect(disableLineEdit(text, 5, "some-rule", false)).toBeDefined();
  expect(disableLineEdit('{"apiVersion": "v1"}\n', 0, "some-rule", true)).toBeUndefined();
});

test.each([
  ["flow metadata", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {}\n", '{"annotations": {"k8s-lint.io/ignore": "r"}, name: web}'],
  ["an annotation already there", 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    k8s-lint.io/ignore: "a"\nspec: {}\n', 'k8s-lint.io/ignore: "a,r"'],
  ["other annotations", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    team: x\nspec: {}\n", '  annotations:\n    k8s-lint.io/ignore: "r"\n    team: x\n'],
  ["CRLF line ends", "apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: web\r\nspec: {}\r\n", '  annotations:\r\n    k8s-lint.io/ignore: "r"\r\n  name: web\r\n'],
])("ignore in this resource with %s", (_name, text, expected) => {
  const edit = ignoreInResourceEdit(text, text.indexOf("spec"), "r", false)!;
  expect(applyOffsetEdit(text, edit)).toContain(expected);
});

test("ignore in this resource annotates the item of a List that holds the finding, and works in JSON", () => {
  const list = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: a\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: b\n";
  const edited = applyOffsetEdit(list, ignoreInResourceEdit(list, list.indexOf("name: b"), "r", false)!);
  expect(edited).toContain('    metadata:\n      annotations:\n        k8s-lint.io/ignore: "r"\n      name: b\n');
  const json = '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}, "spec": {}}\n';
  expect(JSON.parse(applyOffsetEdit(json, ignoreInResourceEdit(json, json.indexOf("spec"), "r", true)!)).metadata).toEqual({ name: "a", annotations: { "k8s-lint.io/ignore": "r" } });
});

/** A document state for code actions over a text and its findings. */
function stateOf(text: string, diagnostics: Diagnostic[], only?: string[]): DocumentState {
  const uri = "file:///w/a.yaml";
  return { uri, document: TextDocument.create(uri, "yaml", 1, text), text, bom: false, json: false, diagnostics, only };
}

test("a finding's fix is the preferred quick fix, its suggestions follow, and fix-all applies the safe fixes", async () => {
  const text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ClusterIP: None\n";
  const [found] = (await lintLoaded([loadText({ absolute: "/w/a.yaml", display: "a.yaml" }, text)], {})).files[0].diagnostics.filter((d) => d.ruleId === "unknown-field");
  const at = text.indexOf("ClusterIP");
  // The engine's fix for this finding, as the fix contract shapes it.
  const d: Diagnostic = { ...found, fix: { edits: [{ start: at, end: at + 1, text: "c" }] }, suggestions: [{ description: "remove the field", fix: { edits: [{ start: at - 2, end: at + 16, text: "" }] } }] };
  const lsp = toLspDiagnostic(d, { uriOf: (f) => f });
  const actions = codeActionsFor(stateOf(text, [d]), [{ lsp, data: lsp.data as object }]);
  expect(actions[0]).toMatchObject({ title: 'Rename "ClusterIP" to "clusterIP"', isPreferred: true });
  expect(actions[0].edit!.changes!["file:///w/a.yaml"]).toEqual([{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 3 } }, newText: "c" }]);
  expect(actions[1].title).toBe("Remove the field");
  expect(actions.map((a) => a.title)).toContain("Disable unknown-field for this line");
  const all = fixAllAction(stateOf(text, [d]))!;
  expect(all.kind).toBe(FIX_ALL);
  expect(all.edit!.changes!["file:///w/a.yaml"][0].newText).toContain("  clusterIP: None");
  expect(codeActionsFor(stateOf(text, [d], ["source.fixAll"]), []).map((a) => a.kind)).toEqual([FIX_ALL]);
});

test("hover: a rule id in a suppression comment or the ignore annotation, a status reason and an exit code of a kubectl dump", () => {
  const text = 'metadata:\n  annotations:\n    k8s-lint.io/ignore: "image-latest-tag"\n# k8s-lint-disable-next-line invalid-quantity\nstatus:\n  containerStatuses:\n    - lastState:\n        terminated:\n          reason: OOMKilled\n          exitCode: 137\n';
  expect(hoverAt(text, text.indexOf("image-latest-tag") + 2, "a.yaml")).toContain("**image-latest-tag**");
  expect(hoverAt(text, text.indexOf("invalid-quantity") + 2, "a.yaml")).toContain("**invalid-quantity**");
  expect(hoverAt(text, text.indexOf("OOMKilled") + 2, "a.yaml")).toContain("**OOMKilled**");
  expect(hoverAt(text, text.indexOf("137") + 1, "a.yaml")).toContain(explainExitCode(137).title);
  // Not a status: a container named like a reason.
  expect(hoverAt("spec:\n  containers:\n    - name: Error\n", 30, "a.yaml")).toBeUndefined();
});

test("the editor settings become the CLI's options: target release as --kubernetes-version reads it, presets as repeated --preset", () => {
  const options = new Project(demoDir, { kubernetesVersion: "v1.29.3", preset: "security, production" }).options();
  expect(options).toMatchObject({ kubernetesVersion: "1.29", presets: ["security", "production"] });
  const wrong = new Project(demoDir, { kubernetesVersion: "1.5" });
  expect(wrong.options().kubernetesVersion).toBeUndefined();
  expect(wrong.settingProblems).toEqual([expect.stringContaining("kubernetesVersion")]);
  // Newer than the catalogue: judged as the newest it knows, and said, as the CLI warns.
  const newer = new Project(demoDir, { kubernetesVersion: "9.0" });
  expect(newer.options().kubernetesVersion).toMatch(/^1\.\d+$/);
  expect(newer.settingProblems).toEqual([expect.stringContaining("newer than the newest release")]);
});
