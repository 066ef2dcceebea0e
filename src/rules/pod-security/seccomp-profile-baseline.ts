/** Pod Security Standards, baseline: policy/check_seccompProfile_baseline.go (seccompProfileBaseline_1_0 on annotations, seccompProfileBaseline_1_19 on fields). */
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import { asMap, atLeast, overriddenByRestricted, podSecurityContext, shown, visitContainers } from "./policy.js";

const POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
const CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
/** validSeccomp: the profile types the policy allows. */
export const ALLOWED_SECCOMP_TYPES: ReadonlySet<string> = new Set(["RuntimeDefault", "Localhost"]);

/** validSeccompAnnotationValue: runtime/default, docker/default or localhost/<profile>. */
function allowedAnnotation(value: string): boolean {
  return value === "runtime/default" || value === "docker/default" || value.startsWith("localhost/");
}

export const rule = defineRule({
  id: "pss-seccomp-profile-baseline",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "seccompProfile_baseline", level: "baseline" },
  summary: "Pod Security Standards (baseline): a pod or container turns seccomp off (Unconfined).",
  explanation: `The baseline Pod Security Standard forbids an explicitly unconfined seccomp profile: from policy
version 1.19 it reads securityContext.seccompProfile.type of the pod and of each container, which
may be RuntimeDefault or Localhost when set; before 1.19 it reads the alpha annotations
seccomp.security.alpha.kubernetes.io/pod and container.seccomp.security.alpha.kubernetes.io/<name>,
which may be runtime/default, docker/default or localhost/<profile>. Unconfined lets the
container make every system call, the kernel's whole attack surface. Leaving the profile unset is
allowed at baseline; the restricted level requires one (pss-seccomp-profile-restricted, which
replaces this check there from 1.19).`,
  fix: "Set seccompProfile.type to RuntimeDefault (or Localhost with a profile loaded on the nodes), or remove the Unconfined profile.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    if (overriddenByRestricted(settings, "1.19")) return;
    const tpl = resource.podTemplate!;
    if (!atLeast(settings, "1.19")) {
      const names = new Set(visitContainers(tpl).map((c) => CONTAINER_ANNOTATION_PREFIX + c.name));
      for (const [key, value] of Object.entries(tpl.annotations)) {
        if ((key !== POD_ANNOTATION && !names.has(key)) || allowedAnnotation(value)) continue;
        report({
          path: [...tpl.metadataPath, "annotations", key],
          message: `annotation "${key}" sets seccomp profile "${value}"`,
          hint: "set the annotation to runtime/default or localhost/<profile>",
        });
      }
      return;
    }
    const judge = (profile: unknown, path: Path, who: string) => {
      const set = asMap(profile);
      if (!set) return;
      if (typeof set.type === "string" && ALLOWED_SECCOMP_TYPES.has(set.type)) return;
      // A patch without a type keeps the type its base sets.
      if (set.type === undefined && resource.partial) return;
      report({
        path: set.type === undefined ? path : [...path, "type"],
        message: set.type === undefined ? `${who} sets a seccomp profile without a type` : `${who} sets seccomp profile type ${shown(set.type)}`,
        hint: "set seccompProfile.type to RuntimeDefault or Localhost",
      });
    };
    judge(podSecurityContext(tpl)?.seccompProfile, [...tpl.specPath, "securityContext", "seccompProfile"], "the pod");
    for (const c of visitContainers(tpl)) judge(c.securityContext?.seccompProfile, [...c.path, "securityContext", "seccompProfile"], `container "${c.name}"`);
  },
});
