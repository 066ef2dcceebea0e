/**
 * Each stage of the lint pipeline on its own (src/engine/lint.ts only chains them): collect,
 * index, run rules, findings to diagnostics, suppress, result. Inputs are built in memory.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { collect, indexResources, type Collection } from "../src/engine/collect.js";
import { addDiagnostic, addFindings, checkRuleIds, type RuleFinding, type Severities } from "../src/engine/diagnostics.js";
import type { LoadedFile } from "../src/engine/load.js";
import { parseText } from "../src/engine/parse.js";
import { computeQos } from "../src/engine/qos.js";
import { assembleResult, locatedResources } from "../src/engine/result.js";
import { runRules, selectRules } from "../src/engine/run-rules.js";
import { suppress } from "../src/engine/suppress.js";
import type { SourceFile } from "../src/engine/sources.js";
import { defineRule, type Rule } from "../src/rules/types.js";
import type { SeveritySetting } from "../src/types.js";
import { ROOT } from "./harness.js";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

function file(display: string, text: string): LoadedFile {
  return { file: { absolute: `/virtual/${display}`, display }, source: { text }, docs: parseText(text) };
}

const none: Severities = new Map();
const severities = (entries: Record<string, SeveritySetting>): Severities => new Map(Object.entries(entries));

function collected(files: LoadedFile[], contextOnly: string[] = [], sev: Severities = none): Collection {
  return collect({ loaded: files, contextOnly: new Set(contextOnly), defaultNamespace: "default", severities: sev });
}

describe("collect", () => {
  test("files -> source files and resources; syntax problems, Lists and non-manifests on the way", () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - ${SERVICE.trimEnd().replace(/\n/g, "\n    ")}\n`;
    const c = collected([file("a.yaml", `${DEPLOYMENT}---\nkey: [unclosed\n---\njust text\n`), file("b.yaml", list)]);
    expect(c.sources.map((s) => [s.display, s.resources, s.skipped])).toEqual([
      ["a.yaml", 1, 1],
      ["b.yaml", 1, 0],
    ]);
    expect(c.resources.map((r) => [r.id, r.kind, r.file, r.basePath])).toEqual([
      [0, "Deployment", "a.yaml", []],
      [1, "Service", "b.yaml", ["items", 0]],
    ]);
    expect(c.sources[0].diagnostics.map((d) => [d.ruleId, d.line])).toEqual([["yaml-syntax", 14]]);
  });

  test("a configured severity applies to what collect reports; off drops it", () => {
    const text = "apiVersion: v1\nmetadata: {name: x}\n";
    expect(collected([file("a.yaml", text)], [], severities({ "missing-type-meta": "warning" })).sources[0].diagnostics.map((d) => d.severity)).toEqual(["warning"]);
    expect(collected([file("a.yaml", text)], [], severities({ "missing-type-meta": "off" })).sources[0].diagnostics).toEqual([]);
  });

  test("a file that is not text is one yaml-syntax error", () => {
    const c = collected([{ file: { absolute: "/virtual/bin.yaml", display: "bin.yaml" }, source: { problem: "binary file", line: 1, column: 3 }, docs: [] }]);
    expect(c.resources).toEqual([]);
    expect(c.sources[0].diagnostics).toMatchObject([{ ruleId: "yaml-syntax", severity: "error", line: 1, column: 3, endColumn: 4 }]);
  });

  test("index: context resources are looked up, not judged or reported", () => {
    const run = indexResources(collected([file("svc.yaml", SERVICE), file("repo/deploy.yaml", DEPLOYMENT)], ["repo/deploy.yaml"]));
    expect(run.judged.map((r) => r.kind)).toEqual(["Service"]);
    expect(run.reported.map((s) => s.display)).toEqual(["svc.yaml"]);
    expect(run.index.find("Deployment", "default", "web")?.file).toBe("repo/deploy.yaml");
  });
});

describe("run rules", () => {
  const { judged, index } = indexResources(collected([file("a.yaml", DEPLOYMENT + "---\n" + SERVICE)]));
  const settings = { kubernetesVersion: "1.33", defaultNamespace: "default", references: "partial" as const, podSecurity: { level: "restricted" as const, version: "1.33" } };
  const rule = (id: string, check: Rule["check"], extra: { checksPatches?: boolean } = {}) =>
    defineRule({ id, category: "meta", severity: "warning", summary: "", explanation: "", fix: "", preventsStatus: [], ...extra, check });

  test("findings in resource order, then rule order; a throwing rule keeps what it reported and adds internal-error", () => {
    const rules = [
      rule("names", ({ resource, report }) => report({ path: ["metadata", "name"], message: resource.kind })),
      rule("throws", ({ resource, report }) => {
        report({ path: ["kind"], message: "before" });
        if (resource.kind === "Service") throw new Error("boom");
      }),
    ];
    const found = runRules({ resources: judged, selection: selectRules(rules, none), index, settings });
    expect(found.map((f) => [f.ruleId, f.resource.kind, f.finding.message])).toEqual([
      ["names", "Deployment", "Deployment"],
      ["throws", "Deployment", "before"],
      ["names", "Service", "Service"],
      ["throws", "Service", "before"],
      ["internal-error", "Service", 'rule "throws" failed on Service default/web: boom'],
    ]);
  });

  test("a rule set to off does not run; a patch goes only to the rules that check patches", () => {
    const all = rule("all", ({ report }) => report({ path: [], message: "all" }));
    const patches = rule("patches", ({ report }) => report({ path: [], message: "patches" }), { checksPatches: true });
    const off = rule("off", () => {
      throw new Error("ran");
    });
    const patch = collected([file("p.yaml", DEPLOYMENT)]);
    for (const r of patch.resources) Object.defineProperty(r, "partial", { value: true });
    const selection = selectRules([all, patches, off], severities({ off: "off" }));
    expect(runRules({ resources: [...judged.slice(0, 1), ...patch.resources], selection, index, settings }).map((f) => f.finding.message)).toEqual(["all", "patches", "patches"]);
  });
});

describe("findings to diagnostics", () => {
  const c = collected([file("a.yaml", DEPLOYMENT), file("b.yaml", SERVICE)]);
  const [deployment, service] = c.resources;
  const sourceOf = new Map(c.sources.map((s) => [s.display, s]));

  test("a finding is placed at its path; its related resource at that one's", () => {
    const finding: RuleFinding = {
      ruleId: "selector-no-match",
      resource: service,
      finding: { path: ["spec", "selector"], message: "m", hint: "set it", related: { resource: deployment, path: ["spec", "template", "metadata", "labels"], message: "pods" } },
    };
    addFindings([finding], { sourceOf, severities: none });
    const d = sourceOf.get("b.yaml")!.diagnostics.at(-1)!;
    expect(d).toMatchObject({ ruleId: "selector-no-match", line: 6, column: 3, path: "spec.selector", hint: "set it", resource: { kind: "Service", name: "web" } });
    expect(d.related).toEqual({ file: "a.yaml", line: 8, column: 16, resource: deployment.ref, path: "spec.template.metadata.labels", message: "pods" });
  });

  test("severity: the finding's own, else the rule's, moved by a configured level as far as the rule's default moves (engine/severity.ts); off files nothing", () => {
    const src: SourceFile = { ...c.sources[0], diagnostics: [] };
    const problem = { ruleId: "privileged-container", start: 0, end: 3, message: "m", docIndex: 0 };
    addDiagnostic(src, problem, none);
    addDiagnostic(src, { ...problem, severity: "info" }, none);
    // privileged-container is a warning by default: configured error raises its info finding one step.
    addDiagnostic(src, { ...problem, severity: "info" }, severities({ "privileged-container": "error" }));
    expect(addDiagnostic(src, problem, severities({ "privileged-container": "off" }))).toBeUndefined();
    expect(src.diagnostics.map((d) => d.severity)).toEqual(["warning", "info", "warning"]);
  });

  test("an unknown rule id in the severities is a usage error naming the nearest rule", () => {
    expect(() => checkRuleIds(severities({ "privileged-containers": "off" }))).toThrow('unknown rule "privileged-containers" (did you mean "privileged-container"?)');
    expect(() => checkRuleIds(severities({ "privileged-container": "off" }))).not.toThrow();
  });
});

describe("suppress", () => {
  test("a directive silences what it covers; one that silences nothing is reported", async () => {
    const text = `# k8s-lint-disable-next-line image-tag-latest\n${DEPLOYMENT}# k8s-lint-disable missing-probes\n`;
    const c = collected([file("a.yaml", text)]);
    const src = c.sources[0];
    const problem = { ruleId: "image-tag-latest", start: text.indexOf("apiVersion"), end: text.indexOf("apiVersion") + 3, message: "m", docIndex: 0, resourceId: 0 };
    addDiagnostic(src, problem, none);
    addDiagnostic(src, { ...problem, ruleId: "privileged-container" }, none);
    await suppress({ sources: c.sources, resources: c.resources, severities: none });
    expect(src.diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ["privileged-container", 2, "m"],
      ["unused-suppression", 14, '"missing-probes" is not a k8s-lint rule'],
    ]);
  });

  test("config exclusions drop the findings of the resources they match", async () => {
    const c = collected([file("a.yaml", DEPLOYMENT)]);
    addDiagnostic(c.sources[0], { ruleId: "image-tag-latest", start: 0, end: 3, message: "m", docIndex: 0, resourceId: 0 }, none);
    await suppress({ sources: c.sources, resources: c.resources, exclude: [{ kind: "Deploy*", rules: ["*"] }], severities: none });
    expect(c.sources[0].diagnostics).toEqual([]);
  });
});

describe("result", () => {
  const c = collected([file("a.yaml", DEPLOYMENT), file("b.yaml", SERVICE)]);
  const [a] = c.sources;
  for (const [ruleId, start, severity] of [["z-rule", 20, "warning"], ["a-rule", 20, "error"], ["m-rule", 0, "info"]] as const) {
    addDiagnostic(a, { ruleId, start, end: start + 1, message: "m", docIndex: 0, severity }, none);
  }

  test("diagnostics sorted by line, column and rule; counts per severity; internal data kept out of the output", () => {
    const result = assembleResult({ reported: c.sources, resources: 2, kubernetesVersion: "1.33" });
    expect(result.files[0].diagnostics.map((d) => d.ruleId)).toEqual(["m-rule", "a-rule", "z-rule"]);
    // The result's diagnostics are the engine's (not copies): `internal` is there, but not enumerable.
    for (const d of result.files[0].diagnostics) {
      expect(Object.keys(d)).not.toContain("internal");
      expect(JSON.stringify(d)).not.toContain("docIndex");
      expect({ ...d }).not.toHaveProperty("internal");
    }
    expect(result.summary).toEqual({ files: 2, resources: 2, skipped: 0, errors: 1, warnings: 1, infos: 1 });
  });

  test("quiet keeps errors only", () => {
    const result = assembleResult({ reported: c.sources, resources: 2, kubernetesVersion: "1.33", quiet: true });
    expect(result.files[0].diagnostics.map((d) => d.ruleId)).toEqual(["a-rule"]);
    expect(result.summary).toMatchObject({ errors: 1, warnings: 0, infos: 0 });
  });

  test("each resource with the line it starts at", () => {
    const sourceOf = new Map(c.sources.map((s) => [s.display, s]));
    expect(locatedResources(c.resources, sourceOf).map((r) => [r.file, r.line, r.resource.kind])).toEqual([
      ["a.yaml", 1, "Deployment"],
      ["b.yaml", 1, "Service"],
    ]);
  });
});

test("qos: one row per resource that runs pods, at the line of its metadata.name (where lint's findings about a whole resource are)", () => {
  const c = collected([file("a.yaml", `${SERVICE}---\n${DEPLOYMENT}`)]);
  const rows = computeQos(c.resources, new Map(c.sources.map((s) => [s.display, s])));
  expect(rows).toEqual([
    {
      file: "a.yaml",
      line: 12,
      ...c.resources[1].ref,
      qosClass: "BestEffort",
      reason: "no container sets a cpu or memory request or limit",
    },
  ]);
});

test("no function in src/engine takes more than 4 parameters", () => {
  const dir = join(ROOT, "src", "engine");
  const tooMany: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".ts"))) {
    const source = ts.createSourceFile(name, readFileSync(join(dir, name), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && !ts.isFunctionTypeNode(node) && node.parameters.length > 4) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        tooMany.push(`${name}:${line + 1} (${node.parameters.length} parameters)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(tooMany).toEqual([]);
});
