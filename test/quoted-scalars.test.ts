/**
 * Multi-line quoted scalars read as kubectl (go-yaml v2, scannerc.go yaml_parser_scan_flow_scalar)
 * reads them: a continuation line may start in any column, its leading blanks are dropped, a
 * single line break folds to a space and each further one stays a line break; only `---` or
 * `...` in column 0 stops the scalar. The expected values are what go-yaml gives for each text.
 */
import { parsePathStats, parseTextBy } from "../src/engine/parse.js";

/** Name, text, value, and whether the lean path reads the text itself (the rest it leaves to the full path). */
const READ: Array<[string, string, unknown, boolean]> = [
  ["closing line left of the key", "m:\n  a: '[\n    1\n  ]'\n  b: x\n", { m: { a: "[ 1 ]", b: "x" } }, true],
  ["double-quoted, closing line left of the key", 'm:\n  a: "[\n    1\n  ]"\n  b: x\n', { m: { a: "[ 1 ]", b: "x" } }, true],
  ["lines in column 0", "m:\n  a: 'x\ny\nz'\n  b: x\n", { m: { a: "x y z", b: "x" } }, true],
  ["a tab before a line", "m:\n  a: 'x\n\ty'\n", { m: { a: "x y" } }, false],
  ["blank lines stay line breaks", "m:\n  a: 'x\n\n y\n\n\nz '\n", { m: { a: "x\ny\n\nz " } }, true],
  ["escaped line breaks", 'm:\n  a: "x\\\ny \\\n  z"\n', { m: { a: "xy z" } }, false],
  ["an indented document marker is text", "m:\n  a: 'x\n   ---\ny'\n", { m: { a: "x --- y" } }, true],
  ["a marker followed by text is text", "m:\n  a: 'x\n---y'\n", { m: { a: "x ---y" } }, false],
  ["a list item", "- 'a\nb'\n- c\n", ["a b", "c"], true],
  ["a value on the line after its key", "m:\n  a:\n    'x\n  y'\n", { m: { a: "x y" } }, false],
  ["a doubled quote over lines", "m:\n  a: 'it''s\n''q'''\n", { m: { a: "it's 'q'" } }, true],
  ["a comment sign inside", "m:\n  a: 'x\n#c\ny'\n", { m: { a: "x #c y" } }, true],
  ["a comment after the closing quote", "m:\n  a: 'x\n  y' # c\n  b: 2\n", { m: { a: "x y", b: 2 } }, true],
  ["CRLF line ends", "m:\r\n  a: 'x\r\ny'\r\n", { m: { a: "x y" } }, false],
];

describe.each(["lean", "full"] as const)("%s route", (route) => {
  test.each(READ)("%s", (_name, text, value, lean) => {
    const before = parsePathStats.lean;
    const docs = parseTextBy(text, "1.1", "yaml", route);
    expect(docs.map((d) => d.problems)).toEqual([[]]);
    expect(docs[0].value).toEqual(value);
    expect(parsePathStats.lean - before).toBe(route === "lean" && lean ? 1 : 0);
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
