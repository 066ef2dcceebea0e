/** What yaml-syntax says, pinned for the mistakes whose position the engine moves to where they start. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lint } from "../src/engine/lint.js";
import { explainSyntaxProblem, TRANSLATIONS } from "../src/engine/syntax-problems.js";
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

test("a missing --- between two objects is one error at the second object's start, and nothing else is said of them", async () => {
  expect(await said("missing-document-separator.yaml")).toEqual([
    '14:1 another object seems to start here without a "---" line before it: the top-level keys "kind", "apiVersion", "metadata", "data" appear a second time in this document, so it is not checked further | add a line "---" above this one, so that each object is a document of its own',
    expect.stringMatching(/^29:1 key "data" appears twice in this mapping/),
    // apiVersion or kind repeated alone is a pasted line: a repeated key.
    expect.stringMatching(/^35:1 key "apiVersion" appears twice in this mapping \|/),
    expect.stringMatching(/^46:1 key "kind" appears twice in this mapping with different values/),
  ]);
  const result = await lint(["fixtures/rules/yaml-syntax/missing-document-separator.yaml"], { cwd: ROOT, config: {} });
  expect(result.files[0].diagnostics.filter((d) => d.line < 22).map((d) => d.ruleId)).toEqual(["yaml-syntax"]);
  // JSON has no ---: a repeated kind there stays a repeated key.
  const json = await lint(["-"], { stdin: '{"apiVersion": "v1", "kind": "ConfigMap", "kind": "Secret", "metadata": {"name": "x"}}\n', config: {} });
  expect(json.files[0].diagnostics.map((d) => `${d.column} ${d.endColumn} ${d.message}`)).toEqual([
    '43 49 key "kind" appears twice in this mapping with different values: which one is meant is unclear, so the rest of the document is not checked',
  ]);
});

test("a repeated quoted key is named without its quotes", async () => {
  const result = await lint(["-"], { stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  'a.b': one\n  'a.b': one\n", config: {} });
  expect(result.files[0].diagnostics.map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.message}`)).toEqual(['6:3-8 key "a.b" appears twice in this mapping']);
});

test("an unclosed quote is named, at the quote", async () => {
  // kubectl reads the quote on to the next one, three lines down: the one left open is shown.
  expect(await said("unclosed-quote.yaml")).toEqual([
    '6:9 the double quote before "settings # expect: yaml-syntax@9" is closed only on line 9, where more text follows the closing quote | close the string on the line where it starts: a quoted value runs over lines up to the next double quote',
  ]);
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

/** The error codes of the installed yaml package, from its type declarations. */
function yamlErrorCodes(): string[] {
  const dts = readFileSync(join(ROOT, "node_modules", "yaml", "dist", "errors.d.ts"), "utf8");
  const union = /export type ErrorCode = ([^;]+);/.exec(dts)![1];
  return [...union.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]);
}

/** What each code's fixture says (fixtures/rules/yaml-syntax/codes/<code in kebab case>*.yaml): the parser's wording never shows. */
const BY_FIXTURE: Array<[fixture: string, code: string, says: string, raw: string]> = [
  ["alias-props.yaml", "ALIAS_PROPS", '9:22 alias "*labels" cannot carry an anchor or a tag | remove the anchor or tag', "alias node must not"],
  ["bad-alias.yaml", "BAD_ALIAS", '8:12 "*" starts an alias, but no anchor name follows it | write the anchor\'s name after "*"', "cannot be an empty string"],
  ["bad-directive.yaml", "BAD_DIRECTIVE", '1:1 directive "%YAML 1.2 strict" is not valid | remove the line', "should contain exactly"],
  ["bad-dq-escape.yaml", "BAD_DQ_ESCAPE", '8:12 "\\d" is not an escape sequence of a double-quoted string | write "\\\\" for a backslash', "Invalid escape"],
  ["bad-indent.yaml", "BAD_INDENT", '9:3 key "b" is not aligned with the keys above it | indent it with as many spaces as its sibling keys', "must start at the same column"],
  ["bad-scalar-start.yaml", "BAD_SCALAR_START", '8:10 a value that is not quoted cannot start with "@" | quote the value (as in "@platform-team")', "reserved character"],
  ["block-as-implicit-key.yaml", "BLOCK_AS_IMPLICIT_KEY", '8:13 "Note: read this" reads as a second "key: value" on the line of its key | quote the value', "compact mappings"],
  ["block-in-flow.yaml", "BLOCK_IN_FLOW", '7:17 "web tier: front" is written as indented YAML inside [ ] or { } | separate the items with ","', "Block collections are not allowed"],
  ["key-over-1024-chars.yaml", "KEY_OVER_1024_CHARS", "8:3 this key is longer than 1024 characters", "indicator must be at most"],
  ["missing-char.yaml", "MISSING_CHAR", '8:15 "#" starts a comment only after a space | put a space before "#"', "must be separated"],
  ["missing-char-sequence-item.yaml", "MISSING_CHAR", '19:10 "ports" is indented 9 spaces: inside the list above, but not a list item and not aligned with the item\'s keys | indent it 10 spaces like the keys of the item above, or start a new item with "- "', "without - indicator"],
  ["missing-char-value.yaml", "MISSING_CHAR", '9:3 "b" is neither a "key: value" line nor part of the value above it | add ": " and a value', "Implicit map keys"],
  ["missing-char-unclosed-flow.yaml", "MISSING_CHAR", '11:13 the list opened with "[" is never closed with "]"', "sufficiently indented"],
  ["multiline-implicit-key.yaml", "MULTILINE_IMPLICIT_KEY", '8:3 the key starting with "first" runs over several lines | write the key on one line', "Implicit keys need"],
  ["multiple-anchors.yaml", "MULTIPLE_ANCHORS", '8:11 a value can have only one anchor, and "&two" is a second one | remove one of the anchors', "at most one anchor"],
  ["multiple-tags.yaml", "MULTIPLE_TAGS", '8:12 a value can have only one tag, and "!!str" is a second one | remove one of the tags', "at most one tag"],
  ["tab-as-indent.yaml", "TAB_AS_INDENT", "6:1 a tab is used for indentation: YAML indents with spaces only | replace the tab with spaces", "Tabs are not allowed"],
  ["tag-resolve-failed.yaml", "TAG_RESOLVE_FAILED", '8:6 tag "!e!secret" is not one the YAML parser knows | remove the tag', "Could not resolve"],
  ["unexpected-token.yaml", "UNEXPECTED_TOKEN", '9:3 "]" closes nothing: no bracket is open here | remove it', "in YAML stream"],
  ["unexpected-token-block-header.yaml", "UNEXPECTED_TOKEN", '8:12 "|echo": after "|" or ">" only an indentation digit and "+" or "-" may follow | move the text to the next line', "header includes"],
];

