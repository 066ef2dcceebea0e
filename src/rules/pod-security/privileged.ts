/** Pod Security Standards, baseline: policy/check_privileged.go (privileged_1_0). */
import { bidirectionalMount } from "../security/privileged-container.js";
import { defineRule } from "../types.js";
import { visitContainers } from "./policy.js";

export const rule = defineRule({
  id: "pss-privileged",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "privileged", level: "baseline" },
  supersedes: ["privileged-container"],
  summary: "Pod Security Standards (baseline): a container runs privileged.",
  explanation: `The baseline Pod Security Standard forbids securityContext.privileged: true on any container,
init and ephemeral containers included, in every policy version. A privileged container has every
capability and every device of the node and runs without seccomp or AppArmor confinement: it is
root on the node. A namespace enforcing baseline or restricted rejects the pod (the workload shows
FailedCreate). While this rule runs it stands in for privileged-container, which reports the same
field.`,
  fix: "Remove privileged: true; add only the capability the container needs, or run it in a namespace labelled pod-security.kubernetes.io/enforce: privileged.",
  preventsStatus: [],
  check({ resource, report }) {
    for (const c of visitContainers(resource.podTemplate!)) {
      if (c.securityContext?.privileged !== true) continue;
      const bidirectional = bidirectionalMount(c.raw.volumeMounts);
      report({
        path: [...c.path, "securityContext", "privileged"],
        message: `container "${c.name}" runs privileged`,
        hint: bidirectional
          ? `label its namespace pod-security.kubernetes.io/enforce: privileged: its volume mount "${bidirectional}" has Bidirectional propagation, which needs a privileged container`
          : "remove privileged: true and add only the capabilities it needs",
      });
    }
  },
});
