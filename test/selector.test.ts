/**
 * Label selectors against the upstream rules (k8s.io/apimachinery labels and
 * metav1.LabelSelectorAsSelector): matchLabels, matchExpressions, map selectors, nil and empty.
 */
import { lint } from "../src/engine/lint.js";
import { parseText } from "../src/engine/parse.js";
import { Resource } from "../src/models/resource.js";
import { ResourceIndex } from "../src/models/resource-index.js";
import {
  CONTROLLER_LABELS,
  isQualifiedName,
  isValidLabelValue,
  matches,
  parseLabelSelector,
  parseMapSelector,
  parseSelectorText,
  parseServiceSelector,
  selectorProblems,
} from "../src/models/selector.js";

type Labels = Record<string, string>;
const web: Labels = { app: "web", tier: "frontend", env: "prod" };

// [description, selector as written, labels, expected]
const labelSelectorCases: Array<[string, unknown, Labels, boolean]> = [
  ["nil selects nothing", undefined, web, false],
  ["null selects nothing", null, web, false],
  ["{} selects everything", {}, web, true],
  ["{} selects pods without labels", {}, {}, true],
  ["empty matchLabels and matchExpressions select everything", { matchLabels: {}, matchExpressions: [] }, web, true],
  ["matchLabels equal", { matchLabels: { app: "web" } }, web, true],
  ["matchLabels all of several", { matchLabels: { app: "web", tier: "frontend" } }, web, true],
  ["matchLabels one differs", { matchLabels: { app: "web", tier: "backend" } }, web, false],
  ["matchLabels key missing", { matchLabels: { version: "v1" } }, web, false],
  ["matchLabels is case-sensitive", { matchLabels: { app: "Web" } }, web, false],
  ["matchLabels empty value needs an empty label", { matchLabels: { canary: "" } }, { canary: "" }, true],
  ["matchLabels empty value does not match a missing label", { matchLabels: { canary: "" } }, web, false],
  ["In with the value", { matchExpressions: [{ key: "tier", operator: "In", values: ["frontend", "edge"] }] }, web, true],
  ["In without the value", { matchExpressions: [{ key: "tier", operator: "In", values: ["backend"] }] }, web, false],
  ["In on a missing key", { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }, web, false],
  ["NotIn with another value", { matchExpressions: [{ key: "env", operator: "NotIn", values: ["dev"] }] }, web, true],
  ["NotIn with the value", { matchExpressions: [{ key: "env", operator: "NotIn", values: ["prod", "dev"] }] }, web, false],
  ["NotIn on a missing key matches", { matchExpressions: [{ key: "track", operator: "NotIn", values: ["canary"] }] }, web, true],
  ["Exists with the key", { matchExpressions: [{ key: "app", operator: "Exists" }] }, web, true],
  ["Exists without the key", { matchExpressions: [{ key: "track", operator: "Exists" }] }, web, false],
  ["Exists with an empty value", { matchExpressions: [{ key: "canary", operator: "Exists" }] }, { canary: "" }, true],
  ["DoesNotExist without the key", { matchExpressions: [{ key: "track", operator: "DoesNotExist" }] }, web, true],
  ["DoesNotExist with the key", { matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, web, false],
  ["matchLabels and expressions are ANDed (both hold)", { matchLabels: { app: "web" }, matchExpressions: [{ key: "env", operator: "In", values: ["prod"] }] }, web, true],
  ["matchLabels and expressions are ANDed (one fails)", { matchLabels: { app: "web" }, matchExpressions: [{ key: "env", operator: "In", values: ["dev"] }] }, web, false],
  ["several expressions on one key", { matchExpressions: [{ key: "env", operator: "Exists" }, { key: "env", operator: "NotIn", values: ["dev"] }] }, web, true],
  ["contradicting requirements select nothing", { matchLabels: { app: "web" }, matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, web, false],
  ["prefixed keys", { matchLabels: { "app.kubernetes.io/name": "web" } }, { "app.kubernetes.io/name": "web" }, true],
];

test.each(labelSelectorCases)("LabelSelector: %s", (_d, sel, labels, expected) => {
  expect(matches(parseLabelSelector(sel), labels)).toBe(expected);
});

// Map selectors (ReplicationController, Service): every pair must be present.
const mapCases: Array<[string, unknown, Labels, boolean]> = [
  ["map equal", { app: "web" }, web, true],
  ["map subset of labels", { app: "web", env: "prod" }, web, true],
  ["map value differs", { app: "web", env: "dev" }, web, false],
  ["map key missing", { app: "web", version: "2" }, web, false],
  ["map with a number value compares as text", { version: 2 }, { version: "2" }, true],
  ["map nil selects nothing", undefined, web, false],
];

// [selector string as labels.Parse reads it (kubectl -l, a kustomize patch target's labelSelector), labels, expected; undefined: refused]
const textCases: Array<[string, Labels, boolean | undefined]> = [
  ["", web, true],
  ["app=web", web, true],
  ["app==web", web, true],
  ["app=api", web, false],
  ["app!=api", web, true],
  ["app!=web", web, false],
  ["app != api", web, true],
  ["app", web, true],
  ["owner", web, false],
  ["!owner", web, true],
  ["!app", web, false],
  ["app=web,tier=frontend", web, true],
  ["app=web, tier=backend", web, false],
  ["env in (prod,staging)", web, true],
  ["env in (staging, dev)", web, false],
  ["env notin (staging,dev),app=web", web, true],
  ["app.kubernetes.io/type=app", { "app.kubernetes.io/type": "app" }, true],
  ["tier notin (frontend)", web, false],
  ["env in ()", web, undefined],
  ["env in (prod", web, undefined],
  ["replicas>3", web, undefined],
  ["-bad-key=x", web, undefined],
  ["app=not valid", web, undefined],
];

test.each(textCases)("selector string %j", (text, labels, expected) => {
  const sel = parseSelectorText(text);
  expect(sel === undefined ? undefined : matches(sel, labels)).toBe(expected);
});

test.each(mapCases)("map selector: %s", (_d, sel, labels, expected) => {
  expect(matches(parseMapSelector(sel), labels)).toBe(expected);
});

test.each([
  ["a Service without selector manages no endpoints", undefined],
  ["a Service with selector: {} manages no endpoints", {}],
  ["a Service with a null selector manages no endpoints", null],
])("%s", (_d, sel) => {
  expect(parseServiceSelector(sel)).toEqual({ kind: "none" });
  expect(matches(parseServiceSelector(sel), web)).toBe(false);
  expect(matches(parseServiceSelector(sel), {})).toBe(false);
});

// Labels controllers add to the pods they create (SPEC §1) hold for any value.
const controllerCases: Array<[string, string, unknown, Labels, boolean]> = [
  ["StatefulSet pod-name", "StatefulSet", { matchLabels: { app: "db", "statefulset.kubernetes.io/pod-name": "db-0" } }, { app: "db" }, true],
  ["Deployment pod-template-hash", "Deployment", { matchLabels: { app: "web", "pod-template-hash": "5d4f8" } }, { app: "web" }, true],
  ["Job job-name", "Job", { matchLabels: { "batch.kubernetes.io/job-name": "migrate" } }, {}, true],
  ["not added by this controller", "Deployment", { matchLabels: { "statefulset.kubernetes.io/pod-name": "db-0" } }, {}, false],
  ["a written label still decides", "Deployment", { matchLabels: { "pod-template-hash": "abc" } }, { "pod-template-hash": "def" }, false],
];

test.each(controllerCases)("controller labels: %s", (_d, kind, sel, labels, expected) => {
  expect(matches(parseLabelSelector(sel), labels, CONTROLLER_LABELS.get(kind))).toBe(expected);
});

// Validation (metav1validation.ValidateLabelSelector).
const problemCases: Array<[string, unknown, string | undefined]> = [
  ["valid selector", { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["a"] }] }, undefined],
  ["lower-case operator", { matchExpressions: [{ key: "tier", operator: "in", values: ["a"] }] }, 'operator "in" is not one of'],
  ["Gt is for node selectors only", { matchExpressions: [{ key: "n", operator: "Gt", values: ["1"] }] }, 'operator "Gt"'],
  ["In without values", { matchExpressions: [{ key: "tier", operator: "In" }] }, 'operator "In" needs at least one value'],
  ["NotIn with an empty list", { matchExpressions: [{ key: "tier", operator: "NotIn", values: [] }] }, 'operator "NotIn" needs at least one value'],
  ["Exists with values", { matchExpressions: [{ key: "tier", operator: "Exists", values: ["a"] }] }, 'operator "Exists" must not have values'],
  ["DoesNotExist with values", { matchExpressions: [{ key: "tier", operator: "DoesNotExist", values: ["a"] }] }, 'operator "DoesNotExist" must not have values'],
  ["invalid key", { matchLabels: { "-app": "web" } }, 'label key "-app"'],
  ["invalid value", { matchLabels: { app: "web app" } }, 'label value "web app"'],
  ["not a mapping", ["app=web"], "must be a mapping"],
];

