/**
 * Kustomize's label transformer on one object: which fields each kind of entry reaches, what is
 * created and what is only extended, and what several builds agree on. Whole builds (overlays,
 * Components, configurations, what the rules then report) are held by fixtures/kustomize/*labels*.set
 * and fixtures/kustomize/rollout-*.set.
 */
import { agreedLabels, configuredLabelFields, knownRemoteLabelFields, labelSourcesAt, labelTransformers, withLabels } from "../src/models/kustomize-labels.js";

const deployment = () => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: { template: { spec: { containers: [{ name: "web", image: "nginx" }] } } },
});

test("commonLabels create a Deployment's selector and label its metadata and pod template", () => {
  const raw = deployment();
  const built = withLabels(raw, labelTransformers({ commonLabels: { app: "web" } }, "kustomization.yaml"));
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
  const common = labelTransformers({ commonLabels: { app: "web" } }, "kustomization.yaml");
  expect(withLabels({ apiVersion: "v1", kind: "Service", spec: { ports: [] } }, common).spec).toEqual({ ports: [], selector: { app: "web" } });
  expect(withLabels({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", spec: { minAvailable: 1 } }, common).spec).toEqual({ minAvailable: 1 });
  expect(withLabels({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", spec: { selector: { matchLabels: { tier: "a" } } } }, common).spec).toEqual({ selector: { matchLabels: { tier: "a", app: "web" } } });
  expect(withLabels({ apiVersion: "batch/v1", kind: "Job", spec: { template: {} } }, common).spec).toEqual({ template: { metadata: { labels: { app: "web" } } } });
});

test("a NetworkPolicy's peers are walked item by item; a StatefulSet's claim templates are never created", () => {
  const common = labelTransformers({ commonLabels: { app: "web" } }, "kustomization.yaml");
  const policy = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", spec: { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { role: "fe" } } }, { ipBlock: { cidr: "10.0.0.0/8" } }] }] } };
  expect(withLabels(policy, common).spec).toEqual({ podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { role: "fe", app: "web" } } }, { ipBlock: { cidr: "10.0.0.0/8" } }] }] });
  const set = withLabels({ apiVersion: "apps/v1", kind: "StatefulSet", spec: { serviceName: "db" } }, common);
  expect(Object.keys(set.spec as object)).toEqual(["serviceName", "selector", "template"]);
  const claims = withLabels({ apiVersion: "apps/v1", kind: "StatefulSet", spec: { volumeClaimTemplates: [{ metadata: { name: "data" } }] } }, common);
  expect((claims.spec as { volumeClaimTemplates: unknown }).volumeClaimTemplates).toEqual([{ metadata: { name: "data", labels: { app: "web" } } }]);
});

test("a labels entry reaches selectors only with includeSelectors, templates with includeTemplates", () => {
  const only = withLabels(deployment(), labelTransformers({ labels: [{ pairs: { app: "web" } }] }, "kustomization.yaml"));
  expect(only.spec).toEqual(deployment().spec);
  expect(only.metadata).toEqual({ name: "web", labels: { app: "web" } });
  const templates = withLabels(deployment(), labelTransformers({ labels: [{ pairs: { app: "web" }, includeTemplates: true }] }, "kustomization.yaml"));
  expect(templates.spec).toEqual({ template: { metadata: { labels: { app: "web" } }, spec: deployment().spec.template.spec } });
  const selectors = withLabels(deployment(), labelTransformers({ labels: [{ pairs: { app: "web" }, includeSelectors: true }] }, "kustomization.yaml"));
  expect((selectors.spec as { selector: unknown }).selector).toEqual({ matchLabels: { app: "web" } });
  const custom = withLabels({ apiVersion: "example.com/v1", kind: "Widget", spec: {} }, labelTransformers({ labels: [{ pairs: { app: "web" }, fields: [{ path: "spec/podLabels", kind: "Widget", create: true }] }] }, "kustomization.yaml"));
  expect(custom.spec).toEqual({ podLabels: { app: "web" } });
});

test("label keys from the input stay data", () => {
  const built = withLabels({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } }, labelTransformers({ commonLabels: JSON.parse('{"__proto__": "x", "app": "web"}') }, "kustomization.yaml"));
  const labels = (built.metadata as { labels: Record<string, string> }).labels;
  expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
  expect(Object.hasOwn(labels, "__proto__") && labels.app).toBe("web");
});

test("several builds: a key is kept only where every build puts it in the same fields with the same value", () => {
  const blue = labelTransformers({ commonLabels: { track: "blue", team: "shop" } }, "kustomization.yaml");
  const green = labelTransformers({ labels: [{ pairs: { track: "green", team: "shop" }, includeSelectors: true }] }, "kustomization.yaml");
  const built = withLabels(deployment(), agreedLabels([blue, green]));
  // team: same value, same fields in both builds; track: values differ, left out everywhere.
  expect((built.spec as { selector: unknown }).selector).toEqual({ matchLabels: { team: "shop" } });
  expect(built.metadata).toEqual({ name: "web", labels: { team: "shop" } });
  // The same value in different fields (one build reaches the selector, the other the template only) is left out too.
  const templatesOnly = labelTransformers({ labels: [{ pairs: { team: "shop" }, includeTemplates: true }] }, "kustomization.yaml");
  expect(agreedLabels([blue, templatesOnly])).toEqual([]);
  expect(agreedLabels([blue, []])).toEqual([]);
});

