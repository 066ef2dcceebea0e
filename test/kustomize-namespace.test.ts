/**
 * Kustomize's namespace transformer on one object: the fields it sets besides metadata.namespace
 * (api/internal/konfig/builtinpluginconsts namespace.go, api/filters/namespace roleBindingHack).
 * What the rules then report is held by the fixtures named kustomize-namespace.set,
 * kustomize-binding-subjects.set and flux-target-namespace.set.
 */
import { withNamespace } from "../src/models/kustomize-namespace.js";
import { withReferencedNamespaces, type Referral, type ReferralBuild } from "../src/models/kustomize-nameref.js";

test("a v1 Namespace is renamed to the kustomization's namespace; the object as written is left alone", () => {
  const raw = { apiVersion: "v1", kind: "Namespace", metadata: { name: "_", labels: { team: "a" } } };
  const { built, paths } = withNamespace(raw, "network");
  expect(built).toEqual({ apiVersion: "v1", kind: "Namespace", metadata: { name: "network", labels: { team: "a" } } });
  expect(paths).toEqual([["metadata", "name"]]);
  expect(raw.metadata.name).toBe("_");
});

test("a metadata.namespace written on a namespaced object is replaced; one unset is left to the engine; a cluster-scoped object keeps its own", () => {
  const config = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings", namespace: "health" } };
  expect(withNamespace(config, "health-api")).toEqual({ built: { ...config, metadata: { name: "settings", namespace: "health-api" } }, paths: [["metadata", "namespace"]] });
  const unset = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings" } };
  expect(withNamespace(unset, "health-api").built).toBe(unset);
  const role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "reader", namespace: "health" } };
  expect(withNamespace(role, "health-api").built).toBe(role);
});

test("nothing changes when the name is already the namespace, or for a Namespace of another API", () => {
  const same = { apiVersion: "v1", kind: "Namespace", metadata: { name: "network" } };
  expect(withNamespace(same, "network")).toEqual({ built: same, paths: [] });
  const custom = { apiVersion: "example.com/v1", kind: "Namespace", metadata: { name: "_" } };
  expect(withNamespace(custom, "network").built).toBe(custom);
});

test("an APIService's service gets the namespace (created in the stanza); one served locally keeps none", () => {
  const remote = { apiVersion: "apiregistration.k8s.io/v1", kind: "APIService", metadata: { name: "v1beta1.metrics.k8s.io" }, spec: { service: { name: "metrics-server" } } };
  expect(withNamespace(remote, "monitoring")).toEqual({ built: { ...remote, spec: { service: { name: "metrics-server", namespace: "monitoring" } } }, paths: [["spec", "service", "namespace"]] });
  const local = { apiVersion: "apiregistration.k8s.io/v1", kind: "APIService", metadata: { name: "v1.apps" }, spec: { group: "apps" } };
  expect(withNamespace(local, "monitoring").built).toBe(local);
});

test("a CRD's conversion webhook service namespace is replaced, not created", () => {
  const crd = (service: Record<string, string>) => ({ apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "a.example.com" }, spec: { conversion: { strategy: "Webhook", webhook: { clientConfig: { service } } } } });
  expect(withNamespace(crd({ name: "conv", namespace: "kube-system" }), "apps").built).toEqual(crd({ name: "conv", namespace: "apps" }));
  const without = crd({ name: "conv" });
  expect(withNamespace(without, "apps").built).toBe(without);
});

test("only the binding subjects named default get the namespace", () => {
  const binding = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "read" }, subjects: [{ kind: "ServiceAccount", name: "collector" }, { kind: "ServiceAccount", name: "default", namespace: "other" }, "not a subject"] };
  const { built, paths } = withNamespace(binding, "apps");
  expect(built.subjects).toEqual([{ kind: "ServiceAccount", name: "collector" }, { kind: "ServiceAccount", name: "default", namespace: "apps" }, "not a subject"]);
  expect(paths).toEqual([["subjects", 1, "namespace"]]);
});

