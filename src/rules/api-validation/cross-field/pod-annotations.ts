/**
 * The seccomp and AppArmor annotations of a pod or pod template, which the API server still
 * validates at every release this tool targets (1.19 to 1.36), deprecated as they are (the fields
 * replaced them: seccomp in 1.19, AppArmor in 1.30). Source: pkg/apis/core/validation/validation.go:
 * ValidatePodSpecificAnnotations, called by ValidatePodCreate (through validatePodMetadataAndSpec)
 * and ValidatePodTemplateSpec, runs ValidateSeccompPodAnnotations (ValidateSeccompProfile) and
 * ValidateAppArmorPodAnnotations (podSpecHasContainer, ValidateAppArmorProfileFormat); and the
 * annotation and field of the same pod or container must agree: validateSeccompAnnotationsAndFields
 * (every release) and validateAppArmorAnnotationsAndFieldsMatchOnCreate (1.30 on, where the
 * appArmorProfile field exists), both called by ValidatePodCreate and ValidatePodTemplateSpec.
 *
 * The same function rejects a controller.kubernetes.io/pod-deletion-cost that is not a 32-bit
 * integer (from 1.22, where PodDeletionCost is on by default).
 *
 * The annotation checks are field constraints on the pod's annotations (invalid-value): they cost
 * a loop over the keys of the annotations a pod template writes, nothing where it writes none.
 */
import { closestWithin } from "../../../did-you-mean.js";
import { POD_TEMPLATE_PATHS, type Resource } from "../../../models/resource.js";
import { localDescendingPathProblem } from "../../../models/validation/formats.js";
import { POD_SPEC_KINDS } from "../../../models/workloads.js";
import type { Path } from "../../../types.js";
import { compareVersions } from "../../schema/api-changes.js";
import type { FieldConstraint, Problem } from "../constraint.js";
import { at, containerLabel, containersOf, isMap, podSpecOf, POD_KINDS, type CheckContext, type CrossFieldConstraint, type Obj } from "./walk.js";

const CORE = "pkg/apis/core/validation/validation.go";

/** v1.SeccompPodAnnotationKey, v1.SeccompContainerAnnotationKeyPrefix, v1.DeprecatedAppArmorBetaContainerAnnotationKeyPrefix. */
export const SECCOMP_POD_KEY = "seccomp.security.alpha.kubernetes.io/pod";
export const SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
export const APPARMOR_CONTAINER_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

/** core.PodDeletionCost: the ReplicaSet controller's hint of which pods to delete first. */
export const POD_DELETION_COST_KEY = "controller.kubernetes.io/pod-deletion-cost";
/** PodDeletionCost: alpha 1.21, beta and on by default from 1.22; while off, AllowInvalidPodDeletionCost lets any value through. */
const POD_DELETION_COST_SINCE = "1.22";

/**
 * GetDeletionCostFromPodAnnotations: a 32-bit integer in decimal, without a '+' sign or leading
 * zeros (validFirstDigit: '-', "0" alone, or 1-9 first; then strconv.ParseInt(value, 10, 32)).
 */
export function deletionCostProblem(value: string): string | undefined {
  if (!/^(0|[1-9][0-9]*|-[0-9]+)$/.test(value)) return "is not a decimal integer (no '+' sign, no leading zeros)";
  const n = Number(value);
  return n < -2147483648 || n > 2147483647 ? "is out of the range of a 32-bit integer (-2147483648 to 2147483647)" : undefined;
}

/** The appArmorProfile field and validateAppArmorAnnotationsAndFieldsMatchOnCreate (AppArmorFields, on by default from 1.30). */
const APPARMOR_FIELDS_SINCE = "1.30";

const SECCOMP_NAMED = ["runtime/default", "docker/default", "unconfined"];
const APPARMOR_NAMED = ["runtime/default", "unconfined"];

/** ValidateSeccompProfile: why a seccomp annotation's profile is refused, or undefined. */
export function seccompAnnotationProblem(profile: string): string | undefined {
  if (SECCOMP_NAMED.includes(profile)) return undefined;
  if (profile.startsWith("localhost/")) {
    const problem = localDescendingPathProblem(profile.slice("localhost/".length));
    return problem && `names the path "${profile.slice("localhost/".length)}", which ${problem}`;
  }
  return "is not runtime/default, docker/default, unconfined or localhost/<path>";
}

/** ValidateAppArmorProfileFormat: "" is allowed (the runtime's default). */
export function appArmorAnnotationProblem(profile: string): string | undefined {
  if (profile === "" || APPARMOR_NAMED.includes(profile) || profile.startsWith("localhost/")) return undefined;
  return "is not runtime/default, unconfined or localhost/<profile>";
}

