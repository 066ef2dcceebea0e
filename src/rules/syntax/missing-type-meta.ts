import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "missing-type-meta",
  category: "syntax",
  severity: "error",
  summary: "A manifest's apiVersion or kind is missing, spelled in the wrong case, or not a string, or a document is a list of manifests.",
  explanation: `Every object sent to the API server needs both apiVersion and kind: together they pick the
REST endpoint and the schema. kubectl rejects a document with only one of them
("apiVersion not set" / "kind not set"). Keys are case-sensitive, so \`Kind\` or \`apiversion\`
is no kind or apiVersion at all, and both must be strings: \`kind: 2\` names nothing. A
document with neither, under any spelling, is not treated as a manifest at all (values files,
kustomize patches), and a document with only apiVersion and no metadata or spec either
(Chart.yaml): those are counted as skipped, not reported. A document that is itself a list of
manifests (\`- apiVersion: v1\` at its top, or a JSON array of objects) is refused by kubectl as a
whole, since it reads one object per document: it is reported once, at its first manifest, and
its manifests are judged as written.`,
  fix: "Add the missing field (e.g. `apiVersion: apps/v1` above `kind: Deployment`), spell the keys `apiVersion` and `kind` exactly, and write their values as strings. Split a list of manifests into documents of their own (`---`), or wrap it in a `kind: List`.",
  preventsStatus: [],
});
