/**
 * The seccomp and AppArmor profiles of a pod's and each container's securityContext: a Localhost
 * profile names its file (localhostProfile), and only a Localhost profile does. Source:
 * pkg/apis/core/validation/validation.go, validateSeccompProfileField and
 * ValidateAppArmorProfileField, called by validatePodSpecSecurityContext for the pod and by
 * ValidateSecurityContext (validateContainerCommon) for every container, init and ephemeral
 * container. A profile without a type, or with a type the API does not list, is the schema rules'
 * finding, and not judged further here.
 */
import { localDescendingPathProblem } from "../../../models/validation/formats.js";
import { POD_SPEC_KINDS } from "../../../models/workloads.js";
import type { Path } from "../../../types.js";
import type { FieldConstraint } from "../constraint.js";
import { containerNeeds, containerLabel, containersOf, isMap, isSet, podNeeds, podSpecOf, POD_KINDS, type CheckContext, type CrossFieldConstraint, type Obj } from "./walk.js";

const CORE = "pkg/apis/core/validation/validation.go";

type Profile = "seccompProfile" | "appArmorProfile";
type Level = "pod" | "container";

const PROFILE: Record<Profile, { name: string; article: string; upstream: string; types: readonly string[] }> = {
  seccompProfile: { name: "seccomp", article: "a", upstream: "validateSeccompProfileField", types: ["RuntimeDefault", "Unconfined"] },
  appArmorProfile: { name: "AppArmor", article: "an", upstream: "ValidateAppArmorProfileField", types: ["RuntimeDefault", "Unconfined"] },
};

const CALLER: Record<Level, string> = { pod: "validatePodSpecSecurityContext", container: "ValidateSecurityContext" };

/**
 * Calls `fn` with each profile of one kind written in the pod's securityContext (level pod) or
 * in its containers' (level container), and how messages name its owner. Nothing is built unless
 * something is reported.
 */
function eachProfile(ctx: CheckContext, profile: Profile, level: Level, fn: (value: Obj, path: () => Path, owner: () => string) => void) {
  if (level === "pod") {
    const pod = podSpecOf(ctx);
    const sc = pod?.spec.securityContext;
    const value = isMap(sc) ? sc[profile] : undefined;
    if (pod && isMap(value)) fn(value, () => [...pod.path, "securityContext", profile], () => "the pod");
    return;
  }
  for (const site of containersOf(ctx)) {
    const sc = site.container.securityContext;
    const value = isMap(sc) ? sc[profile] : undefined;
    if (isMap(value)) fn(value, () => [...site.path, "securityContext", profile], () => containerLabel(site));
  }
}

const pathOf = (level: Level, profile: Profile) => `spec.template.spec.${level === "pod" ? "" : "containers[]."}securityContext.${profile}.localhostProfile`;

/** Type Localhost needs localhostProfile: for seccomp any value ("" passes validateLocalDescendingPath), for AppArmor a non-empty one. */
function localhostNeedsProfile(profile: Profile, level: Level): CrossFieldConstraint {
  const { name, article, upstream } = PROFILE[profile];
  return {
    path: pathOf(level, profile),
    needs: level === "container" ? containerNeeds("securityContext", profile) : podNeeds("securityContext", profile),
    kinds: POD_KINDS,
    constraint: `${article} ${name} profile of type Localhost names its localhostProfile${profile === "appArmorProfile" ? " (not empty)" : ""}`,
    rule: "required-value",
    upstream: `${CORE} ${upstream} (Required "must be set when ${name} type is Localhost"), called by ${CALLER[level]}`,
    check(ctx) {
      eachProfile(ctx, profile, level, (value, path, owner) => {
        if (value.type !== "Localhost") return;
        const given = isSet(value.localhostProfile) && (profile === "seccompProfile" || value.localhostProfile !== "");
        if (given) return;
        const written = isSet(value.localhostProfile);
        ctx.report({
          path: [...path(), written ? "localhostProfile" : "type"],
          message: written ? `the ${name} profile of ${owner()} has type "Localhost" and an empty localhostProfile` : `the ${name} profile of ${owner()} has type "Localhost" but no localhostProfile`,
          hint: `add localhostProfile: the profile loaded on the nodes${profile === "seccompProfile" ? ", relative to the kubelet's seccomp directory (profiles/audit.json)" : " (its name, e.g. k8s-apparmor-example-deny-write)"}, or use type: RuntimeDefault`,
        });
      });
    },
  };
}