test("a webhook configuration's service is not in the field specs", () => {
  const webhooks = { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingWebhookConfiguration", metadata: { name: "policy" }, webhooks: [{ name: "a.example.com", clientConfig: { service: { name: "hook", namespace: "x" } } }] };
  expect(withNamespace(webhooks, "apps").built).toBe(webhooks);
});

describe("kustomize's name-reference fix (models/kustomize-nameref.ts)", () => {
  const source = (namespace: string) => ({ namespace, kustomization: "k/kustomization.yaml", entry: "namespace" });
  const build = (referrals: Referral[], renames = false): ReferralBuild => ({ referrals, renames });
  const binding = (subject: Record<string, string>) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "b" }, subjects: [subject] });

  test("a subject naming a ServiceAccount of the build gets its namespace; one naming none is left alone", () => {
    const builds = [build([{ kind: "ServiceAccount", name: "ctrl", current: source("team-a"), renamed: false, changed: true, file: "k/sa.yaml" }])];
    const { built, set } = withReferencedNamespaces(binding({ kind: "ServiceAccount", name: "ctrl" }), builds);
    expect(built.subjects).toEqual([{ kind: "ServiceAccount", name: "ctrl", namespace: "team-a" }]);
    expect(set).toEqual([{ path: ["subjects", 0, "namespace"], source: source("team-a"), renamed: false, referred: "k/sa.yaml" }]);
    const other = binding({ kind: "ServiceAccount", name: "other" });
    expect(withReferencedNamespaces(other, builds).built).toBe(other);
  });

  test("an object the build leaves with its id lends its namespace to no reference, even one written with it", () => {
    const untouched = (name: string, changed: boolean): Referral => ({ kind: "ServiceAccount", name, written: "apps", current: { namespace: "apps", kustomization: "k/sa.yaml", entry: "metadata.namespace" }, renamed: false, changed, file: "k/sa.yaml" });
    const subject = binding({ kind: "ServiceAccount", name: "ctrl" });
    expect(withReferencedNamespaces(subject, [build([untouched("ctrl", false)])]).built).toBe(subject);
    // Only the changed one is a candidate, so two namespaces under one name are no conflict then.
    const accounts = [untouched("ctrl", true), { ...untouched("ctrl", false), written: "other", current: source("other") }];
    expect(withReferencedNamespaces(subject, [build(accounts)]).built.subjects).toEqual([{ kind: "ServiceAccount", name: "ctrl", namespace: "apps" }]);
  });

  test("a subject with a namespace picks the account written there; accounts of two namespaces under one name write nothing", () => {
    const accounts = build([
      { kind: "ServiceAccount", name: "ctrl", written: "kubeflow", current: source("kubeflow"), renamed: false, changed: true, file: "k/a.yaml" },
      { kind: "ServiceAccount", name: "ctrl", current: source("team-a"), renamed: false, changed: true, file: "k/b.yaml" },
    ]);
    expect(withReferencedNamespaces(binding({ kind: "ServiceAccount", name: "ctrl", namespace: "default" }), [accounts]).built.subjects).toEqual([{ kind: "ServiceAccount", name: "ctrl", namespace: "team-a" }]);
    expect(withReferencedNamespaces(binding({ kind: "ServiceAccount", name: "ctrl" }), [accounts]).set).toEqual([]);
  });

  test("a webhook's service gets the namespace of the Service of every build, the first build's when they differ", () => {
    const hooks = { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingWebhookConfiguration", metadata: { name: "p" }, webhooks: [{ name: "a.example.com", clientConfig: { service: { name: "hook" } } }] };
    const service = (namespace: string) => build([{ kind: "Service", name: "hook", current: source(namespace), renamed: false, changed: true, file: "k/hook.yaml" }]);
    const { built } = withReferencedNamespaces(hooks, [service("a"), service("b")]);
    expect(built.webhooks).toEqual([{ name: "a.example.com", clientConfig: { service: { name: "hook", namespace: "a" } } }]);
    expect(withReferencedNamespaces(hooks, [service("a"), build([])]).built).toBe(hooks);
  });

  test("a reference fixed in a build that renames the referrer or the object it names is marked renamed", () => {
    const subject = binding({ kind: "ServiceAccount", name: "ctrl" });
    const account = (renamed: boolean) => ({ kind: "ServiceAccount" as const, name: "ctrl", current: source("team-a"), renamed, changed: true, file: "k/sa.yaml" });
    expect(withReferencedNamespaces(subject, [build([account(true)])]).set).toEqual([{ path: ["subjects", 0, "namespace"], source: source("team-a"), renamed: true, referred: "k/sa.yaml" }]);
    expect(withReferencedNamespaces(subject, [build([account(false)], true)]).set[0].renamed).toBe(true);
    expect(withReferencedNamespaces(subject, [build([account(false)]), build([account(true)])]).set[0].renamed).toBe(true);
  });
});

test("no fix or suggestion edits a value a kustomization's namespace sets: the next build would put it back", async () => {
  const { lint } = await import("../src/engine/lint.js");
  const sets = ["rules/invalid-name/kustomize-namespace.set", "rules/namespace-undefined/kustomize-overrides.set"].map((s) => `fixtures/${s}`);
  const result = await lint(sets, { cwd: new URL("..", import.meta.url).pathname, config: {} });
  const set = result.files.flatMap((f) => f.diagnostics).filter((d) => d.message.includes("(set by namespace in "));
  expect(set.map((d) => d.ruleId).sort()).toEqual(["invalid-name", "namespace-undefined"]);
  for (const d of set) expect([d.ruleId, d.fix, d.suggestions]).toEqual([d.ruleId, undefined, undefined]);
});
