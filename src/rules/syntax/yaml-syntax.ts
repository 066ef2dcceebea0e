import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "yaml-syntax",
  category: "syntax",
  severity: "error",
  summary: "The file is not valid YAML (or JSON), or repeats a key in one mapping.",
  explanation: `kubectl and the API server parse manifests strictly: a syntax error rejects the whole
document, and a key written twice in one mapping is an error (kubectl's YAML reader says
"mapping key ... already defined"), not a silent override. A file that is binary or not UTF-8
cannot be a manifest at all. k8s-lint reports the first position where the document stops
being readable; the rest of that document is not linted, because every other finding would be
a guess. Every repeated key is reported. One repeated with the same value is no guess, and the
document is still linted; one repeated with a different value is, and the document is not
linted further. An apiVersion or kind written again at the top of a document is the start of
another object whose \`---\` line is missing: that is one error at the first repeated key, not
one per key. A file whose first character is \`{\` is read as kubectl reads it: strict JSON, no
comments, and several JSON values one after another (NDJSON, \`jq -c\` output) are several
objects; after two of them, text that is not a JSON value is an error where it starts.`,
  fix: "Fix the YAML at the reported position (indentation, a missing colon, an unclosed quote), remove the repeated key, or add the missing `---` line above a second object.",
  preventsStatus: [],
});
