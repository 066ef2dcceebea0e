import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "missing-type-meta",
  category: "syntax",
  severity: "error",
  summary: "A manifest names a kind without an apiVersion, or an apiVersion without a kind.",
  explanation: `Every object sent to the API server needs both apiVersion and kind: together they pick the
REST endpoint and the schema. kubectl rejects a document with only one of them
("apiVersion not set" / "kind not set"). A document with neither is not treated as a
manifest at all (values files, kustomize patches), and a document with only apiVersion and no
metadata or spec either (Chart.yaml): those are counted as skipped, not reported.`,
  fix: "Add the missing field, e.g. `apiVersion: apps/v1` above `kind: Deployment`.",
  preventsStatus: [],
  examples: {
    bad: `kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`,
    good: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`,
  },
});