/**
 * Codes no manifest reaches through the way k8s-lint parses (parseAllDocuments-style composing,
 * no stringKeys, warnings not shown): translated from the message the yaml source emits.
 */
const BY_MESSAGE: Array<[code: string, upstream: string, says: string]> = [
  ["BAD_PROP_ORDER", "Anchors and tags must be after the ? indicator", 'an anchor or tag stands before the "?" indicator | move it after "?"'],
  ["IMPOSSIBLE", "Map comment with trailing content", "the YAML parser cannot read this line at all | check the comments"],
  ["MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()", "several documents where one is expected | split them"],
  ["NON_STRING_KEY", "With stringKeys, all keys must be strings", "this key is not a string | quote the key"],
  ["RESOURCE_EXHAUSTION", "Maximum call stack size exceeded", "this collection is too large or too deeply nested to read | split the document"],
  ["BAD_COLLECTION_TYPE", "tag:yaml.org,2002:map used for seq collection, but expects map", 'tag "!!map" does not fit the collection it is written on | remove the tag'],
  ["BAD_ALIAS", "Anchor ending in : is ambiguous", 'the anchor name ends with ":", which is read as part of the name | put a space before ":"'],
  ["BAD_INDENT", "Flow end indicator should be more indented than parent", "the closing bracket is indented less than the key it belongs to | indent the closing bracket"],
  ["UNEXPECTED_TOKEN", "Unexpected doc-end without preceding document", '"..." ends a document that has not started | remove the "..." line'],
];

const kebab = (code: string) => code.toLowerCase().replace(/_/g, "-");

test("every error code of the yaml package has a translation and a case", () => {
  const codes = yamlErrorCodes();
  expect(codes.length).toBeGreaterThan(20);
  // DUPLICATE_KEY is found by k8s-lint itself (the composer runs with uniqueKeys: false): its own test below.
  const covered = new Set(["DUPLICATE_KEY", ...BY_FIXTURE.map(([, c]) => c), ...BY_MESSAGE.map(([c]) => c)]);
  for (const code of codes) {
    expect({ code, translated: code in TRANSLATIONS }).toEqual({ code, translated: true });
    expect({ code, covered: covered.has(code) }).toEqual({ code, covered: true });
  }
});

test.each(BY_FIXTURE)("%s: %s in plain words at its token", async (fixture, code, says, raw) => {
  expect(fixture.startsWith(kebab(code))).toBe(true);
  const [first, ...rest] = await said(`codes/${fixture}`);
  expect(rest).toEqual([]);
  expect(first.startsWith(says)).toBe(true);
  expect(first).not.toContain(raw);
});

test.each(BY_MESSAGE)("%s %p in plain words", (code, upstream, says) => {
  const text = "a: !!map [1]\n";
  const shown = explainSyntaxProblem(text, { code, message: upstream, start: 3, end: 8, recoverable: false });
  expect(`${shown.message} | ${shown.hint}`.startsWith(says)).toBe(true);
  expect(shown.message).not.toContain(upstream);
});

test("a repeated key is named, at the second one", async () => {
  expect(await said("duplicate-key.yaml")).toEqual([
    '6:3 key "name" appears twice in this mapping with different values: which one is meant is unclear, so the rest of the document is not checked | keep the key with the value you mean and remove the other: kubectl apply -f silently keeps one value, and kustomize (kubectl apply -k, Flux) refuses the mapping',
  ]);
});

test("a key repeated with the same value is a warning where kubectl apply -f reads the file, an error where kustomize reads it", async () => {
  const severities = async (path: string) => {
    const result = await lint([`fixtures/rules/yaml-syntax/${path}`], { cwd: ROOT, config: {} });
    return result.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === "yaml-syntax").map((d) => `${f.path.split("/").pop()}:${d.line} ${d.severity}`));
  };
  expect(await severities("duplicate-key-same-value.yaml")).toEqual(["duplicate-key-same-value.yaml:8 warning"]);
  expect(await severities("duplicate-key-kustomized.set")).toEqual(["configmap.yaml:8 error"]);
  // Two values: one is lost to kubectl apply -f, whoever reads the file.
  expect(await severities("duplicate-key.yaml")).toEqual(["duplicate-key.yaml:6 error"]);
});