const show = (v: string) => JSON.stringify(v);

/** The pod spec written in a resource of a kind that carries one (the raw object: what the walk reads). */
function writtenPodSpec(resource: Resource): Obj | undefined {
  const tpl = POD_TEMPLATE_PATHS.get(resource.kind);
  const spec = resource.kind === "Pod" ? at(resource.raw, ["spec"]) : tpl ? at(resource.raw, [...tpl, "spec"]) : undefined;
  return isMap(spec) ? spec : undefined;
}

const CONTAINER_LISTS = ["containers", "initContainers", "ephemeralContainers"] as const;

/** podSpecHasContainer: a container of any list (VisitContainersWithPath) has this name. */
function hasContainer(spec: Obj, name: string): boolean {
  for (const list of CONTAINER_LISTS) {
    const written = spec[list];
    if (!Array.isArray(written)) continue;
    for (let i = 0; i < written.length; i++) {
      const c: unknown = written[i];
      if (isMap(c) && c.name === name) return true;
    }
  }
  return false;
}

function containerNames(spec: Obj): string[] {
  const names: string[] = [];
  for (const list of CONTAINER_LISTS) {
    const written = spec[list];
    if (!Array.isArray(written)) continue;
    for (const c of written) if (isMap(c) && typeof c.name === "string") names.push(c.name);
  }
  return names;
}

function profileHint(profile: string, named: readonly string[], field: string, forms: string): string {
  const near = closestWithin(profile, named) ?? named.find((n) => n === profile.toLowerCase());
  return near ? `set it to "${near}"` : `set it to ${forms}, or replace the annotation with ${field}`;
}

const KINDS = [...POD_SPEC_KINDS].sort();

function annotationConstraint(constraint: string, upstream: string, check: FieldConstraint["check"]): FieldConstraint {
  return { path: "<podMetadata>.annotations", kinds: KINDS, constraint, rule: "invalid-value", upstream: `${CORE} ${upstream}`, root: "podMetadata", at: [["annotations"]], check };
}

export const POD_ANNOTATION_FIELD_CONSTRAINTS: readonly FieldConstraint[] = [
  annotationConstraint(
    `${POD_DELETION_COST_KEY}: a 32-bit decimal integer, from 1.22 (PodDeletionCost)`,
    "ValidatePodSpecificAnnotations (GetDeletionCostFromPodAnnotations, unless AllowInvalidPodDeletionCost)",
    (v, ctx) => {
      const cost = isMap(v) ? v[POD_DELETION_COST_KEY] : undefined;
      if (typeof cost !== "string") return undefined;
      const problem = deletionCostProblem(cost);
      if (!problem || compareVersions(ctx.kubernetesVersion, POD_DELETION_COST_SINCE) < 0) return undefined;
      return { sub: [POD_DELETION_COST_KEY], message: `pod deletion cost ${show(cost)} ${problem}`, hint: `set it to an integer from -2147483648 to 2147483647, such as "100"` };
    },
  ),
  annotationConstraint(
    `${SECCOMP_POD_KEY} and ${SECCOMP_CONTAINER_PREFIX}<container>: runtime/default, docker/default, unconfined or localhost/<relative path without '..'>`,
    "ValidateSeccompPodAnnotations (ValidateSeccompProfile), called by ValidatePodSpecificAnnotations",
    (v) => {
      if (!isMap(v)) return undefined;
      let out: Problem[] | undefined;
      for (const key in v) {
        if (key !== SECCOMP_POD_KEY && !key.startsWith(SECCOMP_CONTAINER_PREFIX)) continue;
        const profile = v[key];
        if (typeof profile !== "string") continue;
        const problem = seccompAnnotationProblem(profile);
        if (!problem) continue;
        (out ??= []).push({
          sub: [key],
          message: `seccomp profile ${show(profile)} of annotation ${show(key)} ${problem}`,
          hint: profile.startsWith("localhost/") ? "write the profile's path relative to the kubelet's seccomp directory, without '..' (localhost/profiles/audit.json)" : profileHint(profile, SECCOMP_NAMED, "securityContext.seccompProfile", "runtime/default, unconfined or localhost/<path>"),
        });
      }
      return out;
    },
  ),
  annotationConstraint(
    `${APPARMOR_CONTAINER_PREFIX}<container>: names a container of the pod`,
    "ValidateAppArmorPodAnnotations (podSpecHasContainer), called by ValidatePodSpecificAnnotations",
    (v, ctx) => {
      // A patch may leave out the containers it does not change.
      if (!isMap(v) || ctx.resource.partial) return undefined;
      let out: Problem[] | undefined;
      let spec: Obj | undefined;
      for (const key in v) {
        if (!key.startsWith(APPARMOR_CONTAINER_PREFIX)) continue;
        spec ??= writtenPodSpec(ctx.resource) ?? {};
        const name = key.slice(APPARMOR_CONTAINER_PREFIX.length);
        if (hasContainer(spec, name)) continue;
        const names = containerNames(spec);
        const near = closestWithin(name, names);
        (out ??= []).push({
          sub: [key],
          target: "key",
          message: `annotation ${show(key)} sets the AppArmor profile of container ${show(name)}, which the pod does not have`,
          hint: near ? `rename the annotation after container "${near}"` : names.length ? `rename the annotation after a container of the pod (${names.map(show).join(", ")}), or remove it` : "remove the annotation",
        });
      }
      return out;
    },
  ),
  annotationConstraint(
    `${APPARMOR_CONTAINER_PREFIX}<container>: empty, runtime/default, unconfined or localhost/<profile>`,
    "ValidateAppArmorPodAnnotations (ValidateAppArmorProfileFormat), called by ValidatePodSpecificAnnotations",
    (v) => {
      if (!isMap(v)) return undefined;
      let out: Problem[] | undefined;
      for (const key in v) {
        if (!key.startsWith(APPARMOR_CONTAINER_PREFIX)) continue;
        const profile = v[key];
        if (typeof profile !== "string") continue;
        const problem = appArmorAnnotationProblem(profile);
        if (!problem) continue;
        (out ??= []).push({
          sub: [key],
          message: `AppArmor profile ${show(profile)} of annotation ${show(key)} ${problem}`,
          hint: profileHint(profile, APPARMOR_NAMED, "securityContext.appArmorProfile", "runtime/default or localhost/<profile>"),
        });
      }
      return out;
    },
  ),
];

