import { runsNodeAgent } from "../../models/node-agent.js";
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
workloads need it; most need one specific capability instead. Node agents often do, so there it
is reported as info: a DaemonSet (CNI plugins, node exporters), or a CSI node plugin of any
workload kind (a hostPath under /var/lib/kubelet/plugins_registry or /var/lib/kubelet/plugins,
or a node-driver-registrar container).`,
  fix: "Remove privileged: true; add only the capabilities needed (securityContext.capabilities.add), or mount the specific device.",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const nodeAgent = runsNodeAgent(resource.kind, tpl);
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
      if (container.securityContext?.privileged !== true) continue;
      // Bidirectional mount propagation is allowed only in a privileged container (ValidateVolumeMounts): removing privileged breaks it.
      const bidirectional = bidirectionalMount(container.volumeMounts);
      report({
        path: [...path, "securityContext", "privileged"],
        message: `container "${container.name ?? ""}" runs privileged`,
        hint: bidirectional
          ? `keep privileged: true only while its volume mount "${bidirectional}" needs Bidirectional propagation, which the API server allows in privileged containers alone; with HostToContainer it can drop it`
          : "remove privileged: true and add only the capabilities it needs",
        ...(nodeAgent ? { severity: "info" as const } : {}),
      });
    }
  },
});

/** The name of the first volume mount with mountPropagation Bidirectional, which only a privileged container may have. */
export function bidirectionalMount(mounts: unknown): string | undefined {
  if (!Array.isArray(mounts)) return undefined;
  for (const m of mounts) {
    if (m && typeof m === "object" && (m as Record<string, unknown>).mountPropagation === "Bidirectional") {
      const name = (m as Record<string, unknown>).name;
      return typeof name === "string" ? name : "";
    }
  }
  return undefined;
}
