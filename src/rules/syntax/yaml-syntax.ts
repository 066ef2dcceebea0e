import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "yaml-syntax",
  category: "syntax",
  severity: "error",
  summary: "The file is not valid YAML (or JSON), or repeats a key in one mapping.",
  explanation: `kubectl and the API server parse manifests strictly: a syntax error rejects the whole
document. A key written twice in one mapping is not refused by \`kubectl apply -f\`: its YAML
reader (sigs.k8s.io/yaml, Unmarshal) keeps one value and drops the other without a word, so the
object applied is not what half the file says (kubernetes/kubernetes#99286: the first of two
\`envFrom\` lists silently lost). kustomize refuses the file ("mapping key ... already defined",
yaml.v3), and with it \`kubectl apply -k\`, Flux and Argo CD's kustomize builds. A file that is
binary or not UTF-8 cannot be a manifest at all. k8s-lint reports the first position where the
document stops being readable; the rest of that document is not linted, because every other
finding would be a guess. Every repeated key is reported. One repeated with a different value is
an error, and the document is not linted further: which value is meant is a guess. One repeated
with the same value loses nothing, and the document is still linted: an error in a file that a
kustomization of the input lists or patches with, a warning in a file \`kubectl apply -f\` reads
as it is. An apiVersion or kind written again at the top of a document is the start of
another object whose \`---\` line is missing: that is one error at the first repeated key, not
one per key. A file whose first character is \`{\` is read as kubectl reads it: strict JSON, no
comments, and several JSON values one after another (NDJSON, \`jq -c\` output) are several
objects; after two of them, text that is not a JSON value is an error where it starts.`,
  fix: "Fix the YAML at the reported position (indentation, a missing colon, an unclosed quote), remove the repeated key, or add the missing `---` line above a second object.",
  preventsStatus: [],
});
