/** Pod Security Standards, baseline: policy/check_capabilities_baseline.go (capabilitiesBaseline_1_0). */
import { defineRule } from "../types.js";
import { asMap, capabilityName, overriddenByRestricted, shown, visitContainers } from "./policy.js";

/** capabilities_allowed_1_0: the capabilities container runtimes grant by default. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
  "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
]);

export const rule = defineRule({
  id: "pss-capabilities-baseline",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  fixable: true,
  podSecurityCheck: { id: "capabilities_baseline", level: "baseline" },
  summary: "Pod Security Standards (baseline): a container adds a capability beyond the runtime's default set.",
  explanation: `The baseline Pod Security Standard lets securityContext.capabilities.add name only the
capabilities container runtimes grant anyway: AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID,
KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT, written exactly
so (no CAP_ prefix, upper case): the container runtime adds the CAP_ prefix itself (containerd
upper-cases the name and prefixes it, so "CAP_KILL" becomes the unknown "CAP_CAP_KILL"), and --fix
writes "CAP_KILL" or "kill" as "KILL". Anything else (NET_ADMIN, SYS_ADMIN, NET_RAW...) widens what a
process in the container may do to the node's kernel, and a namespace enforcing baseline rejects
the pod. Under the restricted level (policy 1.22 and later) pss-capabilities-restricted judges
capabilities instead, more strictly.`,
  fix: "Remove the capability from securityContext.capabilities.add, or run the workload in a namespace whose Pod Security level allows it.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    if (overriddenByRestricted(settings, "1.22")) return;
    for (const c of visitContainers(resource.podTemplate!)) {
      const add = asMap(c.securityContext?.capabilities)?.add;
      if (!Array.isArray(add)) continue;
      add.forEach((cap, i) => {
        if (typeof cap === "string" && BASELINE_CAPABILITIES.has(cap)) return;
        const at = [...c.path, "securityContext", "capabilities", "add", i];
        const name = capabilityName(cap);
        if (name && BASELINE_CAPABILITIES.has(name)) {
          report({
            path: at,
            message: `container "${c.name}" adds capability ${shown(cap)}, which Pod Security does not read as "${name}": names are compared exactly`,
            hint: `write it as "${name}"${/^cap_/i.test(cap as string) ? ": the container runtime adds the CAP_ prefix itself" : ""}`,
            fix: [{ op: "set", path: at, value: name }],
          });
          return;
        }
        report({
          path: at,
          message: `container "${c.name}" adds capability ${shown(cap)}, outside the baseline set`,
          hint: name ? `remove ${shown(cap)} from capabilities.add (written as "${name}" it is still outside the baseline set)` : `remove ${shown(cap)} from capabilities.add`,
        });
      });
    }
  },
});
