/**
 * Strategic-merge patches as kustomize applies them (models/strategic-merge.ts), case by case
 * after k8s.io/apimachinery/pkg/util/strategicpatch patch_test.go: maps merge, null deletes,
 * lists with a merge key merge by it, other lists are replaced, `$patch` directives.
 */
import { agreedValue, applyStrategicMerge } from "../src/models/strategic-merge.js";

const pod = (containers: unknown[], extra: Record<string, unknown> = {}) => ({ spec: { template: { spec: { containers, ...extra } } } });

const CASES: Array<{ name: string; object: Record<string, unknown>; patch: Record<string, unknown>; builtIn?: boolean; want: unknown }> = [
  { name: "a scalar replaces, a new key is added", object: { spec: { replicas: 1 } }, patch: { spec: { replicas: 3, paused: true } }, want: { spec: { replicas: 3, paused: true } } },
  { name: "null deletes a key", object: { spec: { replicas: 1, paused: true } }, patch: { spec: { paused: null } }, want: { spec: { replicas: 1 } } },
  {
    name: "containers merge by name; a new one is appended",
    object: pod([{ name: "web", image: "web:1" }, { name: "log", image: "log:1" }]),
    patch: pod([{ name: "log", image: "log:2" }, { name: "proxy", image: "proxy:1" }]),
    want: pod([{ name: "web", image: "web:1" }, { name: "log", image: "log:2" }, { name: "proxy", image: "proxy:1" }]),
  },
  {
    name: "container ports merge by containerPort, env by name",
    object: pod([{ name: "web", ports: [{ containerPort: 80, name: "http" }], env: [{ name: "A", value: "1" }] }]),
    patch: pod([{ name: "web", ports: [{ containerPort: 9090, name: "metrics" }], env: [{ name: "A", value: "2" }] }]),
    want: pod([{ name: "web", ports: [{ containerPort: 80, name: "http" }, { containerPort: 9090, name: "metrics" }], env: [{ name: "A", value: "2" }] }]),
  },
  { name: "a list without a merge key is replaced", object: pod([{ name: "web", args: ["a", "b"] }]), patch: pod([{ name: "web", args: ["c"] }]), want: pod([{ name: "web", args: ["c"] }]) },
  {
    name: "$patch: delete removes a list item",
    object: pod([{ name: "web" }, { name: "debug" }]),
    patch: pod([{ name: "debug", $patch: "delete" }]),
    want: pod([{ name: "web" }]),
  },
  {
    name: "$patch: replace in a list replaces it",
    object: pod([{ name: "web", image: "a" }, { name: "debug" }]),
    patch: pod([{ $patch: "replace" }, { name: "only", image: "b" }]),
    want: pod([{ name: "only", image: "b" }]),
  },
  { name: "$patch: replace on a map replaces it", object: { spec: { selector: { a: "1", b: "2" } } }, patch: { spec: { selector: { $patch: "replace", c: "3" } } }, want: { spec: { selector: { c: "3" } } } },
  { name: "$patch: delete on a map deletes it", object: { spec: { strategy: { type: "Recreate" }, replicas: 1 } }, patch: { spec: { strategy: { $patch: "delete" } } }, want: { spec: { replicas: 1 } } },
  {
    name: "a Service's ports merge by port",
    object: { spec: { ports: [{ port: 80, targetPort: 8080 }] } },
    patch: { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } },
    want: { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } },
  },
  { name: "a custom resource's lists are replaced", builtIn: false, object: pod([{ name: "web", image: "a" }]), patch: pod([{ name: "web", tag: "b" }]), want: pod([{ name: "web", tag: "b" }]) },
  { name: "other directives are left out", object: pod([{ name: "web" }]), patch: { spec: { template: { spec: { "$setElementOrder/containers": [{ name: "web" }], containers: [{ name: "web", image: "x" }] } } } }, want: pod([{ name: "web", image: "x" }]) },
];

describe("applyStrategicMerge", () => {
  for (const c of CASES) {
    test(c.name, () => {
      const before = JSON.stringify(c.object);
      expect(applyStrategicMerge(c.object, c.patch, c.builtIn ?? true)).toEqual(c.want);
      expect(JSON.stringify(c.object)).toBe(before);
    });
  }

  test("a __proto__ key of a patch stays an own key", () => {
    const patch = JSON.parse('{"metadata": {"__proto__": {"polluted": "yes"}}}') as Record<string, unknown>;
    const out = applyStrategicMerge({ metadata: {} }, patch, true) as { metadata: Record<string, unknown> };
    expect(Object.keys(out.metadata)).toEqual(["__proto__"]);
    expect((out.metadata as { polluted?: string }).polluted).toBeUndefined();
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
  });
});

describe("agreedValue", () => {
  test("what every variant sets is kept, a field they set differently stays as written", () => {
    const written = { spec: { replicas: 1, template: { spec: { containers: [{ name: "web" }] } } } };
    const dev = { spec: { replicas: 1, template: { spec: { containers: [{ name: "web", resources: { limits: { memory: "1Gi" } } }] } } } };
    const prod = { spec: { replicas: 3, template: { spec: { containers: [{ name: "web", resources: { limits: { memory: "1Gi" } } }] } } } };
    expect(agreedValue(written, [dev, prod])).toEqual(dev);
    expect(agreedValue(written, [prod, prod])).toEqual(prod);
  });

  test("a key only some variants add, or lists of other lengths, stay as written", () => {
    const written = { a: 1, list: [1] };
    expect(agreedValue(written, [{ a: 1, b: 2, list: [1, 2] }, { a: 1, list: [1] }])).toEqual(written);
  });
});
