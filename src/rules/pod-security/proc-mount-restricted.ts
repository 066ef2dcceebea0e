/** Pod Security Standards, restricted: policy/check_procMount_restricted.go (procMount_1_0 from 1.35, overriding procMount). */
import { defineRule } from "../types.js";
import { atLeast } from "./policy.js";
import { unmaskedProcMounts } from "./proc-mount.js";

export const rule = defineRule({
  id: "pss-proc-mount-restricted",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  presets: ["security"],
  podSecurityCheck: { id: "procMount_restricted", level: "restricted" },
  summary: "Pod Security Standards (restricted, 1.35+): a container unmasks /proc, even in a user namespace.",
  explanation: `From policy version 1.35 the baseline level lets a pod in its own user namespace (hostUsers:
false) set procMount: Unmasked; the restricted level does not, and forbids any procMount but
Default in every pod, as baseline did before. This check replaces the baseline procMount check at
the restricted level from 1.35 (before that, pss-proc-mount reports the same field).`,
  fix: "Remove securityContext.procMount, or set it to Default.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    if (!atLeast(settings, "1.35")) return;
    for (const finding of unmaskedProcMounts(resource)) report(finding);
  },
});
