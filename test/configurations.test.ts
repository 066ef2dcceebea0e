/**
 * Client-side configuration files and kustomize trees: `k8s-lint .` in a tree with
 * kustomizations, patches, kubeconfig, kind, kubeadm and kubelet files reports only the
 * findings marked in the real manifests, and lists the configuration documents it recognised.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { lint } from "../src/engine/lint.js";
import { configurationFormat } from "../src/models/config-files.js";
import { withoutNameHash } from "../src/models/kustomization.js";
import type { LintResult } from "../src/types.js";
import { collectFixtures, compare, ROOT } from "./harness.js";

const TREE = "fixtures/kustomize/shop.set";
const BIN = join(ROOT, "dist/bin/k8s-lint.js");

beforeAll(() => {
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

function cli(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: join(ROOT, TREE), encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

/** The kinds of a file's documents as written ("" for a document without one). */
function writtenKinds(path: string): string[] {
  return parseAllDocuments(readFileSync(join(ROOT, path), "utf8")).map((d) => String((d.toJS() as { kind?: string } | null)?.kind ?? ""));
}

test("`k8s-lint .` in a kustomize tree reports exactly the marked findings of the real manifests", () => {
  const r = cli([".", "--format", "json"]);
  expect(r.stderr).toBe("");
  const out = JSON.parse(r.stdout) as LintResult;
  // Paths are relative to the tree; the fixture markers name them from the repository root.
  for (const f of out.files) f.path = `${TREE}/${f.path}`;
  const fixture = collectFixtures().find((c) => c.name === "kustomize/shop.set")!;
  expect(compare(fixture, out)).toEqual({ missing: [], extra: [], outOfFile: [] });
  expect(r.status).toBe(1);
});

test("every configuration document of the tree is listed with its kind, and none is linted", async () => {
  const result = await lint([TREE], { cwd: ROOT, config: {} });
  const configFiles = result.files.filter((f) => f.path.includes("/clusters/") || f.path.includes("/transformers/") || f.path.endsWith("/kustomization.yaml"));
  expect(configFiles.length).toBeGreaterThan(5);
  for (const f of configFiles) {
    const written = writtenKinds(f.path).map((k) => k || "Kustomization");
    expect({ path: f.path, kinds: (f.configurations ?? []).map((c) => c.kind), diagnostics: f.diagnostics, resources: f.resources }).toEqual({
      path: f.path,
      kinds: written,
      diagnostics: [],
      resources: 0,
    });
  }
  const listed = result.files.reduce((n, f) => n + (f.configurations?.length ?? 0), 0);
  expect(result.summary.configurations).toBe(listed);
});

test("--explain lists the configuration documents; the plain output does not", async () => {
  const result = await lint(["."], { cwd: join(ROOT, TREE), config: {} });
  const explained = cli([".", "--explain"]).stdout;
  const rows = result.files.flatMap((f) => (f.configurations ?? []).map((c) => `${f.path}:${c.line}  ${c.kind} (${c.tool})`));
  expect(explained).toContain(`${rows.length} configuration documents recognised, not linted`);
  for (const row of rows) expect(explained).toContain(row);
  expect(cli(["."]).stdout).not.toContain("configuration document");
});

test("a run that lints no resource but sets documents aside says how many, and where --explain lists them", async () => {
  const dir = join(ROOT, TREE, "clusters");
  const result = await lint(["."], { cwd: dir, config: {} });
  const setAside = result.files.reduce((n, f) => n + (f.configurations?.length ?? 0), 0);
  expect({ resources: result.summary.resources, setAside: setAside > 0 }).toEqual({ resources: 0, setAside: true });
  const plain = spawnSync(process.execPath, [BIN, "."], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", COLUMNS: "200" } }).stdout.replace(/\s+/g, " ");
  expect(plain).toContain(`${setAside} documents recognised as client-side configuration or a test's inputs and set aside (--explain lists them)`);
});

test("a misspelt reference beside a generator is reported with the generated name as the fix", async () => {
  const result = await lint([TREE], { cwd: ROOT, config: {} });
  const [typo] = result.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === "configmap-ref-missing"));
  expect({ message: typo.message, hint: typo.hint }).toEqual({
    message: 'ConfigMap "web-evn" (envFrom) is not defined in namespace "default"',
    hint: 'rename the reference to "web-env" (made by a kustomization generator) if that is the one meant',
  });
});

