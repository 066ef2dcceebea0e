/** Custom resources validated by the openAPIV3Schema of a CustomResourceDefinition in the input. */
import { lint } from "../src/engine/lint.js";
import { ResourceIndex } from "../src/models/resource-index.js";
import { parseText } from "../src/engine/parse.js";
import { Resource } from "../src/models/resource.js";
import { customResourceSchema } from "../src/models/crd.js";

const SCHEMA_RULES = new Set(["unknown-field", "invalid-type", "missing-required-field", "unknown-api-version", "invalid-label"]);

/** A CRD of group example.com, kind Widget, serving v1 (schema below) and not v1alpha1. */
function crd(schema: string, extra = ""): string {
  const indented = schema
    .trim()
    .split("\n")
    .map((l) => `          ${l}`)
    .join("\n");
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true${extra}
      schema:
        openAPIV3Schema:
${indented}
    - name: v1alpha1
      served: false
      storage: false
      schema:
        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
`;
}

const WIDGET_SCHEMA = `
type: object
properties:
  spec:
    type: object
    required: [size]
    properties:
      size: {type: integer}
      ratio: {type: number}
      name: {type: string}
      enabled: {type: boolean}
      mode: {type: string, enum: [fast, slow]}
      level: {type: integer, enum: [1, 2, 3]}
      port: {x-kubernetes-int-or-string: true}
      legacyPort: {type: string, format: int-or-string}
      tags: {type: array, items: {type: string}}
      labels: {type: object, additionalProperties: {type: string}}
      anything: {type: object, additionalProperties: true}
      raw: {type: object, x-kubernetes-preserve-unknown-fields: true}
      note: {type: string, nullable: true}
      optional: {type: string}
      withDefault: {type: string, default: x}
      nested:
        type: object
        required: [id, maybe, defaulted]
        properties:
          id: {type: string}
          maybe: {type: string, nullable: true}
          defaulted: {type: integer, default: 3}
      items:
        type: array
        items:
          type: object
          required: [key]
          properties:
            key: {type: string}
      template:
        type: object
        x-kubernetes-embedded-resource: true
        properties:
          spec: {type: object, properties: {x: {type: string}}}
  status:
    type: object
    properties:
      phase: {type: string}
`;

async function findings(input: string): Promise<string[]> {
  const result = await lint(["-"], { stdin: input, config: {} });
  return result.files
    .flatMap((f) => f.diagnostics)
    .filter((d) => SCHEMA_RULES.has(d.ruleId))
    .map((d) => `${d.ruleId} ${d.path}`)
    .sort();
}

function widget(spec: string, apiVersion = "example.com/v1", rest = ""): string {
  return `apiVersion: ${apiVersion}
kind: Widget
metadata:
  name: w
spec:
${spec
  .trim()
  .split("\n")
  .map((l) => `  ${l}`)
  .join("\n")}
${rest}`;
}

const cases: Array<[string, string, string[]]> = [
  ["a correct widget", "size: 3", []],
  ["integer written as 3.0", "size: 3.0", []],
  ["a fraction where an integer is expected", "size: 2.5", ["invalid-type spec.size"]],
  ["a string where an integer is expected", 'size: "3"', ["invalid-type spec.size"]],
  ["an integer where a number is expected", "size: 1\nratio: 2", []],
  ["a string where a number is expected", "size: 1\nratio: half", ["invalid-type spec.ratio"]],
  ["a number where a string is expected", "size: 1\nname: 1.0", ["invalid-type spec.name"]],
  ["a quoted boolean", 'size: 1\nenabled: "true"', ["invalid-type spec.enabled"]],
  ["an enum value", "size: 1\nmode: fast", []],
  ["a wrong-case enum value", "size: 1\nmode: Fast", ["invalid-type spec.mode"]],
  ["an integer enum", "size: 1\nlevel: 2", []],
  ["an integer enum out of range", "size: 1\nlevel: 4", ["invalid-type spec.level"]],
  ["int-or-string as an integer", "size: 1\nport: 8080", []],
  ["int-or-string as a string", "size: 1\nport: http", []],
  ["int-or-string as a list", "size: 1\nport: [80]", ["invalid-type spec.port"]],
  ["int-or-string as a fraction", "size: 1\nport: 1.5", ["invalid-type spec.port"]],
  ["format int-or-string as an integer", "size: 1\nlegacyPort: 80", []],
  ["a list of strings", "size: 1\ntags: [a, b]", []],
  ["a scalar where a list is expected", "size: 1\ntags: a", ["invalid-type spec.tags"]],
  ["a number in a list of strings", "size: 1\ntags: [a, 2]", ["invalid-type spec.tags[1]"]],
  ["a map of strings", "size: 1\nlabels: {a: b}", []],
  ["a number in a map of strings", "size: 1\nlabels: {a: 1}", ["invalid-type spec.labels.a"]],
  ["a list where a map is expected", "size: 1\nlabels: [a]", ["invalid-type spec.labels"]],
  ["additionalProperties: true", "size: 1\nanything: {x: [1], y: {z: 1}}", []],
  ["preserve-unknown-fields", "size: 1\nraw: {x: [1], y: {z: 1}}", []],
  ["a typo", "size: 1\nnmae: x", ["unknown-field spec.nmae"]],
  ["a wrong-case key", "size: 1\nEnabled: true", ["unknown-field spec.Enabled"]],
  ["an unknown key without a near name", "size: 1\ncompletelyDifferent: true", ["unknown-field spec.completelyDifferent"]],
  ["a key that belongs one level down", "size: 1\nid: x", ["unknown-field spec.id"]],
  ["null where nullable", "size: 1\nnote: null", []],
  ["null where not nullable (pruned)", "size: 1\noptional: null", []],
  ["a missing required field", "name: x", ["missing-required-field spec"]],
  ["a required field set to null: found at its key", "size: null", ["missing-required-field spec.size"]],
  ["nested required: nullable null and defaults count", "size: 1\nnested: {id: a, maybe: null}", []],
  ["nested required: missing and null", "size: 1\nnested: {id: null, maybe: null}", ["missing-required-field spec.nested.id"]],
  ["required in list items", "size: 1\nitems: [{key: a}, {}]", ["missing-required-field spec.items[1]"]],
  [
    "embedded resource: apiVersion, kind and metadata are implicit",
    "size: 1\ntemplate: {apiVersion: v1, kind: Pod, metadata: {labels: {a: b}}, spec: {x: z}}",
    [],
  ],
  ["embedded resource: metadata is ObjectMeta", "size: 1\ntemplate: {metadata: {lables: {}}}", ["unknown-field spec.template.metadata.lables"]],
];

describe("a custom resource against its CRD", () => {
  test.each(cases)("%s", async (_name, spec, expected) => {
    expect(await findings(`${crd(WIDGET_SCHEMA)}---\n${widget(spec)}`)).toEqual(expected.sort());
  });

  test("metadata is ObjectMeta: typos and invalid labels", async () => {
    const cr = `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  lables: {}\n  labels: {"bad key!": x}\nspec: {size: 1}\n`;
    expect(await findings(`${crd(WIDGET_SCHEMA)}---\n${cr}`)).toEqual(['invalid-label metadata.labels["bad key!"]', "unknown-field metadata.lables"]);
  });

  test("a missing required top-level field points at kind", async () => {
    const schema = `type: object\nrequired: [spec]\nproperties:\n  spec: {type: object}`;
    const cr = `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n`;
    expect(await findings(`${crd(schema)}---\n${cr}`)).toEqual(["missing-required-field kind"]);
  });

  test("root fields: unknown keys, status checked only without the status subresource", async () => {
    const cr = widget("size: 1", "example.com/v1", "status: {phase: Ready, extra: 1}\nreplicas: 2\n");
    expect(await findings(`${crd(WIDGET_SCHEMA)}---\n${cr}`)).toEqual(["unknown-field replicas", "unknown-field status.extra"]);
    const withSubresource = crd(WIDGET_SCHEMA, "\n      subresources:\n        status: {}");
    expect(await findings(`${withSubresource}---\n${cr}`)).toEqual(["unknown-field replicas"]);
  });

  test("root preserve-unknown-fields keeps every field but metadata is still ObjectMeta", async () => {
    const schema = `type: object\nx-kubernetes-preserve-unknown-fields: true`;
    const cr = `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  nmae: x\nspec: {anything: 1}\nextra: [1]\n`;
    expect(await findings(`${crd(schema)}---\n${cr}`)).toEqual(["unknown-field metadata.nmae"]);
  });

  test("an object without properties prunes every field", async () => {
    const schema = `type: object\nproperties:\n  spec: {type: object}`;
    expect(await findings(`${crd(schema)}---\n${widget("size: 1")}`)).toEqual(["unknown-field spec.size"]);
  });

  test("the CRD may be in another file order: after its resources", async () => {
    expect(await findings(`${widget("size: x")}---\n${crd(WIDGET_SCHEMA)}`)).toEqual(["invalid-type spec.size"]);
  });
});

describe("versions", () => {
  test("a version declared with served: false", async () => {
    expect(await findings(`${crd(WIDGET_SCHEMA)}---\n${widget("size: x", "example.com/v1alpha1")}`)).toEqual(["unknown-api-version apiVersion"]);
  });

  test("a version the CRD does not declare names the served versions", async () => {
    const result = await lint(["-"], { stdin: `${crd(WIDGET_SCHEMA)}---\n${widget("size: 1", "example.com/v2")}`, config: {} });
    const d = result.files[0].diagnostics.find((x) => x.ruleId === "unknown-api-version");
    expect(d?.message).toBe('apiVersion "example.com/v2" is not served by CustomResourceDefinition "widgets.example.com": served versions are "v1"');
    expect(d?.hint).toBe('set apiVersion to "example.com/v1"');
    expect(d?.related?.resource.kind).toBe("CustomResourceDefinition");
  });

  test("a kind the input's CRDs do not define is not judged (its CRD may be elsewhere)", async () => {
    const other = `apiVersion: example.com/v9\nkind: Gadget\nmetadata:\n  name: g\nspec: {whatever: true}\n`;
    expect(await findings(`${crd(WIDGET_SCHEMA)}---\n${other}`)).toEqual([]);
  });

  test("custom resources without their CRD in the input stay skipped", async () => {
    const result = await lint(["-"], { stdin: widget("size: x", "example.com/v2"), config: {} });
    expect(result.files[0].diagnostics).toEqual([]);
    expect(result.summary.skipped).toBe(1);
  });

  test("a v1beta1 CRD (removed API) does not validate", async () => {
    const old = crd(WIDGET_SCHEMA).replace("apiextensions.k8s.io/v1\n", "apiextensions.k8s.io/v1beta1\n");
    expect(await findings(`${old}---\n${widget("size: x")}`)).toEqual([]);
  });
});

describe("the CRD lookup", () => {
  function resources(text: string): Resource[] {
    return parseText(text).map((doc, i) => new Resource(doc.value as Record<string, unknown>, "-", doc, [], "default", i));
  }

  test("the first CRD of a group/kind wins and the lookup is per index", () => {
    const second = crd(WIDGET_SCHEMA).replace("widgets.example.com", "widgets2.example.com");
    const all = resources(`${crd(WIDGET_SCHEMA)}---\n${second}---\n${widget("size: 1")}`);
    const index = new ResourceIndex(all);
    const found = customResourceSchema(all[2], index);
    expect(found?.definition.crd.name).toBe("widgets.example.com");
    expect(found?.version.name).toBe("v1");
    expect(customResourceSchema(all[2], index)?.definition).toBe(found?.definition);
    expect(customResourceSchema(all[2], new ResourceIndex([all[2]]))).toBeUndefined();
  });

  test("built-in kinds have no CRD schema", () => {
    const all = resources(`${crd(WIDGET_SCHEMA)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n`);
    expect(customResourceSchema(all[1], new ResourceIndex(all))).toBeUndefined();
  });
});
