/**
 * Flow collections read as kubectl (go-yaml v2) reads them: inside `[ ]` or `{ }` no line is
 * checked for indentation (scannerc.go: yaml_parser_unroll_indent and the plain-scalar column
 * check only act at flow_level 0), so an entry, a continuation line or the closing bracket may
 * start in any column; only a `---` or `...` line in column 0 ends the collection, and the
 * document. The expected values are what go-yaml gives for each text.
 */
import { parsePathStats, parseTextBy } from "../src/engine/parse.js";
import { explainSyntaxProblem } from "../src/engine/syntax-problems.js";

/** Name, text, value. The lean path hands each of these texts to the full path. */
const READ: Array<[string, string, unknown]> = [
  ["closing bracket in column 0 of a nested key", "spec:\n  args: [\n    a,\n    b\n]\n  c: 1\n", { spec: { args: ["a", "b"], c: 1 } }],
  ["closing brace in column 0 of a nested key", "spec:\n  m: {\n    a: 1,\n    b: 2\n}\n", { spec: { m: { a: 1, b: 2 } } }],
  ["an entry left of its key", 'spec:\n  args: ["a",\n"b"]\n', { spec: { args: ["a", "b"] } }],
  ["a plain scalar over a line in column 0", "m:\n  a: [one\ntwo, three]\n", { m: { a: ["one two", "three"] } }],
  ["a value on the line after its key", "m:\n  a: {x:\n1}\n", { m: { a: { x: 1 } } }],
  ["nested collections closing left of their key", "spec:\n  a: [[\n  1, 2\n], [3,\n4]]\n  b: x\n", { spec: { a: [[1, 2], [3, 4]], b: "x" } }],
  ["a list item", "- [\n1,\n2\n]\n- x\n", [[1, 2], "x"]],
  ["an indented document marker is text", "m:\n  a: [1,\n ---\n]\n", { m: { a: [1, "---"] } }],
];

describe.each(["lean", "full"] as const)("%s route", (route) => {
  test.each(READ)("%s", (_name, text, value) => {
    const before = parsePathStats.lean;
    const docs = parseTextBy(text, "1.1", "yaml", route);
    expect(docs.map((d) => d.problems)).toEqual([[]]);
    expect(docs[0].value).toEqual(value);
    expect(parsePathStats.lean).toBe(before);
  });

  test.each([
    ["---", "list", "m:\n  a: [1,\n---\n]\n", "["],
    ["...", "mapping", "m:\n  a: {b: 1,\n...\n}\n", "{"],
  ])("a %s line in column 0 ends the %s, at the opening bracket", (marker, kind, text, open) => {
    const [first] = parseTextBy(text, "1.1", "yaml", route);
    expect(first.value).toBeUndefined();
    const shown = explainSyntaxProblem(text, first.problems[0]);
    expect([shown.start, shown.message]).toEqual([text.indexOf(open), `the ${kind} opened with "${open}" is not closed before the "${marker}" line, which ends the document`]);
  });

  test("a bracket never closed is shown where it opens", () => {
    const text = "m:\n  a: [1,\n  2\n";
    const [doc] = parseTextBy(text, "1.1", "yaml", route);
    expect(doc.value).toBeUndefined();
    const shown = doc.problems.map((p) => explainSyntaxProblem(text, p)).find((s) => s.message.includes("never closed"));
    expect(shown && [shown.start, shown.message]).toEqual([text.indexOf("["), 'the list opened with "[" is never closed with "]"']);
  });

  test("a brace left open reads the next key as an entry, and says where the brace opens", () => {
    const text = "m: {a: {x: 1}\nb: 2\n";
    const [doc] = parseTextBy(text, "1.1", "yaml", route);
    const shown = explainSyntaxProblem(text, doc.problems[0]);
    expect([shown.start, shown.message]).toEqual([text.indexOf("b"), 'the mapping opened with "{" on line 1 is still open here, and "b" is not separated from its last entry by ","']);
  });
});
