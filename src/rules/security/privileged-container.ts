import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "privileged-container",
  category: "security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  summary: "A container runs privileged, with full access to the node.",
  explanation: `securityContext.privileged: true gives the container every Linux capability and access to
all devices of the node, and disables seccomp and AppArmor confinement: a process in it is
effectively root on the node and can escape the container. Namespaces enforcing the "baseline"
or "restricted" Pod Security Standard reject the pod (the workload shows FailedCreate). Few
workloads need it; most need one specific capability instead. Node agents deployed as DaemonSets
(CNI and CSI node plugins) often do, so there it is reported as info.`,
  fix: "Remove privileged: true; add only the capabilities needed (securityContext.capabilities.add), or mount the specific device.",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
      if (container.securityContext?.privileged !== true) continue;
      report({
        path: [...path, "securityContext", "privileged"],
        message: `container "${container.name ?? ""}" runs privileged`,
        hint: "remove privileged: true and add only the capabilities it needs",
        ...(resource.kind === "DaemonSet" ? { severity: "info" as const } : {}),
      });
    }
  },
});
