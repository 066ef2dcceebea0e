/**
 * Kustomize's label transformer on one object: which fields each kind of entry reaches, what is
 * created and what is only extended, and what several builds agree on. Whole builds (overlays,
 * Components, what the rules then report) are held by fixtures/kustomize/*labels*.set.
 */
import { agreedLabels, labelTransformers, withLabels } from "../src/models/kustomize-labels.js";

const deployment = () => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: { template: { spec: { containers: [{ name: "web", image: "nginx" }] } } },
});

test("commonLabels create a Deployment's selector and label its metadata and pod template", () => {
  const raw = deployment();
  const built = withLabels(raw, labelTransformers({ commonLabels: { app: "web" } }));
  expect(built).toEqual({
    ...raw,
    metadata: { name: "web", labels: { app: "web" } },
    spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: raw.spec.template.spec } },
  });
  // The parsed object is left as written: positions and fixes read it.
  expect(raw).toEqual(deployment());
  expect((built.spec as { template: { spec: unknown } }).template.spec).toBe(raw.spec.template.spec);
});

test("a Service's selector is created; a PodDisruptionBudget's or a Job's is only extended", () => {
  const common = labelTransformers({ commonLabels: { app: "web" } });
  expect(withLabels({ apiVersion: "v1", kind: "Service", spec: { ports: [] } }, common).spec).toEqual({ ports: [], selector: { app: "web" } });
  expect(withLabels({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", spec: { minAvailable: 1 } }, common).spec).toEqual({ minAvailable: 1 });
  expect(withLabels({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", spec: { selector: { matchLabels: { tier: "a" } } } }, common).spec).toEqual({ selector: { matchLabels: { tier: "a", app: "web" } } });
  expect(withLabels({ apiVersion: "batch/v1", kind: "Job", spec: { template: {} } }, common).spec).toEqual({ template: { metadata: { labels: { app: "web" } } } });
});

test("a NetworkPolicy's peers are walked item by item; a StatefulSet's claim templates are never created", () => {
  const common = labelTransformers({ commonLabels: { app: "web" } });
  const policy = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", spec: { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { role: "fe" } } }, { ipBlock: { cidr: "10.0.0.0/8" } }] }] } };
  expect(withLabels(policy, common).spec).toEqual({ podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { role: "fe", app: "web" } } }, { ipBlock: { cidr: "10.0.0.0/8" } }] }] });
  const set = withLabels({ apiVersion: "apps/v1", kind: "StatefulSet", spec: { serviceName: "db" } }, common);
  expect(Object.keys(set.spec as object)).toEqual(["serviceName", "selector", "template"]);
  const claims = withLabels({ apiVersion: "apps/v1", kind: "StatefulSet", spec: { volumeClaimTemplates: [{ metadata: { name: "data" } }] } }, common);
  expect((claims.spec as { volumeClaimTemplates: unknown }).volumeClaimTemplates).toEqual([{ metadata: { name: "data", labels: { app: "web" } } }]);
});

test("a labels entry reaches selectors only with includeSelectors, templates with includeTemplates", () => {
  const only = withLabels(deployment(), labelTransformers({ labels: [{ pairs: { app: "web" } }] }));
  expect(only.spec).toEqual(deployment().spec);
  expect(only.metadata).toEqual({ name: "web", labels: { app: "web" } });
  const templates = withLabels(deployment(), labelTransformers({ labels: [{ pairs: { app: "web" }, includeTemplates: true }] }));
  expect(templates.spec).toEqual({ template: { metadata: { labels: { app: "web" } }, spec: deployment().spec.template.spec } });
  const selectors = withLabels(deployment(), labelTransformers({ labels: [{ pairs: { app: "web" }, includeSelectors: true }] }));
  expect((selectors.spec as { selector: unknown }).selector).toEqual({ matchLabels: { app: "web" } });
  const custom = withLabels({ apiVersion: "example.com/v1", kind: "Widget", spec: {} }, labelTransformers({ labels: [{ pairs: { app: "web" }, fields: [{ path: "spec/podLabels", kind: "Widget", create: true }] }] }));
  expect(custom.spec).toEqual({ podLabels: { app: "web" } });
});

test("label keys from the input stay data", () => {
  const built = withLabels({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } }, labelTransformers({ commonLabels: JSON.parse('{"__proto__": "x", "app": "web"}') }));
  const labels = (built.metadata as { labels: Record<string, string> }).labels;
  expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
  expect(Object.hasOwn(labels, "__proto__") && labels.app).toBe("web");
});

test("several builds: a key is kept only where every build puts it in the same fields with the same value", () => {
  const blue = labelTransformers({ commonLabels: { track: "blue", team: "shop" } });
  const green = labelTransformers({ labels: [{ pairs: { track: "green", team: "shop" }, includeSelectors: true }] });
  const built = withLabels(deployment(), agreedLabels([blue, green]));
  // team: same value, same fields in both builds; track: values differ, left out everywhere.
  expect((built.spec as { selector: unknown }).selector).toEqual({ matchLabels: { team: "shop" } });
  expect(built.metadata).toEqual({ name: "web", labels: { team: "shop" } });
  // The same value in different fields (one build reaches the selector, the other the template only) is left out too.
  const templatesOnly = labelTransformers({ labels: [{ pairs: { team: "shop" }, includeTemplates: true }] });
  expect(agreedLabels([blue, templatesOnly])).toEqual([]);
  expect(agreedLabels([blue, []])).toEqual([]);
});
