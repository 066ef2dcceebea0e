/**
 * The one did-you-mean policy (src/did-you-mean.ts): one distance, one threshold rule, used by
 * schema, references, selectors, explain, config errors and command-line options.
 */
import { closestWithin, didYouMean, nearest, nearness, spellingDistance } from "../src/did-you-mean.js";
import { suggest } from "../src/explain/lookup.js";
import { nearestOwner } from "../src/rules/selectors/selection.js";
import { parseText } from "../src/engine/parse.js";
import { ResourceIndex } from "../src/models/resource-index.js";
import { Resource } from "../src/models/resource.js";
import { parseServiceSelector } from "../src/models/selector.js";

test("the distance ignores case and counts a swap of neighbours as one edit", () => {
  expect(spellingDistance("ClusterIP", "clusterIP")).toBe(0);
  expect(spellingDistance("shpo", "shop")).toBe(1);
  expect(spellingDistance("web-setings", "web-settings")).toBe(1);
  expect(spellingDistance("init-settings", "web-settings")).toBe(4);
});

test.each([
  // word, candidate, near?
  ["shpo", "shop", true], // a swap in a short word
  ["shoq", "shop", true],
  ["shqq", "shop", false], // two edits in four characters
  ["web-setings", "web-settings", true],
  ["init-settings", "web-settings", false], // another name, not a typo of it
  ["frontend-config", "backend-config", false],
  ["kube-version", "kubernetes-version", true], // hyphenated abbreviation
  ["storageClass", "storageClassName", true], // the start of a longer name
  ["probe", "missing-liveness-probe", true], // the start of a part
  ["backend", "defaultBackend", false], // inside a word: a different field
  ["oom", "oomkilled", false], // too short to stand for a longer name
])("%s is near %s: %s", (word, candidate, near) => {
  expect(nearness(word, candidate) !== undefined).toBe(near);
});

test("typos rank before abbreviations, ties keep the candidates' order", () => {
  expect(nearest("image", ["image-latest-tag", "imagx", "images"])).toEqual(["imagx", "images", "image-latest-tag"]);
  expect(closestWithin("storageClas", ["storageClassName", "storageClass"])).toBe("storageClass");
  expect(didYouMean("maxWarning", ["maxWarnings", "ignore"])).toBe(' (did you mean "maxWarnings"?)');
  expect(didYouMean("zzz", ["maxWarnings"])).toBe("");
});

test("explain suggests by the same policy, aliases as their topic", () => {
  expect(suggest("CrashLoopBakOff")).toEqual(["CrashLoopBackOff"]);
  expect(suggest("privileged")).toEqual(["privileged-container", "privileged-port", "pss-privileged"]);
  expect(suggest("foo")).toEqual([]);
  expect(suggest("NodeUnreachabel")).toEqual(["NodeLost"]);
});

test("the selector near miss prefers the owner whose value is spelled closest, case aside", () => {
  const text = ["Web", "wbe-x"]
    .map((app, i) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}}\nspec:\n  selector: {matchLabels: {app: "${app}"}}\n  template:\n    metadata: {labels: {app: "${app}"}}\n    spec: {containers: [{name: c, image: "nginx:1"}]}\n`)
    .join("---\n");
  const resources = parseText(text).map((d, i) => new Resource(d.value as Record<string, unknown>, "-", d, [], "default", i));
  expect(nearestOwner(new ResourceIndex(resources), "default", parseServiceSelector({ app: "web" }))?.owner.name).toBe("d0");
});
