/** Pod Security Standards, restricted: policy/check_allowPrivilegeEscalation.go (allowPrivilegeEscalation_1_8, allowPrivilegeEscalation_1_25). */
import { defineRule } from "../types.js";
import { atLeast, containerAnchor, isWindowsPod, visitContainers } from "./policy.js";

export const rule = defineRule({
  id: "pss-allow-privilege-escalation",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  presets: ["security"],
  podSecurityCheck: { id: "allowPrivilegeEscalation", level: "restricted" },
  summary: "Pod Security Standards (restricted): a container does not set allowPrivilegeEscalation: false.",
  explanation: `The restricted Pod Security Standard (policy 1.8 and later) requires every container, init and
ephemeral ones included, to set securityContext.allowPrivilegeEscalation: false. Unset means
true: a process can then gain more privileges than its parent through setuid binaries or file
capabilities (the no_new_privs flag stays off), which is how a compromised non-root process
becomes root. A namespace enforcing restricted rejects the pod. From policy 1.25 a Windows pod
(spec.os.name: windows), where the field does not exist, is exempt.`,
  fix: "Set securityContext.allowPrivilegeEscalation: false on every container.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    const tpl = resource.podTemplate!;
    if (!atLeast(settings, "1.8") || (atLeast(settings, "1.25") && isWindowsPod(tpl))) return;
    for (const c of visitContainers(tpl)) {
      const value = c.securityContext?.allowPrivilegeEscalation;
      if (value === false) continue;
      const set = value !== undefined && value !== null;
      report({
        path: set ? [...c.path, "securityContext", "allowPrivilegeEscalation"] : containerAnchor(c),
        ...(set ? {} : { absent: [...c.path, "securityContext", "allowPrivilegeEscalation"] }),
        message: set ? `container "${c.name}" sets allowPrivilegeEscalation to ${JSON.stringify(value)}` : `container "${c.name}" does not set allowPrivilegeEscalation to false`,
        hint: "set securityContext.allowPrivilegeEscalation: false",
      });
    }
  },
});
