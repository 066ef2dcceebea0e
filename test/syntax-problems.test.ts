/** What yaml-syntax says, pinned for the mistakes whose position the engine moves to where they start. */
import { lint } from "../src/engine/lint.js";
import { ROOT } from "./harness.js";

async function said(fixture: string): Promise<string[]> {
  const result = await lint([`fixtures/rules/yaml-syntax/${fixture}`], { cwd: ROOT, config: {} });
  return result.files[0].diagnostics.filter((d) => d.ruleId === "yaml-syntax").map((d) => `${d.line}:${d.column} ${d.message} | ${d.hint ?? ""}`);
}

test("a stray list item is named, at its dash", async () => {
  const hint = 'remove the "- " to make it a key of this mapping, or move the list under a key of its own';
  expect(await said("stray-list-item.yaml")).toEqual([
    `10:5 list item "- tier: frontend" appears among the keys of a mapping | ${hint}`,
    `20:1 list item "- level: 3" appears among the keys of a mapping | ${hint}`,
  ]);
});

test("an unclosed quote is named, at the quote", async () => {
  expect(await said("unclosed-quote.yaml")).toEqual(['6:9 the double quote before "settings # expect: yaml-syntax@9" is never closed | close the string with a double quote']);
  expect(await said("unclosed-single-quote.yaml")).toEqual([
    "7:9 the single quote before \"it''s a fine day # expect: yaml-syntax@9\" is never closed | close the string with a single quote (write '' for a quote inside it)",
  ]);
});

test("a recursive alias is named, at the alias", async () => {
  expect(await said("recursive-alias.yaml")).toEqual([
    '9:9 recursive alias "*labels": it refers to the anchored node that contains it | ',
    '16:14 recursive alias "*data": it refers to the anchored node that contains it | ',
  ]);
});

test("a comment in a JSON file is named, whatever its style, and only outside strings", async () => {
  const hint = 'remove the comment: JSON has no comments, and kubectl reads a file that starts with "{" as strict JSON';
  expect(await said("json-line-comment.json")).toEqual([`2:23 comment "// the core group" is not allowed in JSON | ${hint}`]);
  expect(await said("json-hash-comment.json")).toEqual([`4:3 comment "# the settings of the web tier" is not allowed in JSON | ${hint}`]);
  expect(await said("json-block-comment.json")).toEqual([`4:16 comment "/* generated */" is not allowed in JSON | ${hint}`]);
  expect(await said("json-near-miss.json")).toEqual([]);
});

test("the same comments in a YAML file are YAML comments or text", async () => {
  const result = await lint(["-"], { stdin: '{\n  "apiVersion": "v1", # the core group\n  "kind": "ConfigMap",\n  "metadata": {"name": "x"}\n}\n', config: {} });
  expect(result.files[0].diagnostics.filter((d) => d.ruleId === "yaml-syntax")).toEqual([]);
});
