import { containersOf } from "../../models/resource.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import { gateStageAt, POD_HOST_IPS_FIELD_PATH } from "../schema/feature-gates.js";
import { DOWNWARD_API_HUGE_PAGES } from "../schema/gated-enum-values.js";

/** fieldRef paths an env var may read (the kubelet resolves them when it starts the container). */
const ENV_PATHS = new Set([
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.serviceAccountName",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
]);
/** fieldRef paths a downwardAPI volume may project (whole label/annotation maps only here). */
const VOLUME_PATHS = new Set(["metadata.name", "metadata.namespace", "metadata.uid", "metadata.labels", "metadata.annotations"]);
const RESOURCE_PATHS = new Set(["limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage"]);
const SUBSCRIPTED = /^(metadata\.(?:labels|annotations))\['([^']*)'\]$/;
const QUALIFIED_NAME = /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

function fieldPathProblem(fieldPath: string, where: "env" | "volume"): string | undefined {
  const sub = SUBSCRIPTED.exec(fieldPath);
  if (sub) {
    const key = sub[1] === "metadata.annotations" ? sub[2].toLowerCase() : sub[2];
    return QUALIFIED_NAME.test(key) ? undefined : `"${sub[2]}" in fieldPath "${fieldPath}" is not a valid ${sub[1].slice(9, -1)} key`;
  }
  if ((where === "env" ? ENV_PATHS : VOLUME_PATHS).has(fieldPath)) return undefined;
  if (where === "env" && VOLUME_PATHS.has(fieldPath)) {
    return `fieldPath "${fieldPath}" can only be projected in a downwardAPI volume, not in an env var`;
  }
  if (where === "volume" && ENV_PATHS.has(fieldPath)) {
    return `fieldPath "${fieldPath}" can only be used in an env var, not in a downwardAPI volume`;
  }
  return `fieldPath "${fieldPath}" is not supported by the downward API`;
}

/**
 * `status.hostIPs` at a release that refuses it: before the PodHostIPs gate exists, or while it
 * is off by default (POD_HOST_IPS_FIELD_PATH).
 */
function gatedFieldPathProblem(fieldPath: string, release: string): { message: string; hint: string } | undefined {
  const g = POD_HOST_IPS_FIELD_PATH;
  if (fieldPath !== g.value) return undefined;
  const stage = gateStageAt(g.stages, release);
  if (stage?.enabledByDefault) return undefined;
  const onFrom = g.stages.find((s) => s.enabledByDefault)!.from;
  const hint = `use status.hostIP, or target Kubernetes ${onFrom} or later`;
  if (!stage) return { message: `fieldPath "${fieldPath}" is supported from Kubernetes ${g.stages[0].from} (on by default from ${onFrom}); the target is ${release}`, hint };
  return { message: `fieldPath "${fieldPath}" is rejected at ${release} unless the ${g.gate} feature gate is on (${stage.stage}, off by default; on by default from ${onFrom})`, hint: `enable the ${g.gate} feature gate on the cluster, or ${hint}` };
}

const HUGE_PAGES = /^(?:limits|requests)\.hugepages-.+/;

/** A hugepages resource at a release that refuses it: before DownwardAPIHugePages exists, or while it is off by default. */
function gatedResourceProblem(resource: string, release: string): { message: string; hint: string } | undefined {
  const g = DOWNWARD_API_HUGE_PAGES;
  if (!HUGE_PAGES.test(resource)) return undefined;
  const stage = gateStageAt(g.stages, release);
  if (stage?.enabledByDefault) return undefined;
  const onFrom = g.stages.find((s) => s.enabledByDefault)!.from;
  if (!stage) {
    return {
      message: `resource "${resource}" is not supported by resourceFieldRef at ${release}: hugepages resources are supported from Kubernetes ${g.stages[0].from}, behind the ${g.gate} feature gate (on by default from ${onFrom})`,
      hint: `${g.instead}, or target Kubernetes ${onFrom} or later`,
    };
  }
  return {
    message: `resource "${resource}" is refused by resourceFieldRef at ${release} unless the ${g.gate} feature gate is on (${stage.stage}, off by default; on by default from ${onFrom})`,
    hint: `enable the ${g.gate} feature gate on the cluster, or target Kubernetes ${onFrom} or later, or ${g.instead}`,
  };
}

function resourceProblem(resource: string): string | undefined {
  if (RESOURCE_PATHS.has(resource) || HUGE_PAGES.test(resource)) return undefined;
  return `resource "${resource}" is not supported by resourceFieldRef`;
}

