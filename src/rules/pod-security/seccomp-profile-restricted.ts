/** Pod Security Standards, restricted: policy/check_seccompProfile_restricted.go (seccompProfileRestricted_1_19, seccompProfileRestricted_1_25). */
import { defineRule, type Finding } from "../types.js";
import { asMap, atLeast, containerAnchor, isWindowsPod, podSecurityContext, shown, visitContainers } from "./policy.js";
import { ALLOWED_SECCOMP_TYPES } from "./seccomp-profile-baseline.js";

export const rule = defineRule({
  id: "pss-seccomp-profile-restricted",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  presets: ["security"],
  podSecurityCheck: { id: "seccompProfile_restricted", level: "restricted" },
  summary: "Pod Security Standards (restricted, 1.19+): a container runs without a seccomp profile.",
  explanation: `From policy version 1.19 the restricted Pod Security Standard requires a seccomp profile of type
RuntimeDefault or Localhost: on the pod's securityContext.seccompProfile (inherited by every
container) or on each container's, and Unconfined nowhere. Without one, most container runtimes
run the container unconfined: every system call of the kernel is open to it. A namespace
enforcing restricted rejects the pod. From policy 1.25 a Windows pod (spec.os.name: windows) is
exempt. Before 1.19 the restricted level judges seccomp only through the baseline check
(pss-seccomp-profile-baseline), which this one replaces from 1.19.`,
  fix: "Set securityContext.seccompProfile.type: RuntimeDefault on the pod.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    const tpl = resource.podTemplate!;
    if (!atLeast(settings, "1.19") || (atLeast(settings, "1.25") && isWindowsPod(tpl))) return;
    const explicit: Finding[] = [];
    const implicit: Finding[] = [];
    const podProfile = asMap(podSecurityContext(tpl)?.seccompProfile);
    const valid = (profile: Record<string, unknown>) => typeof profile.type === "string" && ALLOWED_SECCOMP_TYPES.has(profile.type);
    const bad = (profile: Record<string, unknown>, path: (string | number)[], who: string): Finding => ({
      path: profile.type === undefined ? path : [...path, "type"],
      message: profile.type === undefined ? `${who} sets a seccomp profile without a type` : `${who} sets seccomp profile type ${shown(profile.type)}`,
      hint: "set seccompProfile.type to RuntimeDefault or Localhost",
    });
    if (podProfile && !valid(podProfile)) explicit.push(bad(podProfile, [...tpl.specPath, "securityContext", "seccompProfile"], "the pod"));
    const podSet = podProfile !== undefined && valid(podProfile);
    for (const c of visitContainers(tpl)) {
      const profile = asMap(c.securityContext?.seccompProfile);
      if (profile) {
        if (!valid(profile)) explicit.push(bad(profile, [...c.path, "securityContext", "seccompProfile"], `container "${c.name}"`));
      } else if (!podSet) {
        implicit.push({
          path: containerAnchor(c),
          absent: [...c.path, "securityContext", "seccompProfile"],
          message: `container "${c.name}" has no seccomp profile: neither it nor the pod sets seccompProfile`,
          hint: "set securityContext.seccompProfile.type: RuntimeDefault on the pod or the container",
        });
      }
    }
    // As seccompProfileRestricted_1_19: explicitly bad profiles first, missing ones when there are none.
    for (const finding of explicit.length ? explicit : implicit) report(finding);
  },
});
