/** Pod Security Standards, baseline: policy/check_seLinuxOptions.go (seLinuxOptions1_0, seLinuxOptions1_31). */
import { defineRule } from "../types.js";
import type { Path } from "../../types.js";
import { asMap, atLeast, podSecurityContext, shown, visitContainers } from "./policy.js";

/** selinuxAllowedTypes1_0; 1.31 adds container_engine_t (selinuxAllowedTypes1_31). */
const TYPES_1_0 = ["", "container_t", "container_init_t", "container_kvm_t"];
const TYPES_1_31 = [...TYPES_1_0, "container_engine_t"];

export const rule = defineRule({
  id: "pss-selinux-options",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "seLinuxOptions", level: "baseline" },
  summary: "Pod Security Standards (baseline): a pod or container sets an SELinux user, role or a type outside the container types.",
  explanation: `The baseline Pod Security Standard lets seLinuxOptions (of the pod and of each container) set
only a type among container_t, container_init_t and container_kvm_t (from policy version 1.31 also
container_engine_t), and neither user nor role; level may be set. Another type such as spc_t
("super privileged container") or a custom user or role lifts the SELinux confinement that keeps
a container from the node's files and processes, and a namespace enforcing baseline rejects the
pod.`,
  fix: "Remove seLinuxOptions.user and role, and use one of the container types (or leave type unset).",
  preventsStatus: [],
  check({ resource, settings, report }) {
    const tpl = resource.podTemplate!;
    const allowed = new Set(atLeast(settings, "1.31") ? TYPES_1_31 : TYPES_1_0);
    const judge = (options: unknown, path: Path, who: string) => {
      const set = asMap(options);
      if (!set) return;
      const type = set.type ?? "";
      if (typeof type !== "string" || !allowed.has(type)) {
        report({ path: [...path, "type"], message: `${who} sets SELinux type ${shown(type)}`, hint: "set seLinuxOptions.type to container_t or another container type, or remove it" });
      }
      for (const field of ["user", "role"] as const) {
        const value = set[field];
        if (value === undefined || value === null || value === "") continue;
        report({ path: [...path, field], message: `${who} sets SELinux ${field} ${shown(value)}`, hint: `remove seLinuxOptions.${field}` });
      }
    };
    judge(podSecurityContext(tpl)?.seLinuxOptions, [...tpl.specPath, "securityContext", "seLinuxOptions"], "the pod");
    for (const c of visitContainers(tpl)) judge(c.securityContext?.seLinuxOptions, [...c.path, "securityContext", "seLinuxOptions"], `container "${c.name}"`);
  },
});
