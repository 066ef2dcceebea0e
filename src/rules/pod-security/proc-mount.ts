/** Pod Security Standards, baseline: policy/check_procMount_baseline.go (procMount_1_0, procMount1_35baseline). */
import type { Resource } from "../../models/resource.js";
import { defineRule, type Finding } from "../types.js";
import { atLeast, inUserNamespace, overriddenByRestricted, shown, visitContainers } from "./policy.js";

/** procMount_1_0: every container whose procMount is set to anything but Default. */
export function unmaskedProcMounts(resource: Resource): Finding[] {
  const out: Finding[] = [];
  for (const c of visitContainers(resource.podTemplate!)) {
    const procMount = c.securityContext?.procMount;
    if (procMount === undefined || procMount === null || procMount === "Default") continue;
    out.push({
      path: [...c.path, "securityContext", "procMount"],
      message: `container "${c.name}" sets procMount ${shown(procMount)}`,
      hint: "remove procMount (Default masks the sensitive paths of /proc)",
    });
  }
  return out;
}

export const rule = defineRule({
  id: "pss-proc-mount",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  presets: ["security"],
  podSecurityCheck: { id: "procMount", level: "baseline" },
  summary: "Pod Security Standards (baseline): a container unmasks /proc (procMount other than Default).",
  explanation: `The baseline Pod Security Standard requires securityContext.procMount to be unset or Default.
Unmasked leaves the kernel's sensitive /proc paths (kcore, sysrq-trigger, keys...) readable and
writable in the container. From policy version 1.35 the baseline level allows it in a pod that
runs in its own user namespace (hostUsers: false), where those paths belong to the pod's user
namespace; the restricted level keeps forbidding it there too (pss-proc-mount-restricted).`,
  fix: "Remove securityContext.procMount, or set it to Default.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    // procMount_restricted overrides this check at the restricted level from 1.35.
    if (overriddenByRestricted(settings, "1.35")) return;
    // procMount1_35baseline: a pod in its own user namespace may unmask its /proc.
    if (atLeast(settings, "1.35") && inUserNamespace(resource.podTemplate!)) return;
    for (const finding of unmaskedProcMounts(resource)) report(finding);
  },
});
