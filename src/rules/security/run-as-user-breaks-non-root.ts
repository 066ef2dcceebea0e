import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const rule = defineRule({
  id: "run-as-user-breaks-non-root",
  category: "security",
  severity: "error",
  appliesTo: "workloads",
  summary: "A container must run as non-root (runAsNonRoot: true) and as user 0 at once: the kubelet refuses to start it.",
  explanation: `The API server accepts runAsNonRoot: true together with runAsUser: 0, but the kubelet checks the
container's effective security context before it starts the container: the container's own
runAsNonRoot and runAsUser, each falling back to the pod's securityContext when the container
does not set it (DetermineEffectiveSecurityContext). When the result asks for non-root and for
user 0, it refuses with "container's runAsUser breaks non-root policy" and the pod stays in
CreateContainerConfigError (verifyRunAsNonRoot in
pkg/kubelet/kuberuntime/security_context_others.go). The usual way in: the pod sets
runAsNonRoot: true, and an init container that must chown a volume sets only runAsUser: 0.
Windows pods (spec.os.name: windows) are checked by user name instead and are not reported.`,
  fix: "Decide which one the container needs: remove runAsUser: 0, or set runAsNonRoot: false on the container that must run as root.",
  preventsStatus: ["CreateContainerConfigError"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const spec = resource.get([...tpl.specPath]);
    if (isMap(spec) && isMap(spec.os) && spec.os.name === "windows") return;
    const pod = isMap(spec) && isMap(spec.securityContext) ? spec.securityContext : {};
    const name = (c: { name?: unknown }) => `"${typeof c.name === "string" ? c.name : ""}"`;
    const where = (fromContainer: boolean, field: string) => (fromContainer ? `its own ${field}` : `the pod's ${field}`);
    // Containers that take both from the pod: one finding, at the pod's runAsUser.
    const inheriting: string[] = [];
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
      const own = isMap(container.securityContext) ? container.securityContext : {};
      const ownNonRoot = typeof own.runAsNonRoot === "boolean";
      const ownUser = typeof own.runAsUser === "number";
      if ((ownNonRoot ? own.runAsNonRoot : pod.runAsNonRoot) !== true || (ownUser ? own.runAsUser : pod.runAsUser) !== 0) continue;
      if (!ownNonRoot && !ownUser) {
        inheriting.push(name(container));
        continue;
      }
      // Reported at what the container writes itself: that is the line to change.
      report({
        path: [...path, "securityContext", ownUser ? "runAsUser" : "runAsNonRoot"],
        message: `container ${name(container)} runs as user 0 (${where(ownUser, "runAsUser")}) with runAsNonRoot: true (${where(ownNonRoot, "runAsNonRoot")}): the kubelet refuses to start it`,
        hint: ownUser && !ownNonRoot ? "set runAsNonRoot: false next to runAsUser: 0 in this container's securityContext" : ownUser ? "remove runAsUser: 0, or set runAsNonRoot: false" : "remove runAsNonRoot: true from this container, or give it a non-zero runAsUser",
      });
    }
    if (inheriting.length) {
      report({
        path: [...tpl.specPath, "securityContext", "runAsUser"],
        message: `the pod's securityContext sets runAsNonRoot: true and runAsUser: 0, so the kubelet refuses to start ${inheriting.length === 1 ? `container ${inheriting[0]}` : `containers ${inheriting.join(", ")}`}`,
        hint: "remove runAsUser: 0, or set runAsNonRoot: false",
      });
    }
  },
});
