import { compareVersions } from "../schema/api-changes.js";
import { defineRule } from "../types.js";
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

export const rule = defineRule({
  id: "deprecated-annotation",
  category: "hygiene",
  severity: "warning",
  appliesTo: [...new Set(DEPRECATED_ANNOTATIONS.map((d) => d.kind))],
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
annotation. Source: ${DEPRECATED_ANNOTATIONS.map((d) => d.upstream).join("; ")}.`,
  fix: "Set spec.ingressClassName to the name of the IngressClass the annotation stood for and remove the annotation, once the controller reads the field.",
  preventsStatus: [],
  check({ resource, settings, report }) {
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
