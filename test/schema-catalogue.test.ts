/** The generated catalogue is what the installed upstream sources produce, and reads as expected. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.js";
import { catalogueKubernetesVersion, enumValues, lookupKind, objectType, versionsOfKind } from "../src/models/catalogue/index.js";
import { CATALOGUE_KUBERNETES_VERSION } from "../src/models/kubernetes-version.js";

test("the generated catalogue and version file are fresh (npm run gen:catalogue)", async () => {
  const gen = (await import(join(ROOT, "scripts", "gen-catalogue.mjs"))) as {
    generate(): Promise<{ module: string; version: string }>;
  };
  const { module, version } = await gen.generate();
  expect(readFileSync(join(ROOT, "src/models/catalogue/catalogue.generated.ts"), "utf8")).toBe(module);
  expect(readFileSync(join(ROOT, "src/models/kubernetes-version.ts"), "utf8")).toBe(version);
});

test("the version file agrees with the catalogue", () => {
  expect(CATALOGUE_KUBERNETES_VERSION).toBe(catalogueKubernetesVersion());
});

test("fields, required fields, enums, int-or-string, quantities and maps are typed", () => {
  const deployment = objectType(lookupKind("apps/v1", "Deployment")!.type);
  const spec = objectType(deployment.fields.get("spec")!);
  expect(spec.required).toEqual(expect.arrayContaining(["selector", "template"]));
  expect(spec.fields.get("replicas")).toBe("i");
  const strategy = objectType(spec.fields.get("strategy")!);
  expect(enumValues(strategy.fields.get("type")!)).toEqual(["Recreate", "RollingUpdate"]);
  expect(objectType(strategy.fields.get("rollingUpdate")!).fields.get("maxUnavailable")).toBe("x");
  const meta = objectType(deployment.fields.get("metadata")!);
  expect(meta.fields.get("labels")).toBe("{s");
  const pod = objectType(lookupKind("v1", "Pod")!.type);
  const container = objectType(objectType(pod.fields.get("spec")!).fields.get("containers")!.slice(1));
  expect(container.required).toEqual(["name"]);
  expect(enumValues(container.fields.get("imagePullPolicy")!)).toEqual(["Always", "IfNotPresent", "Never"]);
  expect(objectType(container.fields.get("resources")!).fields.get("limits")).toBe("{q");
  expect(objectType(lookupKind("v1", "Secret")!.type).fields.get("data")).toBe("{y");
  expect(lookupKind("v1", "Namespace")!.namespaced).toBe(false);
  expect(lookupKind("v1", "ConfigMap")!.namespaced).toBe(true);
  expect(versionsOfKind("HorizontalPodAutoscaler").map((v) => v.apiVersion)).toEqual(["autoscaling/v1", "autoscaling/v2"]);
  expect(lookupKind("autoscaling/v2beta2", "HorizontalPodAutoscaler")).toBeUndefined();
  // Names from manifests never reach a JavaScript object's members.
  for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
    expect(lookupKind("v1", name)).toBeUndefined();
    expect(lookupKind(name, "Pod")).toBeUndefined();
    expect(versionsOfKind(name)).toEqual([]);
    expect(pod.fields.get(name)).toBeUndefined();
  }
});

test("every group the catalogue serves is a built-in group of the engine", async () => {
  const { BUILTIN_GROUPS } = await import("../src/models/api-groups.js");
  const { servedGroups } = await import("../src/models/catalogue/index.js");
  expect([...servedGroups()].filter((g) => !BUILTIN_GROUPS.has(g))).toEqual([]);
});