test("a patch file linted without its kustomization is an object like any other, unless its opening comment says what patch it is", async () => {
  // The fixture opens with "# A strategic-merge patch: ...": that says it, kustomization or not.
  const said = await lint([`${TREE}/overlays/prod/replicas.yaml`], { cwd: ROOT, config: {} });
  expect(said.files[0].diagnostics.map((d) => d.ruleId)).not.toContain("missing-required-field");
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-patch-"));
  const text = readFileSync(join(ROOT, TREE, "overlays/prod/replicas.yaml"), "utf8").replace(/^#.*\n/gm, "");
  writeFileSync(join(dir, "replicas.yaml"), text);
  const unsaid = await lint(["replicas.yaml"], { cwd: dir, config: {} });
  expect(unsaid.files[0].diagnostics.map((d) => d.ruleId)).toContain("missing-required-field");
});

test("the files a generator reads are listed as its data, each document with the kind it writes, and not linted", async () => {
  const result = await lint(["fixtures/kustomize/generator-data.set"], { cwd: ROOT, config: {} });
  const data = result.files.filter((f) => !/(kustomization|stray-config)\.yaml$/.test(f.path));
  expect(data.map((f) => ({ path: f.path.split("/").pop(), kinds: (f.configurations ?? []).map((c) => `${c.kind} (${c.tool})`), diagnostics: f.diagnostics, resources: f.resources }))).toEqual([
    { path: "alerts.yaml", kinds: [], diagnostics: [], resources: 0 },
    { path: "controller-manager-config.yaml", kinds: ["ControllerManagerConfig (kustomize configMapGenerator file)"], diagnostics: [], resources: 0 },
    { path: "credentials.yaml", kinds: [], diagnostics: [], resources: 0 },
    { path: "katib-config.yaml", kinds: ["KatibConfig (kustomize configMapGenerator file)"], diagnostics: [], resources: 0 },
  ]);
});

test("runs without configuration documents have no configurations fields (the JSON contract only grows)", async () => {
  const result = await lint(["fixtures/demo"], { cwd: ROOT, config: {} });
  expect(result.summary).not.toHaveProperty("configurations");
  for (const f of result.files) expect(f).not.toHaveProperty("configurations");
});

test.each([
  ["settings-7fk2d9g5h8", "settings"],
  ["app-settings-m2t9g4h5k6", "app-settings"],
  ["settings", undefined],
  ["settings-7fk2d9g5h", undefined],
  // 0, 1, 3, a and e never appear in a kustomize hash.
  ["settings-7fk2d9g5h0", undefined],
])("withoutNameHash(%p) is %p", (name, expected) => {
  expect(withoutNameHash(name)).toBe(expected);
});

test.each([
  ["kustomize.config.k8s.io/v1alpha1", "Component", "kustomize"],
  ["builtin", "PatchTransformer", "kustomize"],
  ["v1", "Config", "kubectl (kubeconfig)"],
  // kube-scheduler's legacy --policy-config-file (removed in 1.23): kubernetes/examples keeps two.
  ["v1", "Policy", "kube-scheduler (legacy policy file)"],
  ["kubeadm.k8s.io/v1beta3", "JoinConfiguration", "kubeadm"],
  ["apiserver.config.k8s.io/v1", "EncryptionConfiguration", "kube-apiserver"],
  ["audit.k8s.io/v1", "Policy", "kube-apiserver"],
  ["kubescheduler.config.k8s.io/v1", "KubeSchedulerConfiguration", "kube-scheduler"],
  ["config.kubernetes.io/v1", "ResourceList", "KRM function"],
  ["skaffold/v4beta6", "Config", "skaffold"],
  ["install.istio.io/v1alpha1", "IstioOperator", "istioctl"],
  ["kuttl.dev/v1beta1", "TestAssert", "kuttl"],
  ["test.gatekeeper.sh/v1alpha1", "Suite", "gator"],
  ["cli.kyverno.io/v1alpha1", "Test", "kyverno CLI"],
  ["gator.gatekeeper.sh/v1alpha1", "PolicyCatalog", "gator"],
  ["admission.k8s.io/v1", "AdmissionReview", "admission webhook"],
  ["config.kwok.x-k8s.io/v1alpha1", "KwokConfiguration", "kwok"],
  ["controller-runtime.sigs.k8s.io/v1alpha1", "ControllerManagerConfig", "controller-runtime manager"],
  ["admission.k8s.io/v1beta1", "AdmissionReview", "admission webhook"],
  ["apiextensions.k8s.io/v1", "ConversionReview", "conversion webhook"],
  ["imagepolicy.k8s.io/v1alpha1", "ImageReview", "image policy webhook"],
  ["eksctl.io/v1alpha5", "ClusterConfig", "eksctl"],
  // eks-workshop-v2's hybrid-nodes module keeps one beside its manifests.
  ["node.eks.aws/v1alpha1", "NodeConfig", "nodeadm"],
  // knative keeps kapp rebase rules beside its test manifests.
  ["kapp.k14s.io/v1alpha1", "Config", "kapp"],
  ["k0sctl.k0sproject.io/v1beta1", "Cluster", "k0sctl"],
  // crossplane's package metadata (crossplane.yaml in a package folder), built into an xpkg, never applied.
  ["meta.pkg.crossplane.io/v1", "Configuration", "Crossplane package metadata (crossplane xpkg build)"],
  // ingress-nginx's cmd/plugin/krew.yaml, which krew-release-bot renders.
  ["krew.googlecontainertools.github.com/v1alpha2", "Plugin", "krew"],
  // grafana/loki's production/helm tests: one test plan per scenario beside the chart.
  ["helm-chart-toolbox.grafana.com/v1", "TestPlan", "helm-test (Grafana helm-chart-toolbox)"],
  // kubernetes/kops keeps hundreds of cluster specs as test inputs.
  ["kops.k8s.io/v1alpha2", "InstanceGroup", "kops"],
  // Every cluster-api provider keeps a metadata.yaml of its releases at its root.
  ["clusterctl.cluster.x-k8s.io/v1alpha3", "Metadata", "clusterctl"],
  ["chainsaw.kyverno.io/v1alpha1", "TestStep", "chainsaw"],
  // gateway-api keeps every implementation's conformance report, and a metadata file per proposal.
  ["gateway.networking.k8s.io/v1", "ConformanceReport", "Gateway API conformance suite"],
  ["internal.gateway.networking.k8s.io/v1alpha1", "GEPDetails", "Gateway API docs"],
  ["gateway.networking.k8s.io/v1", "Gateway", undefined],
  // Backstage's catalog-info.yaml sits at the root of many repositories (elastic/cloud-on-k8s).
  ["backstage.io/v1alpha1", "Component", "Backstage catalog"],
  ["scaffolder.backstage.io/v1beta3", "Template", "Backstage scaffolder"],
  // Carvel: vendir's vendir.yml and lock file, kctrl's package-build.yml.
  ["vendir.k14s.io/v1alpha1", "LockConfig", "vendir"],
  ["kctrl.carvel.dev/v1alpha1", "PackageBuild", "kctrl"],
  // Envoy Gateway's controller configuration; its other kinds are custom resources.
  ["gateway.envoyproxy.io/v1alpha1", "EnvoyGateway", "Envoy Gateway"],
  ["gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", undefined],
  // Component config (KEP-115): jobset's controller configuration, cert-manager's; a webhook configuration of such a group is served.
  ["config.jobset.x-k8s.io/v1alpha1", "Configuration", "component configuration (config.jobset.x-k8s.io)"],
  ["controller.config.cert-manager.io/v1alpha1", "ControllerConfiguration", "component configuration (controller.config.cert-manager.io)"],
  ["config.karmada.io/v1alpha1", "ResourceInterpreterWebhookConfiguration", undefined],
  ["config.gatekeeper.sh/v1alpha1", "Config", undefined],
  // grafana/tempo's jsonnet-compiled environments keep Tanka's spec.json beside the rendered manifests.
  ["tanka.dev/v1alpha1", "Environment", "Tanka"],
  // cloudnative-pg's config/scorecard: operator-sdk's scorecard test configuration.
  ["scorecard.operatorframework.io/v1alpha3", "Configuration", "operator-sdk scorecard"],
  // descheduler's examples/ are policies without metadata.
  ["descheduler/v1alpha2", "DeschedulerPolicy", "descheduler"],
  // kube-state-metrics reads its custom resource state file without an apiVersion.
  ["", "CustomResourceStateMetrics", "kube-state-metrics"],
  ["", "Deployment", undefined],
  // API objects: core kinds, and custom resources that share a kind name with a configuration.
  ["v1", "ConfigMap", undefined],
  ["kustomize.toolkit.fluxcd.io/v1", "Kustomization", undefined],
  ["cluster.x-k8s.io/v1beta1", "Cluster", undefined],
  ["policy/v1", "PodDisruptionBudget", undefined],
  ["apiextensions.k8s.io/v1", "CustomResourceDefinition", undefined],
  ["authorization.k8s.io/v1", "SubjectAccessReview", undefined],
  // kwok's simulation objects (Stage, Attach...) are custom resources served in the cluster.
  ["kwok.x-k8s.io/v1alpha1", "Stage", undefined],
  ["networking.istio.io/v1", "VirtualService", undefined],
])("configurationFormat(%p, %p) is read by %p", (apiVersion, kind, tool) => {
  expect(configurationFormat(apiVersion, kind)?.tool).toBe(tool);
});

describe("kustomization-path-missing reads the disk, not the input", () => {
  const ENTRIES = "fixtures/rules/kustomization-path-missing/entries.set";
  const missing = (result: LintResult) => result.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === "kustomization-path-missing").map((d) => `${f.path}:${d.line}`));

  test("files an ignore pattern leaves out still exist for the entries that name them", async () => {
    const all = await lint([ENTRIES], { cwd: ROOT, config: {} });
    const ignoring = await lint([ENTRIES], { cwd: ROOT, config: {}, ignorePatterns: ["**/base/**", "**/patches/**"] });
    expect(missing(all)).toHaveLength(6);
    expect(missing(ignoring)).toEqual(missing(all));
  });

  test("a kustomization read from stdin has no folder: its paths are not judged", () => {
    const text = "resources:\n  - missing.yaml\n";
    for (const extra of [[], ["--stdin-filename", `${ENTRIES}/kustomization.yaml`]]) {
      const r = spawnSync(process.execPath, [BIN, "-", ...extra, "--format", "json"], { cwd: ROOT, input: text, encoding: "utf8" });
      expect(missing(JSON.parse(r.stdout) as LintResult)).toEqual([]);
    }
  });
});

