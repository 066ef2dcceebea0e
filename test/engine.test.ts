/** Engine behaviour that no single fixture shows: failures inside rules, options, counting. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lint } from "../src/engine/lint.js";
import { defineRule } from "../src/rules/types.js";
import { getRule } from "../src/rules/index.js";

const configMap = (name: string, extra = "") => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

test("a rule that throws becomes internal-error naming the rule and the resource, and the run goes on", async () => {
  const throwing = defineRule({
    ...getRule("duplicate-resource")!.meta,
    crossResource: true,
    id: "always-throws",
    check() {
      throw new Error("boom");
    },
  });
  const result = await lint(["-"], { stdin: configMap("settings"), config: {}, ruleSet: [throwing, getRule("duplicate-resource")!] });
  const [d] = result.files[0].diagnostics;
  expect(d.ruleId).toBe("internal-error");
  expect(d.message).toContain('"always-throws"');
  expect(d.message).toContain("ConfigMap default/settings");
  expect(d.message).toContain("boom");
  expect(d.line).toBe(2);
});

test("namespace defaulting: --default-namespace decides which resources collide", async () => {
  const fixed = `${configMap("a")}---\n${configMap("a", "  namespace: shop\n")}`;
  const inDefault = await lint(["-"], { stdin: fixed, config: {} });
  const inShop = await lint(["-"], { stdin: fixed, config: {}, defaultNamespace: "shop" });
  expect(inDefault.files[0].diagnostics).toEqual([]);
  expect(inShop.files[0].diagnostics.map((d) => d.ruleId)).toEqual(["duplicate-resource"]);
  expect(inShop.files[0].diagnostics[0].resource.namespace).toBe("shop");
});

test("a List is flattened and its items are counted as resources; non-manifests are skipped", async () => {
  const text = `apiVersion: v1\nkind: List\nitems:\n- ${configMap("a").replace(/\n/g, "\n  ")}\n- ${configMap("b").replace(/\n/g, "\n  ")}\n---\nreplicas: 3\n---\n`;
  const result = await lint(["-"], { stdin: text, config: {} });
  expect(result.summary).toMatchObject({ files: 1, resources: 2, skipped: 1, errors: 0 });
});

test("config: rules severities, exclude and --rule overrides", async () => {
  const text = `${configMap("a")}---\n${configMap("a", "  labels:\n    tier: web\n")}`;
  const base = await lint(["-"], { stdin: text, config: {} });
  expect(base.summary).toMatchObject({ errors: 0, warnings: 1 });
  const asError = await lint(["-"], { stdin: text, config: { rules: { "duplicate-resource": "error" } } });
  expect(asError.summary).toMatchObject({ errors: 1, warnings: 0 });
  const off = await lint(["-"], { stdin: text, config: { rules: { "duplicate-resource": "error" } }, rules: { "duplicate-resource": "off" } });
  expect(off.summary).toMatchObject({ errors: 0, warnings: 0 });
  const excluded = await lint(["-"], { stdin: text, config: { exclude: [{ kind: "Config*", name: "a", rules: ["duplicate-resource"] }] } });
  expect(excluded.summary.warnings).toBe(0);
  await expect(lint(["-"], { stdin: text, config: {}, rules: { "no-such-rule": "off" } })).rejects.toThrow(/unknown rule "no-such-rule"/);
});

test("--quiet keeps errors only", async () => {
  const text = `${configMap("a", "  annotations:\n    k8s-lint.io/ignore: duplicate-resource\n")}`;
  // The unused suppression is a warning.
  const loud = await lint(["-"], { stdin: text, config: {} });
  expect(loud.summary.warnings).toBe(1);
  const quiet = await lint(["-"], { stdin: text, config: {}, quiet: true });
  expect(quiet.summary.warnings).toBe(0);
  const info = { "unused-suppression": "info" } as const;
  expect((await lint(["-"], { stdin: text, config: {}, rules: info })).summary.infos).toBe(1);
  expect((await lint(["-"], { stdin: text, config: {}, rules: info, quiet: true })).summary.infos).toBe(0);
  expect(quiet.files[0].diagnostics).toEqual([]);
});

test("the pod-template annotation suppresses findings of a workload", async () => {
  const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations:\n        k8s-lint.io/ignore: "*"\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n`;
  const result = await lint(["-"], { stdin: text, config: {}, ruleSet: [getRule("duplicate-resource")!] });
  expect(result.files[0].diagnostics.filter((d) => d.ruleId === "duplicate-resource")).toHaveLength(1);
});

test("helm template output: findings name the template file", async () => {
  const text = `---\n# Source: shop/templates/cm.yaml\n${configMap("a")}---\n# Source: shop/templates/cm2.yaml\n${configMap("a")}`;
  const result = await lint(["-"], { stdin: text, config: {} });
  expect(result.files[0].diagnostics[0]).toMatchObject({ ruleId: "duplicate-resource", source: "shop/templates/cm2.yaml" });
});

test("related points at the other resource's file and line", async () => {
  const text = `${configMap("a")}---\n${configMap("a")}`;
  const result = await lint(["-"], { stdin: text, config: {} });
  expect(result.files[0].diagnostics[0].related).toMatchObject({ file: "<stdin>", line: 4, column: 9, resource: { kind: "ConfigMap", name: "a" } });
});

describe("files that are not text point at the offending byte", () => {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-bytes-"));
  const write = (name: string, bytes: number[] | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, Buffer.from(bytes as number[]));
    return p;
  };

  test("a NUL byte in text given as stdin", async () => {
    const result = await lint(["-"], { stdin: "apiVersion: v1\nkind: Con\u0000figMap\n", config: {} });
    expect(result.files[0].diagnostics[0]).toMatchObject({ ruleId: "yaml-syntax", line: 2, column: 10 });
  });

  test("invalid UTF-8 after multi-byte characters", async () => {
    // "é" is two bytes and one column: the bad byte 0xFF, the 6th byte of line 2, is at column 4.
    const text = Buffer.concat([Buffer.from("kind: ConfigMap\nnéé", "utf8"), Buffer.from([0xff]), Buffer.from("x\n")]);
    const p = write("bad.yaml", text);
    const result = await lint([p], { config: {} });
    expect(result.files[0].diagnostics[0]).toMatchObject({ ruleId: "yaml-syntax", message: expect.stringContaining("UTF-8"), line: 2, column: 4 });
  });

  test("an overlong encoding and a lone surrogate are invalid; a real U+FFFD is not", async () => {
    expect((await lint([write("overlong.yaml", [0x61, 0xc0, 0xaf])], { config: {} })).files[0].diagnostics[0]).toMatchObject({ column: 2 });
    expect((await lint([write("surrogate.yaml", [0x61, 0x62, 0xed, 0xa0, 0x80])], { config: {} })).files[0].diagnostics[0]).toMatchObject({ column: 3 });
    const ok = write("fffd.yaml", [...Buffer.from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: \"\uFFFD\"\n", "utf8")]);
    expect((await lint([ok], { config: {} })).summary.errors).toBe(0);
  });
});
