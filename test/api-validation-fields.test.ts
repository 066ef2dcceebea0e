/**
 * The field constraints, row by row: each row of api-validation-fields.data.ts puts one value at
 * one field of an otherwise valid manifest, lints it with the real linter and checks that the
 * rule reports that document (an invalid value) or does not (a valid one). Every row names the
 * upstream test its value comes from.
 */
import { stringify } from "yaml";
import { lint } from "../src/engine/lint.js";
import type { Diagnostic } from "../src/types.js";
import { ROWS, SITES, type Row } from "./api-validation-fields.data.js";
import { ROOT } from "./harness.js";

/** Sets `value` at a dotted path ("ports.0.name"), creating objects and lists on the way. */
function setAt(target: Record<string, unknown>, path: string, value: unknown) {
  if (path === "") {
    Object.assign(target, value);
    return;
  }
  const segs = path.split(".");
  let node: Record<string | number, unknown> = target;
  segs.forEach((seg, i) => {
    const key = /^\d+$/.test(seg) ? Number(seg) : seg;
    if (i === segs.length - 1) {
      const old = node[key];
      node[key] = value && typeof value === "object" && !Array.isArray(value) && old && typeof old === "object" ? { ...old, ...value } : value;
      return;
    }
    if (node[key] === undefined || node[key] === null) node[key] = /^\d+$/.test(segs[i + 1]) ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
}

interface Doc {
  row: Row;
  first: number;
  last: number;
}

/** One multi-document input per target version; each row is one document with a name of its own. */
async function lintRows(rows: readonly Row[], version: string | undefined): Promise<Map<Row, Diagnostic[]>> {
  const docs: Doc[] = [];
  const texts: string[] = [];
  let line = 1;
  rows.forEach((row, i) => {
    const site = SITES[row.site];
    const object = site.build(`row-${i}`);
    setAt(object, [site.prefix, row.path].filter(Boolean).join("."), row.value);
    // Strings double-quoted: the value under test is read back as the string it is (".", "1_").
    const text = stringify(object, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
    const lines = text.split("\n").length - 1;
    docs.push({ row, first: line, last: line + lines - 1 });
    texts.push(text);
    line += lines + 1;
  });
  const result = await lint(["-"], { cwd: ROOT, config: {}, stdin: texts.join("---\n"), ...(version ? { kubernetesVersion: version } : {}) });
  const diagnostics = result.files.flatMap((f) => f.diagnostics);
  return new Map(docs.map((d) => [d.row, diagnostics.filter((x) => x.line >= d.first && x.line <= d.last)]));
}

const byVersion = new Map<string | undefined, Row[]>();
for (const row of ROWS) byVersion.set(row.version, [...(byVersion.get(row.version) ?? []), row]);
const results = new Map<Row, Diagnostic[]>();

beforeAll(async () => {
  for (const [version, rows] of byVersion) for (const [row, found] of await lintRows(rows, version)) results.set(row, found);
});

test("the table has at least 220 rows, both ways, each citing an upstream test", () => {
  expect(ROWS.length).toBeGreaterThanOrEqual(220);
  expect(ROWS.filter((r) => r.valid).length).toBeGreaterThan(60);
  expect(ROWS.filter((r) => !r.valid).length).toBeGreaterThan(110);
  expect(ROWS.filter((r) => !/_test\.go Test\w+/.test(r.upstream)).map((r) => `${r.site} ${r.path}`)).toEqual([]);
});

test("every site builds a manifest that the rules of the table accept as it is", async () => {
  const empty = Object.keys(SITES).map((site): Row => ({ site, path: "metadata.labels.row", value: "clean", valid: true, upstream: "-" }));
  const found = await lintRows(empty, undefined);
  const rules = new Set(ROWS.map((r) => r.rule ?? "invalid-value"));
  expect([...found].flatMap(([row, ds]) => ds.filter((d) => rules.has(d.ruleId)).map((d) => `${row.site}: ${d.ruleId} ${d.message}`))).toEqual([]);
});

const label = (r: Row) => `${r.valid ? "accepts" : "rejects"} ${r.site} ${r.path} = ${JSON.stringify(r.value)}${r.version ? ` at ${r.version}` : ""} (${r.upstream})`;

test.each(ROWS.map((r) => [label(r), r] as const))("%s", (_label, row) => {
  const rule = row.rule ?? "invalid-value";
  const found = (results.get(row) ?? []).filter((d) => d.ruleId === rule).map((d) => `${d.line}:${d.column} ${d.message}`);
  if (row.valid) expect(found).toEqual([]);
  else expect(found.length).toBeGreaterThan(0);
});
