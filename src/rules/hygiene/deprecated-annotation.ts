import { formatPath } from "../../models/path.js";
import type { PodTemplate, Resource } from "../../models/resource.js";
import { compareVersions } from "../schema/api-changes.js";
import { APPARMOR_CONTAINER_PREFIX, SECCOMP_CONTAINER_PREFIX, SECCOMP_POD_KEY } from "../api-validation/cross-field/pod-annotations.js";
import { defineRule, type Finding } from "../types.js";
import type { Path } from "../../types.js";

/** An annotation the API replaced with a field, and the API server warns about on create. */
interface DeprecatedAnnotation {
  kind: string;
  key: string;
  /** The field that replaced it, and the release where that field appeared. */
  field: Path;
  since: string;
  /** Values whose controller reads only the annotation: moving them to the field would orphan the object. */
  annotationOnly: readonly string[];
  /** How to write the annotation's value as the field. */
  hint(value: string): string;
  upstream: string;
}

const DEPRECATED_ANNOTATIONS: readonly DeprecatedAnnotation[] = [
  {
    kind: "Ingress",
    key: "kubernetes.io/ingress.class",
    field: ["spec", "ingressClassName"],
    since: "1.18",
    // GKE's Ingress controller: "you cannot use the ingressClassName field to specify a GKE Ingress".
    annotationOnly: ["gce", "gce-internal"],
    hint: (value) => `set spec.ingressClassName to the name of the IngressClass whose controller serves "${value}", and remove the annotation`,
    upstream: "pkg/registry/networking/ingress/strategy.go WarningsOnCreate (from 1.27: the annotation set and ingressClassName nil)",
  },
];

/** The seccompProfile field came in 1.19 (SeccompProfile in PodSecurityContext and SecurityContext); upstream calls the annotations non-functional from 1.27. */
const SECCOMP_FIELD_SINCE = "1.19";
const SECCOMP_NON_FUNCTIONAL_FROM = "1.27";
/** The appArmorProfile field: AppArmorFields, on by default from 1.30. */
const APPARMOR_FIELD_SINCE = "1.30";

type Obj = Record<string, unknown>;
const isMap = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A seccomp or AppArmor annotation's profile as the field writes it (localhost/<p>: Localhost with that profile). */
function profileField(value: string, named: Readonly<Record<string, string>>): string | undefined {
  if (Object.hasOwn(named, value)) return `{type: ${named[value]}}`;
  if (value.startsWith("localhost/")) return `{type: Localhost, localhostProfile: ${value.slice("localhost/".length)}}`;
  return undefined;
}

const SECCOMP_TYPES: Readonly<Record<string, string>> = { "runtime/default": "RuntimeDefault", "docker/default": "RuntimeDefault", unconfined: "Unconfined" };
const APPARMOR_TYPES: Readonly<Record<string, string>> = { "runtime/default": "RuntimeDefault", unconfined: "Unconfined" };

/**
 * The seccomp and AppArmor annotations of a pod (a Pod's or a template's) that a securityContext
 * field replaced, each while that field is not written (pkg/api/pod/warnings.go
 * warningsForPodSpecAndMeta: the pod's seccomp annotation without spec.securityContext.seccompProfile,
 * a container's without its seccompProfile, "non-functional in v1.27+"; a container's AppArmor
 * annotation without an appArmorProfile on the pod or the container, "deprecated since v1.30", for
 * a Pod through applyAppArmorVersionSkew in pkg/registry/core/pod/strategy.go). Containers are
 * those VisitContainersWithPath visits: init, app and ephemeral.
 */
