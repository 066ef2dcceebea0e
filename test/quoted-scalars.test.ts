/**
 * Multi-line quoted scalars read as kubectl (go-yaml v2, scannerc.go yaml_parser_scan_flow_scalar)
 * reads them: a continuation line may start in any column, its leading blanks are dropped, a
 * single line break folds to a space and each further one stays a line break; only `---` or
 * `...` in column 0 stops the scalar. The expected values are what go-yaml gives for each text.
 */
import { parseTextBy } from "../src/engine/parse.js";

const READ: Array<[string, string, unknown]> = [
  ["closing line left of the key", "m:\n  a: '[\n    1\n  ]'\n  b: x\n", { m: { a: "[ 1 ]", b: "x" } }],
  ["double-quoted, closing line left of the key", 'm:\n  a: "[\n    1\n  ]"\n  b: x\n', { m: { a: "[ 1 ]", b: "x" } }],
  ["lines in column 0", "m:\n  a: 'x\ny\nz'\n  b: x\n", { m: { a: "x y z", b: "x" } }],
  ["a tab before a line", "m:\n  a: 'x\n\ty'\n", { m: { a: "x y" } }],
  ["blank lines stay line breaks", "m:\n  a: 'x\n\n y\n\n\nz '\n", { m: { a: "x\ny\n\nz " } }],
  ["escaped line breaks", 'm:\n  a: "x\\\ny \\\n  z"\n', { m: { a: "xy z" } }],
  ["an indented document marker is text", "m:\n  a: 'x\n   ---\ny'\n", { m: { a: "x --- y" } }],
  ["a marker followed by text is text", "m:\n  a: 'x\n---y'\n", { m: { a: "x ---y" } }],
  ["a list item", "- 'a\nb'\n- c\n", ["a b", "c"]],
  ["a value on the line after its key", "m:\n  a:\n    'x\n  y'\n", { m: { a: "x y" } }],
  ["a doubled quote over lines", "m:\n  a: 'it''s\n''q'''\n", { m: { a: "it's 'q'" } }],
  ["a comment sign inside", "m:\n  a: 'x\n#c\ny'\n", { m: { a: "x #c y" } }],
  ["a comment after the closing quote", "m:\n  a: 'x\n  y' # c\n  b: 2\n", { m: { a: "x y", b: 2 } }],
  ["CRLF line ends", "m:\r\n  a: 'x\r\ny'\r\n", { m: { a: "x y" } }],
];

describe.each(["lean", "full"] as const)("%s route", (route) => {
  test.each(READ)("%s", (_name, text, value) => {
    const docs = parseTextBy(text, "1.1", "yaml", route);
    expect(docs.map((d) => d.problems)).toEqual([[]]);
    expect(docs[0].value).toEqual(value);
  });

  test.each([
    ["---", "m:\n  a: 'x\n---\ny'\n"],
    ["...", 'm:\n  a: "x\n... \ny"\n'],
  ])("a %s line in column 0 ends the document inside quotes, at the opening quote", (marker, text) => {
    const [first] = parseTextBy(text, "1.1", "yaml", route);
    expect(first.value).toBeUndefined();
    expect(first.problems.map((p) => [p.start, p.message])).toEqual([[text.indexOf("x") - 1, `the ${text.includes('"') ? "double" : "single"} quote before "x" is not closed before the "${marker}" line, which ends the document`]]);
  });
});
