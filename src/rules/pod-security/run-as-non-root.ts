/** Pod Security Standards, restricted: policy/check_runAsNonRoot.go (runAsNonRoot1_0, runAsNonRoot1_35). */
import { defineRule, type Finding } from "../types.js";
import { atLeast, containerAnchor, inUserNamespace, podSecurityContext, visitContainers } from "./policy.js";

export const rule = defineRule({
  id: "pss-run-as-non-root",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  presets: ["security"],
  podSecurityCheck: { id: "runAsNonRoot", level: "restricted" },
  summary: "Pod Security Standards (restricted): a container may run as root (runAsNonRoot is not true).",
  explanation: `The restricted Pod Security Standard requires runAsNonRoot: true, set on the pod's
securityContext (inherited by every container) or on each container's, and set false nowhere.
With it the kubelet refuses to start a container whose user is root (uid 0), whatever the image
says, so a process that escapes the container is not root on the node. A namespace enforcing
restricted rejects the pod. From policy 1.35 a pod in its own user namespace (hostUsers: false),
where root in the container is an unprivileged user on the node, is exempt.`,
  fix: "Set securityContext.runAsNonRoot: true on the pod (and runAsUser to a non-zero uid when the image's user is root).",
  preventsStatus: [],
  check({ resource, settings, report }) {
    const tpl = resource.podTemplate!;
    if (atLeast(settings, "1.35") && inUserNamespace(tpl)) return;
    const podValue = podSecurityContext(tpl)?.runAsNonRoot;
    const explicit: Finding[] = [];
    const implicit: Finding[] = [];
    if (podValue === false) {
      explicit.push({ path: [...tpl.specPath, "securityContext", "runAsNonRoot"], message: "the pod sets runAsNonRoot to false", hint: "set runAsNonRoot: true" });
    }
    for (const c of visitContainers(tpl)) {
      const value = c.securityContext?.runAsNonRoot;
      if (value === false) {
        explicit.push({ path: [...c.path, "securityContext", "runAsNonRoot"], message: `container "${c.name}" sets runAsNonRoot to false`, hint: "set runAsNonRoot: true" });
      } else if ((value === undefined || value === null) && podValue !== true) {
        // A non-zero runAsUser already keeps the container off root; the policy still wants the flag.
        const uid = c.securityContext?.runAsUser ?? podSecurityContext(tpl)?.runAsUser;
        implicit.push({
          path: containerAnchor(c),
          absent: [...c.path, "securityContext", "runAsNonRoot"],
          message:
            typeof uid === "number" && uid > 0
              ? `container "${c.name}" runs as uid ${uid}, but neither it nor the pod sets runAsNonRoot to true, which the restricted policy requires`
              : uid === 0
                ? `container "${c.name}" runs as root (runAsUser 0), and neither it nor the pod sets runAsNonRoot to true`
                : `container "${c.name}" may run as root: neither it nor the pod sets runAsNonRoot to true`,
          // With runAsUser 0 the flag alone makes the kubelet refuse to start the container.
          hint: uid === 0 ? "set runAsUser to a non-zero uid and runAsNonRoot: true" : "set securityContext.runAsNonRoot: true on the pod or the container",
        });
      }
    }
    // As runAsNonRoot1_0: an explicit false is the fault to fix first (it is inherited).
    for (const finding of explicit.length ? explicit : implicit) report(finding);
  },
});
