/** Pod Security Standards, baseline: policy/check_appArmorProfile.go (appArmorProfile_1_0). */
import { defineRule } from "../types.js";
import type { Path } from "../../types.js";
import { asMap, podSecurityContext, shown, visitContainers } from "./policy.js";

/** corev1.DeprecatedAppArmorBetaContainerAnnotationKeyPrefix. */
const ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
const ALLOWED_TYPES = new Set(["RuntimeDefault", "Localhost"]);

/** allowedAnnotationValue: unset, runtime/default or localhost/<profile>. */
function allowedAnnotation(value: string): boolean {
  return value === "" || value === "runtime/default" || value.startsWith("localhost/");
}

export const rule = defineRule({
  id: "pss-apparmor-profile",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "appArmorProfile", level: "baseline" },
  summary: "Pod Security Standards (baseline): a pod or container turns AppArmor off or names an unknown profile type.",
  explanation: `The baseline Pod Security Standard allows an AppArmor profile of type RuntimeDefault or
Localhost only, in the pod's and each container's securityContext.appArmorProfile, and in the
older container.apparmor.security.beta.kubernetes.io/<container> annotations only runtime/default
or localhost/<profile>. Unconfined (or unconfined in the annotation) removes the mandatory access
control the container runtime applies by default, and a namespace enforcing baseline rejects the
pod. An appArmorProfile without a type is rejected too.`,
  fix: "Remove the profile (the runtime's default applies) or set type: RuntimeDefault, or Localhost with localhostProfile naming a profile loaded on the nodes.",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const judge = (profile: unknown, path: Path, who: string) => {
      const set = asMap(profile);
      if (!set) return;
      const type = set.type;
      if (typeof type === "string" && ALLOWED_TYPES.has(type)) return;
      // A patch without a type keeps the type its base sets.
      if (type === undefined && resource.partial) return;
      report({
        path: type === undefined ? path : [...path, "type"],
        message: type === undefined ? `${who} sets an AppArmor profile without a type` : `${who} sets AppArmor profile type ${shown(type)}`,
        hint: "set the AppArmor profile type to RuntimeDefault or Localhost",
      });
    };
    judge(podSecurityContext(tpl)?.appArmorProfile, [...tpl.specPath, "securityContext", "appArmorProfile"], "the pod");
    for (const c of visitContainers(tpl)) judge(c.securityContext?.appArmorProfile, [...c.path, "securityContext", "appArmorProfile"], `container "${c.name}"`);
    for (const [key, value] of Object.entries(tpl.annotations)) {
      if (!key.startsWith(ANNOTATION_PREFIX) || allowedAnnotation(value)) continue;
      report({
        path: [...tpl.metadataPath, "annotations", key],
        message: `annotation "${key}" sets AppArmor profile "${value}"`,
        hint: "set the annotation to runtime/default or localhost/<profile>, or replace it with securityContext.appArmorProfile",
      });
    }
  },
});