test.each(problemCases)("validation: %s", (_d, sel, message) => {
  const problems = selectorProblems(sel);
  if (message === undefined) expect(problems).toEqual([]);
  else expect(problems[0]?.message).toContain(message);
});

test.each([
  ["app", true],
  ["app.kubernetes.io/name", true],
  ["example.com/a_b.c-d", true],
  ["a/b/c", false],
  ["Example.com/app", false],
  ["/app", false],
  ["x".repeat(64), false],
  ["app-", false],
])("qualified name %s: %s", (key, ok) => {
  expect(isQualifiedName(key)).toBe(ok);
});

test.each([
  ["", true],
  ["v1.2_3-rc", true],
  ["-v1", false],
  ["a".repeat(64), false],
])("label value %j: %s", (value, ok) => {
  expect(isValidLabelValue(value)).toBe(ok);
});

const ids = async (text: string, ruleId: string) =>
  (await lint(["-"], { stdin: text, config: {} })).files[0].diagnostics.filter((d) => d.ruleId === ruleId);

const POD = (name: string, labels: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: ${labels}
spec:
  containers:
    - name: app
      image: ghcr.io/acme/app:1.0.0
`;

describe("empty selectors in the cluster", () => {
  test("a NetworkPolicy podSelector: {} selects every pod of its namespace", async () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
---
${POD("a", "{app: a}")}---
${POD("b", "{}")}`;
    const result = await lint(["-"], { stdin: text, config: {} });
    expect(result.files[0].diagnostics.filter((d) => d.ruleId === "networkpolicy-selector-no-match")).toEqual([]);
    // The same selection through the index: both pods of the namespace, none of another.
    const index = indexOf(text);
    expect(index.podOwnersSelectedBy("default", parseLabelSelector({})).map((r) => r.name).sort()).toEqual(["a", "b"]);
    expect(index.podOwnersSelectedBy("other", parseLabelSelector({}))).toEqual([]);
  });

  test("a Service without a selector manages no endpoints: no pod is selected, nothing is reported against pods", async () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: external-db
spec:
  ports:
    - port: 5432
---
${POD("a", "{app: a}")}`;
    const index = indexOf(text);
    expect(index.podOwnersSelectedBy("default", parseServiceSelector(undefined))).toEqual([]);
    expect(await ids(text, "service-selector-no-match")).toEqual([]);
    expect(await ids(text, "missing-readiness-probe")).toEqual([]);
  });

  test("an apps/v1 workload with an empty selector is invalid", async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:1.0.0
`;
    const found = await ids(text, "invalid-label-selector");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 6, path: "spec.selector", severity: "error" });
    expect(found[0].message).toContain("empty");
  });
});

/** A ResourceIndex over a multi-document text, through the real parser. */
function indexOf(text: string): ResourceIndex {
  const resources = parseText(text)
    .filter((d) => d.value && typeof d.value === "object")
    .map((d, i) => new Resource(d.value as Record<string, unknown>, "-", d, [], "default", i));
  return new ResourceIndex(resources);
}
