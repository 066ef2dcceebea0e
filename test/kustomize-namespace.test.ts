/**
 * Kustomize's namespace transformer on one object: the fields it sets besides metadata.namespace
 * (api/internal/konfig/builtinpluginconsts namespace.go, api/filters/namespace roleBindingHack).
 * What the rules then report is held by the fixtures named kustomize-namespace.set,
 * kustomize-binding-subjects.set and flux-target-namespace.set.
 */
import { withNamespace } from "../src/models/kustomize-namespace.js";

test("a v1 Namespace is renamed to the kustomization's namespace; the object as written is left alone", () => {
  const raw = { apiVersion: "v1", kind: "Namespace", metadata: { name: "_", labels: { team: "a" } } };
  const { built, paths } = withNamespace(raw, "network");
  expect(built).toEqual({ apiVersion: "v1", kind: "Namespace", metadata: { name: "network", labels: { team: "a" } } });
  expect(paths).toEqual([["metadata", "name"]]);
  expect(raw.metadata.name).toBe("_");
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
