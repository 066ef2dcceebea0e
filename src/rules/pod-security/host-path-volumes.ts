/** Pod Security Standards, baseline: policy/check_hostPathVolumes.go (hostPathVolumes_1_0). */
import { defineRule } from "../types.js";
import { asMap, podSpec, shown } from "./policy.js";

export const rule = defineRule({
  id: "pss-host-path-volumes",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "hostPathVolumes", level: "baseline" },
  supersedes: ["hostpath-volume"],
  summary: "Pod Security Standards (baseline): a pod mounts a hostPath volume.",
  explanation: `The baseline Pod Security Standard forbids hostPath volumes, read-only or not, in every policy
version: a directory of the node inside the container lets it read other pods' data, node
credentials or the container runtime's socket, and a namespace enforcing baseline rejects the
pod. Under the restricted level pss-restricted-volumes reports hostPath with every other volume
type restricted pods may not use (restrictedVolumes overrides this check there). While this rule
runs it stands in for hostpath-volume.`,
  fix: "Use a PersistentVolumeClaim, a ConfigMap, a Secret or an emptyDir instead; a node agent that needs the node's files belongs in a namespace labelled pod-security.kubernetes.io/enforce: privileged.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    // restrictedVolumes overrides hostPathVolumes at the restricted level (OverrideCheckIDs since 1.0).
    if (settings.podSecurity.level === "restricted") return;
    const tpl = resource.podTemplate!;
    const volumes = podSpec(tpl).volumes;
    if (!Array.isArray(volumes)) return;
    volumes.forEach((v, i) => {
      const volume = asMap(v);
      if (volume?.hostPath === undefined || volume.hostPath === null) return;
      const path = asMap(volume.hostPath)?.path;
      report({
        path: [...tpl.specPath, "volumes", i, "hostPath"],
        message: `volume ${shown(volume.name ?? "")} mounts the node's directory${typeof path === "string" ? ` "${path}"` : ""}`,
        hint: "replace the hostPath volume with a PersistentVolumeClaim, ConfigMap, Secret or emptyDir",
      });
    });
  },
});