/** The annotations of the pod (the template's for a workload), when it writes any; read without building a path (this runs for every pod). */
function podAnnotations(ctx: CheckContext): Obj | undefined {
  const pod = podSpecOf(ctx);
  if (!pod) return undefined;
  let v: unknown = ctx.obj;
  for (let i = 0; i < pod.path.length - 1 && isMap(v); i++) v = v[pod.path[i]];
  const metadata = isMap(v) ? v.metadata : undefined;
  const annotations = isMap(metadata) ? metadata.annotations : undefined;
  return isMap(annotations) ? annotations : undefined;
}

/** Whether any key of the map starts with `prefix` (or is `key`): most pods write none of these annotations. */
function hasKey(map: Obj, prefix: string, key?: string): boolean {
  for (const k in map) if (k === key || k.startsWith(prefix)) return true;
  return false;
}

type Mismatch = "type" | "localhostProfile" | undefined;

/** validateSeccompAnnotationsAndFieldsMatch: which field of the profile disagrees with the annotation. */
function seccompMismatch(annotation: string, profile: Obj): Mismatch {
  switch (profile.type) {
    case "Unconfined":
      return annotation === "unconfined" ? undefined : "type";
    case "RuntimeDefault":
      return annotation === "runtime/default" || annotation === "docker/default" ? undefined : "type";
    case "Localhost":
      if (!annotation.startsWith("localhost/")) return "type";
      return annotation.slice("localhost/".length) === profile.localhostProfile ? undefined : "localhostProfile";
    default:
      return undefined;
  }
}

/** The AppArmor match of validateAppArmorAnnotationsAndFieldsMatchOnCreate. */
function appArmorMismatch(annotation: string, profile: Obj): Mismatch {
  switch (profile.type) {
    case "Unconfined":
      return annotation === "unconfined" ? undefined : "type";
    case "RuntimeDefault":
      return annotation === "runtime/default" ? undefined : "type";
    case "Localhost":
      if (!annotation.startsWith("localhost/")) return "type";
      return annotation.slice("localhost/".length) === profile.localhostProfile ? undefined : "localhostProfile";
    default:
      return undefined;
  }
}

function describe(profile: Obj): string {
  return profile.type === "Localhost" && typeof profile.localhostProfile === "string" ? `Localhost profile "${profile.localhostProfile}"` : `type "${String(profile.type)}"`;
}

