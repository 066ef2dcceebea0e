import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "yaml-syntax",
  category: "syntax",
  severity: "error",
  summary: "The file is not valid YAML (or JSON), or repeats a key in one mapping.",
  explanation: `kubectl and the API server parse manifests strictly: a syntax error rejects the whole
document, and a key written twice in one mapping is an error ("key already set in map"),
not a silent override. A file that is binary or not UTF-8 cannot be a manifest at all.
k8s-lint reports the first position where the document stops being readable; the rest of
that document is not linted, because every other finding would be a guess.`,
  fix: "Fix the YAML at the reported position (indentation, a missing colon, an unclosed quote) or remove the repeated key.",
  preventsStatus: [],
});
