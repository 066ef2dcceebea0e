/**
 * The lean parse path (src/engine/lean/parse-lean.ts) against the full Document path
 * (parse.ts), the reference: for every fixture, every shared case, every bench corpus shape
 * and 10,000 mutations of fixtures (the property test's mutations), both must give the same
 * documents: values, span tables of every map and sequence, document ranges, root spans, Helm
 * sources, syntax problems, and so the same comment directives. Where the lean path gives up
 * it hands the text to the full path, which is then compared with itself; the counts of texts
 * the lean path read itself are checked too, so that a lean path that always gives up fails.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
// @ts-expect-error: the benchmark's generator is plain JavaScript without types.
import { CORPUS_SHAPES, generateCorpus } from "../bench/generate.js";
import { findCommentDirectives } from "../src/engine/directives.js";
import { parsePathStats, parseTextBy, type ParsedDocument } from "../src/engine/parse.js";
import { FIXTURES, ROOT } from "./harness.js";
import { manifests, mutate, mutations } from "./mutations.js";

const SHARED_CASES = join(ROOT, "..", "shared", "cases");

function files(dir: string): string[] {
  try {
    return statSync(dir).isDirectory() ? manifests(dir) : [];
  } catch {
    return [];
  }
}

/** The differences between the two paths' documents of a text, in words (empty: identical). */
function differences(text: string, format: "yaml" | "json"): string[] {
  const full = parseTextBy(text, "1.1", format, "full");
  const lean = parseTextBy(text, "1.1", format, "lean");
  const out: string[] = [];
  if (full.length !== lean.length) return [`${full.length} documents by the full path, ${lean.length} by the lean one`];
  full.forEach((a, i) => {
    const b = lean[i];
    for (const k of ["index", "start", "end", "rootSpan", "helmSource", "template", "problems"] as const) {
      if (!isDeepStrictEqual(a[k], b[k])) out.push(`document ${i} ${k}: ${JSON.stringify(a[k])} vs ${JSON.stringify(b[k])}`);
    }
    if (!isDeepStrictEqual(a.value, b.value)) out.push(`document ${i} value: ${JSON.stringify(a.value)} vs ${JSON.stringify(b.value)}`);
    else out.push(...spanDifferences(a, b, i));
  });
  const directives = (docs: ParsedDocument[]) =>
    findCommentDirectives(text, (o) => (docs.find((d) => o < d.end) ?? docs[docs.length - 1])?.index ?? 0, (o) => o);
  if (!isDeepStrictEqual(directives(full), directives(lean))) out.push("comment directives differ");
  return out;
}

/** Span tables of every collection, walked side by side (values are already equal). */
function spanDifferences(a: ParsedDocument, b: ParsedDocument, doc: number): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const walk = (x: unknown, y: unknown, path: string) => {
    if (!x || typeof x !== "object" || seen.has(x)) return;
    seen.add(x);
    const table = (spans: ParsedDocument["spans"], v: object) => {
      const t = spans.get(v);
      return t && [...t.entries()];
    };
    const sa = table(a.spans, x);
    const sb = table(b.spans, y as object);
    if (!isDeepStrictEqual(sa, sb)) out.push(`document ${doc} spans at "${path}": ${JSON.stringify(sa)} vs ${JSON.stringify(sb)}`);
    // A table answers for its own keys only (a sequence by number, a map by string), as a Map does.
    const sample = Array.isArray(x) ? ["0", -1, x.length] : [0, "constructor", "__proto__"];
    for (const k of sample) if (!isDeepStrictEqual(a.spans.get(x)?.get(k), b.spans.get(y as object)?.get(k))) out.push(`document ${doc} span lookup of ${JSON.stringify(k)} at "${path}" differs`);
    for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
  };
  walk(a.value, b.value, "");
  return out;
}

function leanCount(read: () => void): { lean: number; full: number } {
  const before = { ...parsePathStats };
  read();
  return { lean: parsePathStats.lean - before.lean, full: parsePathStats.full - before.full };
}

function expectSame(file: string, text: string) {
  const found = differences(text, /\.json$/i.test(file) ? "json" : "yaml");
  if (found.length) throw new Error(`${file}: the lean path differs from the full one:\n${found.slice(0, 5).join("\n")}`);
}

test("every fixture and shared case reads the same by both paths", () => {
  const all = [...files(FIXTURES), ...files(SHARED_CASES)];
  expect(all.length).toBeGreaterThan(500);
  const counts = leanCount(() => {
    for (const file of all) expectSame(file, readFileSync(file, "utf8"));
  });
  // Most fixtures are plain manifests: the lean path must read them itself.
  expect(counts.lean).toBeGreaterThan(counts.full * 5);
});

describe("bench corpus shapes", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "leanparse-differential-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test.each(CORPUS_SHAPES as string[])("%s: identical, and read by the lean path alone", (shape) => {
    const dir: string = generateCorpus(400, join(tmp, shape), shape);
    const texts = manifests(dir);
    expect(texts.length).toBeGreaterThan(0);
    const counts = leanCount(() => {
      for (const file of texts) expectSame(file, readFileSync(file, "utf8"));
    });
    expect(counts).toEqual({ lean: texts.length, full: 0 });
  });
});

const fixtures = files(FIXTURES).map((file) => ({ file: file.slice(FIXTURES.length + 1), text: readFileSync(file, "utf8") }));
const fixtureArb = fc.nat({ max: fixtures.length - 1 }).map((i) => fixtures[i]);

// 9 kinds x 1,000 runs + 1,000 runs of mixed mutations = 10,000 mutated texts.
test.each(Object.keys(mutations) as Array<keyof typeof mutations>)("mutation: %s", (kind) => {
  const counts = leanCount(() =>
    fc.assert(
      fc.property(fixtureArb, fc.array(mutations[kind], { minLength: 1, maxLength: 3 }), (fixture, steps) =>
        expectSame(fixture.file, steps.reduce(mutate, fixture.text)),
      ),
      { numRuns: 1000, seed: 20261201 + kind.length },
    ),
  );
  // Every kind of mutation leaves some texts inside the lean subset.
  expect(counts.lean).toBeGreaterThan(0);
});

test("mixed mutations", () => {
  fc.assert(
    fc.property(fixtureArb, fc.array(fc.oneof(...Object.values(mutations)), { minLength: 1, maxLength: 5 }), (fixture, steps) =>
      expectSame(fixture.file, steps.reduce(mutate, fixture.text)),
    ),
    { numRuns: 1000, seed: 20261201 },
  );
});
