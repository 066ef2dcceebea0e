/** Pod Security Standards, baseline: policy/check_sysctls.go (sysctlsV1Dot0 ... sysctlsV1Dot37). */
import { defineRule } from "../types.js";
import { asMap, atLeast, podSecurityContext, shown } from "./policy.js";

/** The safe sysctls each policy version allows, and the version that added them. */
export const SAFE_SYSCTLS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["1.0", ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"]],
  ["1.27", ["net.ipv4.ip_local_reserved_ports"]],
  ["1.29", ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"]],
  ["1.32", ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]],
  ["1.37", ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"]],
];

export const rule = defineRule({
  id: "pss-sysctls",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "sysctls", level: "baseline" },
  summary: "Pod Security Standards (baseline): a pod sets a sysctl outside the safe set of its policy version.",
  explanation: `The baseline Pod Security Standard lets securityContext.sysctls name only the sysctls the kubelet
treats as safe (namespaced, and isolated from other pods): kernel.shm_rmid_forced,
net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range and
net.ipv4.ip_unprivileged_port_start; policy 1.27 adds net.ipv4.ip_local_reserved_ports, 1.29 the
tcp_keepalive_time, tcp_fin_timeout, tcp_keepalive_intvl and tcp_keepalive_probes sysctls, 1.32
tcp_rmem and tcp_wmem, 1.37 tcp_slow_start_after_idle and tcp_notsent_lowat (all under
net.ipv4.). Any other sysctl can affect other pods on the node or the node itself, and a
namespace enforcing baseline rejects the pod. The policy version (podSecurity.version, or the
target Kubernetes release) decides which set applies.`,
  fix: "Remove the sysctl, or set it on the node (or through a privileged init DaemonSet) instead of in the pod.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    const tpl = resource.podTemplate!;
    const sysctls = podSecurityContext(tpl)?.sysctls;
    if (!Array.isArray(sysctls)) return;
    const allowed = new Set(SAFE_SYSCTLS.filter(([since]) => atLeast(settings, since)).flatMap(([, names]) => names));
    sysctls.forEach((entry, i) => {
      const name = asMap(entry)?.name ?? "";
      if (typeof name === "string" && allowed.has(name)) return;
      const since = SAFE_SYSCTLS.find(([, names]) => typeof name === "string" && names.includes(name))?.[0];
      report({
        path: [...tpl.specPath, "securityContext", "sysctls", i, "name"],
        message: `sysctl ${shown(name)} is not in the safe set of policy version ${settings.podSecurity.version}${since ? ` (allowed from ${since})` : ""}`,
        hint: since ? `target policy version ${since} or later, or remove the sysctl` : "remove the sysctl and set it on the node instead",
      });
    });
  },
});
