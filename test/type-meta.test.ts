/** How a document's apiVersion and kind are read, and what is said when they cannot be. */
import { readTypeMeta } from "../src/engine/type-meta.js";

test("a document with both keys as strings is a manifest", () => {
  expect(readTypeMeta({ apiVersion: "apps/v1", kind: "Deployment" })).toEqual({ is: "manifest", apiVersion: "apps/v1", kind: "Deployment" });
});

test.each([
  ["a values file", { replicaCount: 2, image: { repository: "web" } }],
  ["a Chart.yaml (apiVersion alone, no metadata or spec)", { apiVersion: "v2", name: "shop" }],
  ["empty type values", { apiVersion: "", kind: null }],
  ["keys that only contain the names", { kindness: "x", myApiVersion: "v1" }],
])("not a manifest: %s", (_what, doc) => {
  expect(readTypeMeta(doc)).toEqual({ is: "not-a-manifest" });
});

test("mis-cased type keys are named, with the spelling to use", () => {
  expect(readTypeMeta({ apiversion: "apps/v1", Kind: "Deployment" })).toEqual({
    is: "unreadable",
    problems: [
      {
        key: "apiversion",
        target: "key",
        message: 'unknown key "apiversion" (did you mean "apiVersion"?): keys are case-sensitive, so the API server finds no apiVersion',
        hint: 'rename "apiversion" to "apiVersion"',
      },
      {
        key: "Kind",
        target: "key",
        message: 'unknown key "Kind" (did you mean "kind"?): keys are case-sensitive, so the API server finds no kind',
        hint: 'rename "Kind" to "kind"',
      },
    ],
  });
});

test("type values that are not strings are named", () => {
  expect(readTypeMeta({ apiVersion: 1, kind: 2 })).toEqual({
    is: "unreadable",
    problems: [
      { key: "apiVersion", target: "value", message: "apiVersion must be a string, got the number 1", hint: 'set apiVersion to a string such as "apps/v1"' },
      { key: "kind", target: "value", message: "kind must be a string, got the number 2", hint: 'set kind to a string such as "Deployment"' },
    ],
  });
});

test("a missing apiVersion is still reported at the kind", () => {
  expect(readTypeMeta({ kind: "ConfigMap" })).toEqual({
    is: "unreadable",
    problems: [{ key: "kind", target: "key", message: '"apiVersion" is missing: the API server cannot tell what this object is', hint: "add apiVersion: v1" }],
  });
});
