/**
 * jsonChunks writes what JSON.stringify(value, replacer, 2) and a newline give, in chunks: on
 * random values (seeded), on values with toJSON, holes, undefined and function values at every
 * depth, with and without a replacer, and on a report large enough to come in several chunks.
 */
import { jsonChunks, type Replacer } from "../src/formatters/json-chunks.js";

/** A small deterministic generator (mulberry32), so that a failure names its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = ["", "a", "line\nbreak", 'quote"d', "tab\there", "é ü 😀", "\u2028", "\\", "{", "[1,2]", "\u0000"];

function randomValue(next: () => number, depth: number): unknown {
  const pick = next();
  if (depth > 6 || pick < 0.35) {
    const leaves: unknown[] = [null, true, false, 0, -1.5, 1e21, NaN, Infinity, undefined, () => 1, Symbol("s"), STRINGS[Math.floor(next() * STRINGS.length)], Math.floor(next() * 1000)];
    return leaves[Math.floor(next() * leaves.length)];
  }
  if (pick < 0.6) return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth + 1));
  if (pick < 0.65) {
    const inner = randomValue(next, depth + 1);
    return { toJSON: (key: string) => ({ from: key, inner }) };
  }
  if (pick < 0.68) return new Date(Math.floor(next() * 1e12));
  if (pick < 0.7) return new Number(3);
  if (pick < 0.72) return Object.assign(Object.create(null), { bare: randomValue(next, depth + 1) });
  const out: Record<string, unknown> = {};
  const n = Math.floor(next() * 5);
  for (let i = 0; i < n; i++) out[STRINGS[Math.floor(next() * STRINGS.length)] || `k${i}`] = randomValue(next, depth + 1);
  return out;
}

const text = (value: unknown, replacer?: Replacer) => [...jsonChunks(value, replacer)].join("");
const expected = (value: unknown, replacer?: Replacer) => `${JSON.stringify(value, replacer, 2) ?? ""}\n`;

/** A replacer that reads its holder and key: drops keys named "a", doubles numbers in lists, wraps strings at the root. */
const replacer: Replacer = function (this: unknown, key, value) {
  if (key === "a") return undefined;
  if (Array.isArray(this) && typeof value === "number") return value * 2;
  if (key === "" && typeof value === "string") return { wrapped: value };
  return value;
};

describe("jsonChunks", () => {
  test.each(Array.from({ length: 300 }, (_, i) => i + 1))("random value, seed %i", (seed) => {
    const value = randomValue(random(seed), 0);
    expect(text(value)).toBe(expected(value));
    expect(text(value, replacer)).toBe(expected(value, replacer));
  });

  test("values without a JSON form: left out of objects, null in lists, no text at the root", () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol("x")], d: { e: { f: { g: undefined, h: 1 } } } };
    expect(text(value)).toBe(expected(value));
    expect(text(undefined)).toBe("\n");
    expect(text({ only: undefined })).toBe("{}\n");
  });

  test("a report of several chunks: the same text, in pieces of at most 64 KiB, more than half full but the last", () => {
    const report = {
      files: Array.from({ length: 400 }, (_, f) => ({
        path: `dir/file-${f}.yaml`,
        // The first file's list is long (written item by item), the others short (one native call each).
        diagnostics: Array.from({ length: f === 0 ? 300 : 20 }, (_, d) => ({ ruleId: "rule", line: d, message: `message ${f}.${d}\nsecond line`, nested: { list: [1, 2, { deep: [] }] } })),
      })),
    };
    const chunks = [...jsonChunks(report)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.length <= 64 * 1024)).toBe(true);
    expect(chunks.slice(0, -1).every((c) => c.length > 32 * 1024)).toBe(true);
    expect(chunks.join("")).toBe(expected(report));
  });

  test("a long list deep in the value is written item by item too: no piece is over 64 KiB", () => {
    const deep = { a: [{ b: { c: { d: { list: Array.from({ length: 5000 }, (_, i) => ({ item: i, text: "x".repeat(100), inner: [i] })) } } } }] };
    const chunks = [...jsonChunks(deep)];
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(64 * 1024);
    expect(chunks.join("")).toBe(expected(deep));
  });
});
