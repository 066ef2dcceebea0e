import { containersOf } from "../../models/resource.js";
import type { PodTemplate } from "../../models/resource.js";
import { asMap, isWindowsPod, podSpec } from "../pod-security/policy.js";
import { defineRule } from "../types.js";

/** The node labels that name a node's operating system (the kubelet sets both; the beta one is deprecated). */
const OS_LABELS = ["kubernetes.io/os", "beta.kubernetes.io/os"];

/**
 * Whether the scheduler can place the pod on Windows nodes only: spec.os.name windows, a
 * nodeSelector with kubernetes.io/os (or beta.kubernetes.io/os) windows, or a required node
 * affinity each of whose terms (ORed) requires that label In windows and nothing else
 * (k8s.io/component-helpers/scheduling/corev1/nodeaffinity).
 */
function windowsOnly(tpl: PodTemplate): boolean {
  if (isWindowsPod(tpl)) return true;
  const spec = podSpec(tpl);
  const selector = asMap(spec.nodeSelector);
  if (selector && OS_LABELS.some((l) => selector[l] === "windows")) return true;
  const terms = asMap(asMap(asMap(spec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution)?.nodeSelectorTerms;
  if (!Array.isArray(terms) || !terms.length) return false;
  return terms.every((term) => {
    const exprs = asMap(term)?.matchExpressions;
    return Array.isArray(exprs) && exprs.some((e) => {
      const m = asMap(e);
      return m !== undefined && OS_LABELS.includes(m.key as string) && m.operator === "In" && Array.isArray(m.values) && m.values.length > 0 && m.values.every((v) => v === "windows");
    });
  });
}

export const rule = defineRule({
  id: "writable-root-filesystem",
  category: "hygiene",
  severity: "warning",
  presets: ["security"],
  appliesTo: "workloads",
  summary: "A container does not set readOnlyRootFilesystem: true.",
  explanation: `With a writable root filesystem, whoever gets code execution in the container (an RCE in
the application or a dependency) can drop tools and binaries, replace the application's own
files or configuration so that the change survives until the pod is recreated, and fill the
node's disk through the writable layer. readOnlyRootFilesystem: true makes the image immutable
at run time; what the application must write goes to an emptyDir mounted where it writes
(/tmp, a cache directory). It is not part of the Pod Security Standards, but kube-linter
(no-read-only-root-fs), kube-score (container-security-context-readonlyrootfilesystem),
Polaris (notReadOnlyRootFilesystem) and the NSA/CISA Kubernetes Hardening Guide ask for it.
Init containers are judged too; ephemeral debug containers are not. A Windows pod (spec.os.name:
windows) is not judged: Windows has no read-only root filesystem, and the API server refuses the
field there (pkg/apis/core/validation validateWindows); nor is a pod that can only be scheduled on
Windows nodes (a nodeSelector or required node affinity on kubernetes.io/os: windows), whose
containers cannot use the field either.`,
  fix: "Set securityContext.readOnlyRootFilesystem: true on the container and mount an emptyDir where it writes (e.g. /tmp).",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    // Windows containers cannot have one: the API server forbids the field in a pod with os.name windows.
    if (windowsOnly(tpl)) return;
    for (const { container, path } of containersOf(tpl, { init: true })) {
      const sc = container.securityContext as Record<string, unknown> | undefined;
      if (sc?.readOnlyRootFilesystem === true) continue;
      const written = sc?.readOnlyRootFilesystem !== undefined;
      report({
        path: written ? [...path, "securityContext", "readOnlyRootFilesystem"] : container.name !== undefined ? [...path, "name"] : path,
        ...(written ? {} : { absent: [...path, "securityContext", "readOnlyRootFilesystem"] }),
        message: `container "${container.name ?? ""}" can write to its root filesystem${written ? "" : " (readOnlyRootFilesystem is not set)"}`,
        hint: "set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where it writes",
      });
    }
  },
});