function reportMismatch(ctx: CheckContext, what: "seccomp" | "AppArmor", key: string, annotation: string, profile: Obj, profilePath: Path, mismatch: "type" | "localhostProfile", owner: string) {
  const field = what === "seccomp" ? "seccompProfile" : "appArmorProfile";
  ctx.report({
    path: [...profilePath, mismatch],
    message: `annotation "${key}" sets ${what} profile "${annotation}" but the ${field} of ${owner} says ${describe(profile)}: they must match`,
    hint: `remove the deprecated annotation (the field replaces it), or make the two name the same profile`,
  });
}

const seccompMatch: CrossFieldConstraint = {
  path: "spec.template.metadata.annotations, spec.template.spec.securityContext.seccompProfile, spec.template.spec.containers[].securityContext.seccompProfile",
  kinds: POD_KINDS,
  constraint: "a seccomp annotation and the seccompProfile field of the same pod or container name the same profile",
  rule: "invalid-combination",
  upstream: `${CORE} validateSeccompAnnotationsAndFields (validateSeccompAnnotationsAndFieldsMatch), called by ValidatePodCreate and ValidatePodTemplateSpec`,
  check(ctx) {
    const annotations = podAnnotations(ctx);
    if (!annotations || !hasKey(annotations, SECCOMP_CONTAINER_PREFIX, SECCOMP_POD_KEY)) return;
    const pod = podSpecOf(ctx)!;
    const podAnnotation = annotations[SECCOMP_POD_KEY];
    const podProfile = at(pod.spec, ["securityContext", "seccompProfile"]);
    if (typeof podAnnotation === "string" && isMap(podProfile)) {
      const mismatch = seccompMismatch(podAnnotation, podProfile);
      if (mismatch) reportMismatch(ctx, "seccomp", SECCOMP_POD_KEY, podAnnotation, podProfile, [...pod.path, "securityContext", "seccompProfile"], mismatch, "the pod");
    }
    for (const site of containersOf(ctx)) {
      const profile = at(site.container, ["securityContext", "seccompProfile"]);
      if (!isMap(profile) || typeof site.container.name !== "string") continue;
      const key = SECCOMP_CONTAINER_PREFIX + site.container.name;
      const annotation = annotations[key];
      if (typeof annotation !== "string") continue;
      const mismatch = seccompMismatch(annotation, profile);
      if (mismatch) reportMismatch(ctx, "seccomp", key, annotation, profile, [...site.path, "securityContext", "seccompProfile"], mismatch, containerLabel(site));
    }
  },
};

const appArmorMatch: CrossFieldConstraint = {
  path: "spec.template.metadata.annotations, spec.template.spec.securityContext.appArmorProfile, spec.template.spec.containers[].securityContext.appArmorProfile",
  kinds: POD_KINDS,
  constraint: "an AppArmor annotation and the appArmorProfile a container runs with (its own, else the pod's) name the same profile, from 1.30 (not for a Windows pod)",
  rule: "invalid-combination",
  upstream: `${CORE} validateAppArmorAnnotationsAndFieldsMatchOnCreate, called by ValidatePodCreate and ValidatePodTemplateSpec`,
  check(ctx) {
    const annotations = podAnnotations(ctx);
    if (!annotations || !hasKey(annotations, APPARMOR_CONTAINER_PREFIX) || compareVersions(ctx.kubernetesVersion, APPARMOR_FIELDS_SINCE) < 0) return;
    const pod = podSpecOf(ctx)!;
    if (at(pod.spec, ["os", "name"]) === "windows") return;
    const podProfile = at(pod.spec, ["securityContext", "appArmorProfile"]);
    for (const site of containersOf(ctx)) {
      if (typeof site.container.name !== "string") continue;
      const own = at(site.container, ["securityContext", "appArmorProfile"]);
      const profile = isMap(own) ? own : isMap(podProfile) ? podProfile : undefined;
      if (!profile) continue;
      const key = APPARMOR_CONTAINER_PREFIX + site.container.name;
      const annotation = annotations[key];
      if (typeof annotation !== "string") continue;
      const mismatch = appArmorMismatch(annotation, profile);
      if (!mismatch) continue;
      const profilePath = isMap(own) ? [...site.path, "securityContext", "appArmorProfile"] : [...pod.path, "securityContext", "appArmorProfile"];
      reportMismatch(ctx, "AppArmor", key, annotation, profile, profilePath, mismatch, isMap(own) ? containerLabel(site) : `the pod (which ${containerLabel(site)} runs with)`);
    }
  },
};

export const POD_ANNOTATION_CONSTRAINTS: readonly CrossFieldConstraint[] = [seccompMatch, appArmorMatch];
