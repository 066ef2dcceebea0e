/** Pod Security Standards, restricted: policy/check_runAsUser.go (runAsUser1_23, runAsUser1_35). */
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import { atLeast, inUserNamespace, podSecurityContext, visitContainers } from "./policy.js";

export const rule = defineRule({
  id: "pss-run-as-user",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  presets: ["security"],
  podSecurityCheck: { id: "runAsUser", level: "restricted" },
  summary: "Pod Security Standards (restricted, 1.23+): a pod or container runs as uid 0 (runAsUser: 0).",
  explanation: `From policy version 1.23 the restricted Pod Security Standard forbids runAsUser: 0 on the pod and
on every container: it runs the process as root, which runAsNonRoot alone does not catch in every
case. A namespace enforcing restricted rejects the pod. From policy 1.35 a pod in its own user
namespace (hostUsers: false) is exempt, since uid 0 inside it is an unprivileged user on the node.`,
  fix: "Set runAsUser to a non-zero uid (or remove it and let the image's non-root user apply).",
  preventsStatus: [],
  check({ resource, settings, report }) {
    const tpl = resource.podTemplate!;
    if (!atLeast(settings, "1.23") || (atLeast(settings, "1.35") && inUserNamespace(tpl))) return;
    const judge = (securityContext: Record<string, unknown> | undefined, path: Path, who: string) => {
      if (securityContext?.runAsUser !== 0) return;
      report({ path: [...path, "runAsUser"], message: `${who} sets runAsUser to 0 (root)`, hint: "set runAsUser to a non-zero uid" });
    };
    judge(podSecurityContext(tpl), [...tpl.specPath, "securityContext"], "the pod");
    for (const c of visitContainers(tpl)) judge(c.securityContext, [...c.path, "securityContext"], `container "${c.name}"`);
  },
});
