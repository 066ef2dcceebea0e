/**
 * Every fixture: the reported (rule, line) pairs of the rules in scope equal its markers; under
 * fixtures/rules/<id>/, their messages and hints equal the folder's messages.txt; and every
 * finding, in scope or not, follows the message style of STYLE.md.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { LintResult } from "../src/types.js";
import { FIXTURES, ROOT, collectFixtures, compare, ruleList, entryBelongsTo, lintFixture, messageEntries, readMessages, ruleFolderOf, writeMessages, type FixtureCase } from "./harness.js";
import { styleProblems } from "./message-style.js";

const cases = collectFixtures();
const update = process.env.UPDATE_MESSAGES === "1";

// One lint per fixture, shared by its tests.
const results = new Map<FixtureCase, Promise<LintResult>>();
const resultOf = (c: FixtureCase) => results.get(c) ?? results.set(c, lintFixture(c)).get(c)!;

test("there are fixtures", () => {
  expect(cases.length).toBeGreaterThan(0);
});

// collectFixtures reads every header with ruleList: a bad list fails the suite before any case runs.
test("a fixture's rule list names known rules, separated by commas", () => {
  expect(ruleList(" image-latest-tag, naked-pod@3 ", "f.yaml:1", false, new Set(["image-latest-tag", "naked-pod"]))).toEqual(["image-latest-tag", "naked-pod@3"]);
  const known = new Set(["image-latest-tag", "naked-pod"]);
  expect(() => ruleList("image-latest-tag naked-pod", "f.yaml:1", true, known)).toThrow('f.yaml:1: "image-latest-tag naked-pod" is not one rule id: separate rule ids with commas');
  expect(() => ruleList("image-latest-tag,,naked-pod", "f.yaml:1", true, known)).toThrow("empty entry");
  expect(() => ruleList("", "f.yaml:1", true, known)).toThrow("empty rule list");
  expect(() => ruleList("image-lastest-tag", "f.yaml:2", true, known)).toThrow('f.yaml:2: unknown rule "image-lastest-tag" (did you mean "image-latest-tag"?)');
  expect(() => ruleList("*", "f.yaml:3", false, known)).toThrow('unknown rule "*"');
  expect(ruleList("*", "f.yaml:3", true, known)).toEqual(["*"]);
});

// A fixture without a `# rules:` header (or a .expect file beside a JSON one) is no case: it would be linted by nothing.
test("every fixture of a rule's folder is a case", () => {
  const named = new Set(cases.map((c) => c.inputs[0]));
  const folders = readdirSync(join(FIXTURES, "rules"));
  const orphans = folders.flatMap((rule) =>
    readdirSync(join(FIXTURES, "rules", rule))
      .filter((entry) => /\.(ya?ml|json)$|\.set$/.test(entry))
      .map((entry) => relative(ROOT, join(FIXTURES, "rules", rule, entry)))
      .filter((input) => !named.has(input)),
  );
  expect(orphans).toEqual([]);
});

test("every entry of a messages.txt is about a fixture that exists", () => {
  const folders = new Map<string, FixtureCase[]>();
  for (const c of cases) {
    const folder = ruleFolderOf(c);
    if (folder) folders.set(folder, [...(folders.get(folder) ?? []), c]);
  }
  const stale = [...folders].flatMap(([folder, of]) => readMessages(folder).filter((e) => !of.some((c) => entryBelongsTo(e, c, folder))).map((e) => `${relative(ROOT, folder)}/${e.split("\n")[0]}`));
  expect(stale).toEqual([]);
});

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  test("reports exactly the marked lines", async () => {
    const { missing, extra, outOfFile } = compare(c, await resultOf(c));
    expect({ missing, extra, outOfFile }).toEqual({ missing: [], extra: [], outOfFile: [] });
  });

  const folder = ruleFolderOf(c);
  if (folder) {
    test("says the messages and hints pinned in messages.txt", async () => {
      const reported = messageEntries(c, await resultOf(c), folder);
      if (update) writeMessages(c, folder, reported);
      expect(reported).toEqual(readMessages(folder).filter((e) => entryBelongsTo(e, c, folder)));
    });
  }

  test("words every finding in the message style", async () => {
    const result = await resultOf(c);
    const problems = result.files.flatMap((f) => f.diagnostics.flatMap((d) => styleProblems(d).map((p) => `${f.path}:${d.line} ${d.ruleId}: ${p}`)));
    expect(problems).toEqual([]);
  });
});