test("a `configurations` file outside the kustomization's folder is read within its repository, never beyond it", async () => {
  // A Rollout labelled by commonLabels only through the configuration's field specs; its Service selects the added label.
  const transform = "commonLabels:\n  - {path: spec/template/metadata/labels, create: true, kind: Rollout}\n  - {path: spec/selector/matchLabels, create: true, kind: Rollout}\n";
  const manifests = [
    "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: demo}\nspec:\n  selector: {matchLabels: {app: demo}}\n  strategy: {blueGreen: {activeService: demo}}\n  template:\n    metadata: {labels: {app: demo}}\n    spec: {containers: [{name: demo, image: registry.example.test/demo:1.0}]}",
    "apiVersion: v1\nkind: Service\nmetadata: {name: demo}\nspec:\n  selector: {app: demo, foo: bar}\n  ports: [{port: 80}]",
  ].join("\n---\n");
  const mismatches = async (configuration: string) => {
    const top = mkdtempSync(join(tmpdir(), "k8s-lint-configurations-"));
    const repo = join(top, "repo");
    for (const dir of [repo, join(repo, ".git"), join(repo, "example")]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(top, "outside.yaml"), transform);
    writeFileSync(join(repo, "inside.yaml"), transform);
    writeFileSync(join(repo, "example", "kustomization.yaml"), `configurations: [${configuration}]\ncommonLabels: {foo: bar}\nresources: [app.yaml]\n`);
    writeFileSync(join(repo, "example", "app.yaml"), manifests);
    const result = await lint([join(repo, "example")], { cwd: repo, config: {}, rules: { "rollout-service-selector-mismatch": "error" } });
    return result.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === "rollout-service-selector-mismatch")).length;
  };
  expect(await mismatches("../inside.yaml")).toBe(0);
  expect(await mismatches("../../outside.yaml")).toBe(1);
});
