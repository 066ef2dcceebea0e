/**
 * The `references` setting is one policy: read in one place (reportsAbsent), by the rules whose
 * meta says `reportsAbsentObjects` (docs/configuration.md lists them from that flag), and each of
 * them has fixtures under `references=complete` both ways.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { allRules } from "../src/rules/index.js";
import { collectFixtures, compare, lintFixture, ROOT } from "./harness.js";

const RULES_DIR = join(ROOT, "src/rules");
const sources = readdirSync(RULES_DIR, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .map((f) => ({ file: f.split("\\").join("/"), text: readFileSync(join(RULES_DIR, f), "utf8") }));
const flagged = allRules.filter((r) => r.meta.reportsAbsentObjects).map((r) => r.meta.id);

test("the setting is read only by reportsAbsent", () => {
  expect(sources.filter((s) => /settings\.references|references ===/.test(s.text)).map((s) => s.file)).toEqual(["config/references.ts"]);
});

test("the rules that call reportsAbsent, directly or through a helper, are the flagged ones", () => {
  const helpers = sources.filter((s) => s.text.includes("reportsAbsent(") && !allRules.some((r) => s.file.endsWith(`/${r.meta.id}.ts`)) && s.file !== "config/references.ts");
  const callers = sources
    .filter((s) => s.text.includes("reportsAbsent(") || helpers.some((h) => s.text.includes(`/${basename(h.file, ".ts")}.js"`)))
    .map((s) => basename(s.file, ".ts"))
    .filter((id) => allRules.some((r) => r.meta.id === id));
  expect(callers.sort()).toEqual([...flagged].sort());
});

describe.each(flagged)("%s", (id) => {
  const cases = collectFixtures().filter((c) => c.options.references === "complete" && c.rules.has(id));
  const fires = cases.filter((c) => [...c.expected].some((e) => e.endsWith(`:${id}`)));

  test("has a fixture under references=complete that reports it and one that does not", () => {
    expect(fires.length).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThan(fires.length);
  });

  test("a partial reading of the fixtures that report it reports none of their findings", async () => {
    for (const c of fires) {
      const partial = await lintFixture({ ...c, options: { ...c.options, references: "partial" } });
      const expected = [...c.expected].filter((e) => e.endsWith(`:${id}`));
      expect(compare(c, partial).missing).toEqual(expect.arrayContaining(expected));
    }
  });
});
