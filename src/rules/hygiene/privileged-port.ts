import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "privileged-port",
  category: "hygiene",
  severity: "warning",
  presets: ["production"],
  appliesTo: "workloads",
  summary: "A container that runs as a non-root user declares a port below 1024.",
  explanation: `On Linux only root, or a process with the NET_BIND_SERVICE capability, may bind a port below
1024 unless the runtime lowers net.ipv4.ip_unprivileged_port_start for the container (Docker
does; containerd only with enable_unprivileged_ports, the default from containerd 2.0; CRI-O
does not by default). A container that runs as non-root (runAsNonRoot: true or a non-zero
runAsUser, on the container or the pod) and declares such a port then fails with "permission
denied" on bind on some nodes or clusters and not others: CrashLoopBackOff after a node image
or runtime upgrade. kube-linter reports ports below 1024 (privileged-ports). Containers that
add NET_BIND_SERVICE are not reported.`,
  fix: "Listen on a port of 1024 or above (8080) and map the Service's port 80 to it with targetPort; or add the NET_BIND_SERVICE capability.",
  preventsStatus: ["CrashLoopBackOff"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const pod = tpl.spec.securityContext;
    for (const { container, path } of containersOf(tpl, { init: true })) {
      const sc = container.securityContext as Record<string, unknown> | undefined;
      const user = typeof sc?.runAsUser === "number" ? sc.runAsUser : pod?.runAsUser;
      const nonRoot = (typeof sc?.runAsNonRoot === "boolean" ? sc.runAsNonRoot : pod?.runAsNonRoot) === true;
      if (!(nonRoot || (typeof user === "number" && user > 0)) || user === 0) continue;
      const add = (sc?.capabilities as Record<string, unknown> | undefined)?.add;
      if (Array.isArray(add) && add.some((c) => c === "NET_BIND_SERVICE" || c === "CAP_NET_BIND_SERVICE")) continue;
      container.ports?.forEach((p, i) => {
        if (!p || typeof p.containerPort !== "number" || p.containerPort >= 1024) return;
        report({
          path: [...path, "ports", i, "containerPort"],
          message: `container "${container.name ?? ""}" runs as a non-root user but declares port ${p.containerPort}, which it may not bind without NET_BIND_SERVICE`,
          hint: "move the container to a port of 1024 or above and use the Service's targetPort",
        });
      });
    }
  },
});
