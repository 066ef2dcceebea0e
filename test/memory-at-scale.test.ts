/**
 * What a large run keeps, kept smaller without changing a finding (issue 17, memory at scale):
 * span tables packed into one array per file place every path where the tables they replace do;
 * the rules run in batches (in each, the own rules then the cross-resource ones), yet findings
 * come out in the order of one pass over every rule; a memo entry of scope "resource" and a
 * resource's views live for a batch, every other memo entry for the run.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PackedDocumentSpans, packSpans } from "../src/engine/lean/span-table.js";
import { lint } from "../src/engine/lint.js";
import { parseText } from "../src/engine/parse.js";
import { locate, type Target } from "../src/engine/positions.js";
import type { MemoKey } from "../src/models/run-memo.js";
import { getRule } from "../src/rules/index.js";
import type { CrossResourceContext, Rule } from "../src/rules/types.js";
import type { Path } from "../src/types.js";
import { ROOT } from "./harness.js";

function manifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return manifests(p);
    return /\.(ya?ml|json)$/.test(name) ? [p] : [];
  });
}

/** Every path of a value (each shared object once), and one missing key under each collection. */
function paths(value: unknown): Path[] {
  const out: Path[] = [[]];
  const seen = new Set<object>();
  const stack: Array<[unknown, Path]> = [[value, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    out.push([...path, "no-such-key"], [...path, 10_000]);
    const keys: Array<string | number> = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
    for (const k of keys) {
      out.push([...path, k]);
      stack.push([(v as Record<string | number, unknown>)[k], [...path, k]]);
    }
  }
  return out;
}

test("packed span tables place every path of every fixture where the tables they replace do", () => {
  let packedDocs = 0;
  let located = 0;
  for (const file of manifests(join(ROOT, "fixtures"))) {
    const text = readFileSync(file, "utf8");
    const format = file.endsWith(".json") ? "json" : "yaml";
    const tables = parseText(text, "1.1", format);
    const packed = parseText(text, "1.1", format);
    packSpans(packed, text);
    tables.forEach((doc, i) => {
      const other = packed[i];
      if (other.spans instanceof PackedDocumentSpans) packedDocs++;
      for (const path of paths(doc.value)) {
        for (const target of [undefined, "key", "value"] as Array<Target | undefined>) {
          expect([file, path, target, locate(other, path, target)]).toEqual([file, path, target, locate(doc, path, target)]);
          located++;
        }
      }
      // Lookups by object (fixes, the language server) see the same tables.
      const objects: unknown[] = [doc.value];
      const mirror: unknown[] = [other.value];
      while (objects.length) {
        const a = objects.pop();
        const b = mirror.pop();
        if (a === null || typeof a !== "object") continue;
        expect([file, other.spans.get(b as object) && [...other.spans.get(b as object)!.entries()]]).toEqual([file, doc.spans.get(a) && [...doc.spans.get(a)!.entries()]]);
        for (const k of Object.keys(a)) {
          objects.push((a as Record<string, unknown>)[k]);
          mirror.push((b as Record<string, unknown>)[k]);
        }
      }
    });
  }
  expect(packedDocs).toBeGreaterThan(1000);
  expect(located).toBeGreaterThan(100_000);
});

test("packed tables read keys from the text, and keep the keys their text does not spell (escapes, merges, numbers)", () => {
  const texts = [
    `a: 1\n"b": 2\n'c': 3\n"d\\x41": 4\n'e''f': 5\n7: 6\nbase: &b {g: 7, "h": 8}\nmerged:\n  <<: *b\n  i: 9\n"": 10\nnull: 11\n`,
    `{"apiVersion": "v1", "kind": "ConfigMap", "data": {"x\\ty": "1", "z": "2"}}`,
  ];
  for (const text of texts) {
    const tables = parseText(text, "1.1", "yaml");
    const packed = parseText(text, "1.1", "yaml");
    packSpans(packed, text);
    tables.forEach((doc, i) => {
      const other = packed[i];
      expect(other.spans).toBeInstanceOf(PackedDocumentSpans);
      for (const path of paths(doc.value)) expect([path, locate(other, path, "key")]).toEqual([path, locate(doc, path, "key")]);
      const root = doc.value as object;
      expect([...other.spans.get(other.value as object)!.entries()].map(([k]) => k)).toEqual([...doc.spans.get(root)!.entries()].map(([k]) => k));
    });
  }
  // The keys spelled differently from their text are looked up by their value.
  const [doc] = parseText(texts[0], "1.1", "yaml");
  packSpans([doc], texts[0]);
  expect(Object.keys(doc.value as object)).toEqual(expect.arrayContaining(["dA", "e'f", "7", "merged", ""]));
  expect(locate(doc, ["dA"], "key").exact).toBe(true);
  expect(locate(doc, ["e'f"], "key").exact).toBe(true);
  expect(locate(doc, ["merged", "g"], "key").exact).toBe(true);
  expect([...(doc.spans as PackedDocumentSpans).store.quirks!.values()]).toEqual(["dA", "e'f"]);
});

const configMaps = (n: number) => Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join("---\n");

/** A rule of every kind with its own check (tests of the engine). */
function testRule(id: string, crossResource: boolean, check: (ctx: CrossResourceContext) => void): Rule {
  const { meta } = getRule("duplicate-resource")!;
  return { meta: { ...meta, id, crossResource, appliesTo: undefined }, check: check as Rule["check"] };
}

test("findings of both stages come out in registry order per resource, internal errors included", async () => {
  const failing = (id: string, cross: boolean) =>
    testRule(id, cross, () => {
      throw new Error(id);
    });
  const reporting = (id: string, cross: boolean) => testRule(id, cross, ({ report }) => report({ path: ["kind"], message: id }));
  const ruleSet = [failing("cross-fails", true), reporting("own-reports", false), failing("own-fails", false), reporting("cross-reports", true)];
  const result = await lint(["-"], { stdin: configMaps(2), config: {}, ruleSet });
  const shown = result.files[0].diagnostics.map((d) => [d.line, d.ruleId, d.message.split(" failed")[0]]);
  expect(shown).toEqual([
    [2, "cross-reports", "cross-reports"],
    [2, "internal-error", 'rule "cross-fails"'],
    [2, "internal-error", 'rule "own-fails"'],
    [2, "own-reports", "own-reports"],
    [7, "cross-reports", "cross-reports"],
    [7, "internal-error", 'rule "cross-fails"'],
    [7, "internal-error", 'rule "own-fails"'],
    [7, "own-reports", "own-reports"],
  ]);
});

test("a memo entry of scope resource is built once per batch of resources, any other once per run", async () => {
  const perResource = { description: "per resource (test)", scope: "resource" } as MemoKey<Map<string, number>>;
  const perRun = { description: "per run (test)" } as MemoKey<Map<string, number>>;
  const builds = { perResource: 0, perRun: 0 };
  const counting = testRule("counts-memo-builds", true, ({ memo }) => {
    memo(perResource, () => (builds.perResource++, new Map()));
    memo(perRun, () => (builds.perRun++, new Map()));
  });
  await lint(["-"], { stdin: configMaps(2500), config: {}, ruleSet: [counting] });
  expect(builds).toEqual({ perResource: 3, perRun: 1 });
});

test("a resource's views (metadata, spec, pod template) last one batch of resources, then are read again", async () => {
  const deployments = Array.from({ length: 2500 }, (_, i) =>
    [`apiVersion: apps/v1`, `kind: Deployment`, `metadata:`, `  name: d${i}`, `  labels: {tier: web}`, `spec:`, `  template:`, `    metadata:`, `      labels: {app: d${i}}`, `    spec:`, `      containers: [{name: c, image: nginx:1.25}]`].join("\n"),
  ).join("\n---\n");
  // The metadata has labels: a view that is a copy (labels are read into a map without a prototype); one that reads as written is the written object and holds nothing.
  const seen = { metadata: new Set<unknown>(), templates: new Set<unknown>() };
  let sameInBatch = true;
  const watching = testRule("watches-views", true, ({ resource, index }) => {
    // The first Deployment read from every resource: its views are built once per batch.
    const first = index.all[0];
    const tpl = first.podTemplate;
    sameInBatch &&= first.podTemplate === tpl && resource.podTemplate === resource.podTemplate;
    seen.metadata.add(first.metadata);
    seen.templates.add(tpl);
    expect(tpl?.labels).toEqual({ app: "d0" });
  });
  await lint(["-"], { stdin: deployments, config: {}, ruleSet: [watching] });
  expect(sameInBatch).toBe(true);
  expect([seen.metadata.size, seen.templates.size]).toEqual([3, 3]);
});
