/**
 * A finding inside a string value (a PromQL parse error) is placed at its character in the file,
 * through every scalar style: valueOffsets is checked against the yaml package's own decoding.
 */
import fc from "fast-check";
import { isScalar, parseDocument, visit } from "yaml";
import { valueOffsets } from "../src/engine/scalar-offsets.js";

/** The string scalars of a YAML text with their offsets, as the parser decodes them. */
function scalars(text: string): Array<{ value: string; offsets: number[] | undefined }> {
  const out: Array<{ value: string; offsets: number[] | undefined }> = [];
  visit(parseDocument(text), {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== "string" || !node.range || node.value === "k") return;
      out.push({ value: node.value, offsets: valueOffsets(text, node.range[0], node.range[1], node.value) });
    },
  });
  return out;
}

/** Characters stand at their own offset, or at the backslash of the escape that writes them. */
function expectVerbatim(text: string, value: string, offsets: number[]) {
  for (let i = 0; i < value.length; i++) if (/[A-Za-z0-9({]/.test(value[i])) expect([value[i], "\\"]).toContain(text[offsets[i]]);
}

const STYLES: Array<[string, string]> = [
  ["plain", "k: sum(rate(x[5m])) by (job) > 0\n"],
  ["plain over lines", "k: sum(rate(x[5m]))\n  by (job)\n\n  > 0\n"],
  ["single-quoted", "k: 'up{job=''api''} == 0'\n"],
  ["single-quoted over lines", "k: 'up{job=\"api\"}   \n   == 0'\n"],
  ["double-quoted", 'k: "up{job=\\"api\\"}\\t== 0 \\u00e9\\x41"\n'],
  ["double-quoted with an escaped break", 'k: "sum(up)\\\n    by (job)"\n'],
  ["literal", "k: |\n  sum(rate(x[5m]))\n    by (job)\n\n  > 0\n"],
  ["literal, strip", "k: |-\n  up == 0\n\n"],
  ["literal, keep", "k: |+\n  up == 0\n\n"],
  ["folded", "k: >\n  sum(rate(x[5m]))\n  by (job)\n\n  > 0\n     more\n  end\n"],
  ["folded, strip, nested", "a:\n  - expr: >-\n      up{job=\"api\"}\n      == 0\n    for: 5m\n"],
  ["block with a comment in its header", "k: | # the rule\n  up == 0\n"],
  ["JSON", '{"k": "rate(x[5m]) / \\"y\\""}'],
];

test.each(STYLES)("%s: every character is followed to the file", (_name, text) => {
  const found = scalars(text);
  expect(found.length).toBeGreaterThan(0);
  for (const { value, offsets } of found) {
    expect(offsets).toBeDefined();
    expect(offsets).toHaveLength(value.length + 1);
    expectVerbatim(text, value, offsets!);
    // Offsets never go backwards.
    for (let i = 1; i < offsets!.length; i++) expect(offsets![i]).toBeGreaterThanOrEqual(offsets![i - 1]);
  }
});

test("an explicit indentation indicator is not followed: the caller points at the whole value", () => {
  const [{ offsets }] = scalars("k: |2\n    up\n");
  expect(offsets).toBeUndefined();
});

test("a source that does not decode to the value gives undefined, never a wrong place", () => {
  expect(valueOffsets('k: "abc"', 3, 8, "abd")).toBeUndefined();
});

test("any string that starts with a visible character, written in any style, maps back to its own characters", () => {
  const text = fc.stringMatching(/^[a-z(){}=][a-z(){}=" \\#:'|>-]{0,30}( [a-z]{1,5}){0,3}$/);
  fc.assert(
    fc.property(text, fc.constantFrom("plain", "single", "double", "literal", "folded"), (s, style) => {
      const doc = parseDocument("");
      doc.contents = doc.createNode({ k: s }) as typeof doc.contents;
      const node = (doc.contents as unknown as { items: Array<{ value: { type?: string } }> }).items[0].value;
      node.type = { plain: "PLAIN", single: "QUOTE_SINGLE", double: "QUOTE_DOUBLE", literal: "BLOCK_LITERAL", folded: "BLOCK_FOLDED" }[style];
      const yaml = doc.toString({ lineWidth: 12, minContentWidth: 4 });
      for (const { value, offsets } of scalars(yaml)) {
        if (value !== s) continue;
        expect(offsets).toBeDefined();
        expectVerbatim(yaml, value, offsets!);
      }
    }),
    { numRuns: 300 },
  );
});