export const rule = defineRule({
  id: "invalid-fieldref",
  category: "config",
  severity: "error",
  appliesTo: "pod-templates",
  summary: "A downward API reference names a field the API server does not support there.",
  explanation: `The downward API exposes a fixed set of pod fields, and not the same set everywhere: an env
var can read metadata.name, metadata.namespace, metadata.uid, spec.nodeName,
spec.serviceAccountName, status.hostIP(s), status.podIP(s) and one label or annotation
(status.hostIPs from 1.28 behind the PodHostIPs gate, on by default from 1.29)
(metadata.labels['app']); a downwardAPI volume can project metadata.name, namespace, uid and the
whole metadata.labels or metadata.annotations maps, but not spec.* or status.* fields (they are
not known, or change, after the volume is written). resourceFieldRef supports limits/requests of
cpu, memory, ephemeral-storage and hugepages-* (from 1.20 behind the DownwardAPIHugePages gate,
on by default from 1.22), and needs containerName in a volume. Anything
else is rejected by the API server, so the workload is never created.`,
  fix: "Use a supported fieldPath for that place, e.g. metadata.labels['app'] in env, or move the field to a downwardAPI volume.",
  preventsStatus: ["CreateContainerConfigError", "CrashLoopBackOff"],
  check({ resource, settings, report }) {
    const tpl = resource.podTemplate!;
    const checkFieldRef = (ref: { fieldPath?: string; apiVersion?: string } | undefined, base: Path, where: "env" | "volume") => {
      if (!ref) return;
      // pkg/apis/core/v1/defaults.go SetDefaults_ObjectFieldSelector: an empty apiVersion is v1.
      if (ref.apiVersion !== undefined && ref.apiVersion !== "" && ref.apiVersion !== "v1") {
        report({ path: [...base, "apiVersion"], message: `fieldRef apiVersion "${ref.apiVersion}" is not supported`, hint: "set apiVersion: v1 or remove it" });
      }
      if (typeof ref.fieldPath !== "string") return;
      const gated = where === "env" ? gatedFieldPathProblem(ref.fieldPath, settings.kubernetesVersion) : undefined;
      if (gated) return report({ path: [...base, "fieldPath"], ...gated });
      const problem = fieldPathProblem(ref.fieldPath, where);
      if (problem) report({ path: [...base, "fieldPath"], message: problem, hint: where === "env" ? "use a supported fieldPath such as metadata.name, metadata.namespace, metadata.labels['<key>'], spec.nodeName or status.podIP" : "use one of metadata.name, metadata.namespace, metadata.uid, metadata.labels, metadata.annotations" });
    };
    const checkResourceRef = (ref: { resource?: string; containerName?: string } | undefined, base: Path, where: "env" | "volume") => {
      if (!ref) return;
      if (typeof ref.resource === "string") {
        const gated = gatedResourceProblem(ref.resource, settings.kubernetesVersion);
        if (gated) report({ path: [...base, "resource"], ...gated });
        const problem = gated ? undefined : resourceProblem(ref.resource);
        if (problem) report({ path: [...base, "resource"], message: problem, hint: "use limits.cpu, limits.memory, requests.cpu, requests.memory, limits.ephemeral-storage or requests.ephemeral-storage" });
      }
      if (where === "volume" && !ref.containerName) {
        report({ path: base, target: "key", message: "resourceFieldRef in a downwardAPI volume needs containerName", hint: "set containerName to the container whose resources to project" });
      }
    };
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
      container.env?.forEach((env, i) => {
        const base = [...path, "env", i, "valueFrom"];
        checkFieldRef(env.valueFrom?.fieldRef, [...base, "fieldRef"], "env");
        checkResourceRef(env.valueFrom?.resourceFieldRef, [...base, "resourceFieldRef"], "env");
      });
    }
    tpl.spec.volumes?.forEach((vol, i) => {
      const base = [...tpl.specPath, "volumes", i];
      type Items = NonNullable<NonNullable<typeof vol.downwardAPI>["items"]>;
      const itemsOf = (items: Items | undefined, p: Path) =>
        items?.forEach((item, j) => {
          checkFieldRef(item.fieldRef, [...p, "items", j, "fieldRef"], "volume");
          checkResourceRef(item.resourceFieldRef, [...p, "items", j, "resourceFieldRef"], "volume");
        });
      itemsOf(vol.downwardAPI?.items, [...base, "downwardAPI"]);
      vol.projected?.sources?.forEach((src, j) => itemsOf(src.downwardAPI?.items, [...base, "projected", "sources", j, "downwardAPI"]));
    });
  },
});