function podAnnotationFindings(resource: Resource, tpl: PodTemplate, release: string): Finding[] {
  const out: Finding[] = [];
  const spec = resource.get(tpl.specPath);
  if (!isMap(spec)) return out;
  const annotations = tpl.annotations;
  const at = (key: string): Path => [...tpl.metadataPath, "annotations", key];
  const specAt = formatPath(tpl.specPath);
  const podContext = isMap(spec.securityContext) ? spec.securityContext : undefined;
  const seccomp = compareVersions(release, SECCOMP_FIELD_SINCE) >= 0;
  const nonFunctional = compareVersions(release, SECCOMP_NON_FUNCTIONAL_FROM) >= 0 ? `, and from Kubernetes ${SECCOMP_NON_FUNCTIONAL_FROM} it has no effect` : "";
  const seccompFinding = (key: string, field: string): Finding => {
    const value = annotations[key];
    const written = profileField(value, SECCOMP_TYPES);
    return {
      path: at(key),
      message: `the ${key} annotation ("${value}") is deprecated: Kubernetes ${SECCOMP_FIELD_SINCE} replaced it with ${field}${nonFunctional}`,
      hint: `set ${field}: ${written ?? "{type: RuntimeDefault}"}${written ? "" : " (or the profile you meant)"} and remove the annotation`,
    };
  };
  if (seccomp && Object.hasOwn(annotations, SECCOMP_POD_KEY) && !isMap(podContext?.seccompProfile)) out.push(seccompFinding(SECCOMP_POD_KEY, `${specAt}.securityContext.seccompProfile`));
  const appArmor = compareVersions(release, APPARMOR_FIELD_SINCE) >= 0 && !isMap(podContext?.appArmorProfile);
  for (const list of ["initContainers", "containers", "ephemeralContainers"]) {
    const containers = Array.isArray(spec[list]) ? (spec[list] as unknown[]) : [];
    for (let i = 0; i < containers.length; i++) {
      const c = containers[i];
      if (!isMap(c) || typeof c.name !== "string") continue;
      const context = isMap(c.securityContext) ? c.securityContext : undefined;
      const field = (name: string) => `${specAt}.${list}[${i}].securityContext.${name}`;
      const seccompKey = SECCOMP_CONTAINER_PREFIX + c.name;
      if (seccomp && Object.hasOwn(annotations, seccompKey) && !isMap(context?.seccompProfile)) out.push(seccompFinding(seccompKey, field("seccompProfile")));
      const appArmorKey = APPARMOR_CONTAINER_PREFIX + c.name;
      if (!appArmor || !Object.hasOwn(annotations, appArmorKey) || isMap(context?.appArmorProfile)) continue;
      const value = annotations[appArmorKey];
      const written = profileField(value, APPARMOR_TYPES);
      out.push({
        path: at(appArmorKey),
        message: `the ${appArmorKey} annotation ("${value}") is deprecated: Kubernetes ${APPARMOR_FIELD_SINCE} replaced it with the appArmorProfile field of the container's (or the pod's) securityContext`,
        hint: `set ${field("appArmorProfile")}: ${written ?? "{type: RuntimeDefault}"}${written ? "" : " (or the profile you meant)"} and remove the annotation`,
      });
    }
  }
  return out;
}

export const rule = defineRule({
  id: "deprecated-annotation",
  category: "hygiene",
  severity: "warning",
  appliesTo: [...new Set(DEPRECATED_ANNOTATIONS.map((d) => d.kind)), "pod-templates"],
  summary: "An object uses an annotation that a field of its API replaced.",
  explanation: `Some annotations were the only way to say a thing before the API grew a field for it,
and are deprecated since. The kubernetes.io/ingress.class annotation named the controller of an
Ingress until Kubernetes 1.18 added spec.ingressClassName, which names an IngressClass object;
from 1.27 the API server answers every Ingress created with the annotation and without the
field with a warning ("annotation "kubernetes.io/ingress.class" is deprecated"). Controllers
still read the annotation, but newer ones document the field first. An Ingress that writes
both is refused on create, up to 1.26 whatever the values and from 1.27 when they differ
(invalid-combination reports it). An Ingress whose
class is "gce" or "gce-internal" is left alone: GKE's Ingress controller reads only the
annotation. Source: ${DEPRECATED_ANNOTATIONS.map((d) => d.upstream).join("; ")}.

A pod's seccomp annotations (seccomp.security.alpha.kubernetes.io/pod,
container.seccomp.security.alpha.kubernetes.io/<container>) gave way to the seccompProfile field
of the pod's or the container's securityContext in 1.19, and do nothing from 1.27; a container's
AppArmor annotation (container.apparmor.security.beta.kubernetes.io/<container>) gave way to the
appArmorProfile field in 1.30. The API server warns about each one that is written without its
field, on Pods and on the pod templates of workloads (pkg/api/pod/warnings.go).`,
  fix: "Write the field the annotation stood for (spec.ingressClassName; securityContext.seccompProfile or appArmorProfile) and remove the annotation, once the controller reads the field.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    if (resource.podTemplate) for (const finding of podAnnotationFindings(resource, resource.podTemplate, settings.kubernetesVersion)) report(finding);
    const annotations = resource.get(["metadata", "annotations"]);
    if (annotations === null || typeof annotations !== "object" || Array.isArray(annotations)) return;
    for (const d of DEPRECATED_ANNOTATIONS) {
      if (d.kind !== resource.kind || compareVersions(settings.kubernetesVersion, d.since) < 0) continue;
      const value: unknown = (annotations as Record<string, unknown>)[d.key];
      if (!Object.hasOwn(annotations, d.key) || typeof value !== "string" || d.annotationOnly.includes(value)) continue;
      // With the field written too, the API server accepts it without a warning (equal values, 1.27 on) or refuses it (invalid-combination).
      if (resource.get(d.field) != null) continue;
      report({
        path: ["metadata", "annotations", d.key],
        message: `the ${d.key} annotation ("${value}") is deprecated: Kubernetes ${d.since} replaced it with ${d.field.join(".")}`,
        hint: d.hint(value),
      });
    }
  },
});