/** localhostProfile only with type Localhost (a missing or unknown type is the schema rules' finding). */
function profileOnlyForLocalhost(profile: Profile, level: Level): CrossFieldConstraint {
  const { name, article, upstream, types } = PROFILE[profile];
  return {
    path: pathOf(level, profile),
    needs: level === "container" ? containerNeeds("securityContext", profile) : podNeeds("securityContext", profile),
    kinds: POD_KINDS,
    constraint: `${article} ${name} profile names a localhostProfile only with type Localhost`,
    rule: "invalid-combination",
    upstream: `${CORE} ${upstream} ("can only be set when ${name} type is Localhost"), called by ${CALLER[level]}`,
    check(ctx) {
      eachProfile(ctx, profile, level, (value, path, owner) => {
        if (!isSet(value.localhostProfile) || typeof value.type !== "string" || !types.includes(value.type)) return;
        ctx.report({
          path: [...path(), "localhostProfile"],
          message: `localhostProfile "${String(value.localhostProfile)}" is not allowed with ${name} type "${value.type}" (${owner()})`,
          hint: "remove localhostProfile, or set type: Localhost to load that profile",
        });
      });
    },
  };
}

export const PROFILE_CONSTRAINTS: readonly CrossFieldConstraint[] = (["seccompProfile", "appArmorProfile"] as const).flatMap((profile) =>
  (["pod", "container"] as const).flatMap((level) => [localhostNeedsProfile(profile, level), profileOnlyForLocalhost(profile, level)]),
);

/** AppArmor localhostProfile: at most PATH_MAX - 1 bytes. */
const MAX_APPARMOR_PROFILE = 4095;

const KINDS = [...POD_SPEC_KINDS].sort();

/** The localhostProfile field constraints, judged when the type is Localhost (otherwise the field is not allowed at all). */
function localhostProfileField(profile: Profile, level: Level, constraint: string, upstream: string, problemOf: (s: string) => string | undefined, hint: string): FieldConstraint {
  return {
    path: `<${level}>.securityContext.${profile}.localhostProfile`,
    kinds: KINDS,
    constraint,
    rule: "invalid-value",
    upstream: `${CORE} ${upstream}`,
    root: level,
    at: [["securityContext", profile, "localhostProfile"]],
    check(v, ctx) {
      if (typeof v !== "string" || ctx.parent?.type !== "Localhost") return undefined;
      const problem = problemOf(v);
      return problem ? { message: `localhostProfile ${JSON.stringify(v)} ${problem}`, hint } : undefined;
    },
  };
}

function appArmorProfileProblem(s: string): string | undefined {
  if (s.trim() !== s) return "must not be padded with whitespace";
  if (Buffer.byteLength(s, "utf8") > MAX_APPARMOR_PROFILE) return `must have at most ${MAX_APPARMOR_PROFILE} bytes`;
  return undefined;
}

export const PROFILE_FIELD_CONSTRAINTS: readonly FieldConstraint[] = (["pod", "container"] as const).flatMap((level) => [
  localhostProfileField("seccompProfile", level, "relative, without '..' elements (type Localhost)", `validateSeccompProfileField (validateLocalDescendingPath), called by ${CALLER[level]}`, localDescendingPathProblem, "write the profile's path relative to the kubelet's seccomp directory, without '..'"),
  localhostProfileField("appArmorProfile", level, "no leading or trailing whitespace, at most 4095 bytes (type Localhost)", `ValidateAppArmorProfileField, called by ${CALLER[level]}`, appArmorProfileProblem, "write the profile name as loaded on the nodes, without surrounding spaces"),
]);