test("each label keeps the entry it comes from; builds that agree through different kustomizations keep each", () => {
  const base = labelTransformers({ labels: [{ pairs: { tier: "db" } }, "not an entry", { pairs: { app: "web" }, includeSelectors: true }] }, "base/kustomization.yaml");
  expect(base.map((t) => t.sources)).toEqual([[{ kustomization: "base/kustomization.yaml", entry: "labels[0]", selectors: false }], [{ kustomization: "base/kustomization.yaml", entry: "labels[2]", selectors: true }]]);
  const blue = [...base, ...labelTransformers({ commonLabels: { team: "shop" } }, "blue/kustomization.yaml")];
  const green = [...base, ...labelTransformers({ commonLabels: { team: "shop" } }, "green/kustomization.yaml")];
  const agreed = agreedLabels([blue, green]);
  const raw = deployment();
  const sources = (path: string[]) => labelSourcesAt(raw, agreed, path).map((s) => `${s.entry} in ${s.kustomization}`);
  expect(sources(["spec", "selector", "matchLabels", "app"])).toEqual(["labels[2] in base/kustomization.yaml"]);
  expect(sources(["metadata", "labels", "team"])).toEqual(["commonLabels in blue/kustomization.yaml", "commonLabels in green/kustomization.yaml"]);
  expect(sources(["metadata", "labels", "tier"])).toEqual(["labels[0] in base/kustomization.yaml"]);
  // The selector as a whole: every entry that fills it; a key no entry sets, none.
  expect(sources(["spec", "selector"])).toEqual(["labels[2] in base/kustomization.yaml", "commonLabels in blue/kustomization.yaml", "commonLabels in green/kustomization.yaml"]);
  expect(sources(["spec", "template", "metadata", "labels", "tier"])).toEqual([]);
  // A later entry that sets the same key is the one that sets it in the build.
  const overridden = agreedLabels([[...base, ...labelTransformers({ commonLabels: { app: "shop" } }, "blue/kustomization.yaml")]]);
  expect(labelSourcesAt(raw, overridden, ["metadata", "labels", "app"]).map((s) => s.entry)).toEqual(["commonLabels"]);
});

const rollout = () => ({
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Rollout",
  metadata: { name: "web" },
  spec: { replicas: 3, template: { spec: { containers: [{ name: "web", image: "nginx" }] } } },
});

test("configured commonLabels field specs join kustomize's own, for commonLabels and labels with includeSelectors", () => {
  const configured = configuredLabelFields({
    commonLabels: [
      { path: "spec/selector/matchLabels", kind: "Rollout", create: true },
      { path: "spec/template/metadata/labels", kind: "Rollout", group: "argoproj.io", create: true },
      { path: "spec/widgetSelector", kind: "Rollout" },
      { kind: "Rollout", create: true },
    ],
    nameReference: [{ kind: "Service", fieldSpecs: [{ path: "spec/strategy/canary/stableService", kind: "Rollout" }] }],
  });
  expect(configured.map((f) => f.path.join("/"))).toEqual(["spec/selector/matchLabels", "spec/template/metadata/labels", "spec/widgetSelector"]);
  const expected = { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: rollout().spec.template.spec } };
  expect(withLabels(rollout(), labelTransformers({ commonLabels: { app: "web" } }, "kustomization.yaml", configured)).spec).toEqual(expected);
  expect(withLabels(rollout(), labelTransformers({ labels: [{ pairs: { app: "web" }, includeSelectors: true }] }, "kustomization.yaml", configured)).spec).toEqual(expected);
  // Without them kustomize knows no Rollout: only its metadata is labelled; a labels entry without includeSelectors never uses them.
  expect(withLabels(rollout(), labelTransformers({ commonLabels: { app: "web" } }, "kustomization.yaml")).spec).toEqual(rollout().spec);
  expect(withLabels(rollout(), labelTransformers({ labels: [{ pairs: { app: "web" } }] }, "kustomization.yaml", configured)).spec).toEqual(rollout().spec);
  // A spec kustomize already has (same path and kind) is not added twice.
  const twice = labelTransformers({ commonLabels: { app: "web" } }, "kustomization.yaml", configuredLabelFields({ commonLabels: [{ path: "spec/selector/matchLabels", kind: "Deployment", create: true }] }));
  expect(twice[0].fields).toEqual(labelTransformers({ commonLabels: { app: "web" } }, "kustomization.yaml")[0].fields);
  expect(configuredLabelFields("commonLabels: []")).toEqual([]);
  expect(configuredLabelFields({ commonLabels: { path: "spec/selector" } })).toEqual([]);
});

test("the Argo Rollouts transformer configuration is known by its URL; other URLs are not read", () => {
  const argo = knownRemoteLabelFields("https://argoproj.github.io/argo-rollouts/features/kustomize/rollout-transform.yaml");
  expect(argo?.filter((f) => f.create).map((f) => [f.kind, f.path.join("/")])).toEqual([
    ["Rollout", "spec/selector/matchLabels"],
    ["Rollout", "spec/template/metadata/labels"],
  ]);
  expect(argo?.every((f) => f.kind === "Rollout")).toBe(true);
  for (const url of [
    "https://argoproj.github.io/argo-rollouts/features/kustomize/rollout-transform-kustomize-v5.yaml",
    "https://raw.githubusercontent.com/argoproj/argo-rollouts/master/docs/features/kustomize/rollout-transform-kustomize-v5.yaml",
    "https://raw.githubusercontent.com/argoproj/argo-rollouts/v1.7.2/docs/features/kustomize/rollout-transform.yaml",
  ])
    expect(knownRemoteLabelFields(url)).toBe(argo);
  for (const url of [
    "https://example.com/rollout-transform.yaml",
    "https://raw.githubusercontent.com/someone/argo-rollouts/master/docs/features/kustomize/rollout-transform.yaml",
    "https://argoproj.github.io/argo-rollouts/features/kustomize/rollout-transform.yaml?x=1",
  ])
    expect(knownRemoteLabelFields(url)).toBeUndefined();
});
