import type { ResourceIndex } from "../../models/resource-index.js";
import type { Path } from "../../types.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";

const SOURCE_GROUP = "source.toolkit.fluxcd.io";
const KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";
const HELM_GROUP = "helm.toolkit.fluxcd.io";

/** The kinds each reference may name (kustomize-controller api/v1 KustomizationSpec.SourceRef, helm-controller api/v2 HelmChartTemplateSpec.SourceRef and HelmReleaseSpec.ChartRef). */
const SOURCE_KINDS: Readonly<Record<string, readonly string[]>> = {
  kustomization: ["GitRepository", "OCIRepository", "Bucket", "ExternalArtifact"],
  chart: ["HelmRepository", "GitRepository", "Bucket"],
  chartRef: ["OCIRepository", "HelmChart"],
};

interface SourceRef {
  kind: string;
  name: string;
  namespace: string;
  /** The field that names it, for the finding's position. */
  path: Path;
  /** The kinds the reference may name: where a source of that name under another kind is looked for. */
  kinds: readonly string[];
}

/** spec.sourceRef of a Kustomization; spec.chart.spec.sourceRef and spec.chartRef of a HelmRelease. The namespace defaults to the referrer's. */
function sourceRefs(resource: { group: string; kind: string; namespace: string; get(path: Path): unknown }): SourceRef[] {
  const at: Array<[Path, readonly string[]]> =
    resource.group === KUSTOMIZE_GROUP && resource.kind === "Kustomization"
      ? [[["spec", "sourceRef"], SOURCE_KINDS.kustomization]]
      : resource.group === HELM_GROUP && resource.kind === "HelmRelease"
        ? [
            [["spec", "chart", "spec", "sourceRef"], SOURCE_KINDS.chart],
            [["spec", "chartRef"], SOURCE_KINDS.chartRef],
          ]
        : [];
  const out: SourceRef[] = [];
  for (const [path, kinds] of at) {
    const ref = resource.get(path) as { kind?: unknown; name?: unknown; namespace?: unknown } | undefined;
    if (!ref || typeof ref.kind !== "string" || !kinds.includes(ref.kind) || typeof ref.name !== "string" || !ref.name) continue;
    const namespace = typeof ref.namespace === "string" && ref.namespace ? ref.namespace : resource.namespace;
    out.push({ kind: ref.kind, name: ref.name, namespace, path: [...path, "name"], kinds });
  }
  return out;
}

const typeOf = (kind: string) => `${kind}.${SOURCE_GROUP}`;

const ARTIFACT_GENERATOR = "ArtifactGenerator.source.extensions.fluxcd.io";

/**
 * Whether an ArtifactGenerator of the input makes the ExternalArtifact: source-watcher makes one
 * per entry of spec.artifacts, named by its `name`, in the generator's namespace
 * (fluxcd/source-watcher api/v1beta1 ArtifactGenerator).
 */
function generatedArtifact(index: ResourceIndex, namespace: string, name: string): boolean {
  return index.ofKind(ARTIFACT_GENERATOR, namespace).some((generator) => {
    const artifacts = generator.get(["spec", "artifacts"]);
    return Array.isArray(artifacts) && artifacts.some((a: { name?: unknown } | null) => a?.name === name);
  });
}

/**
 * The source that `flux bootstrap` writes and commits itself (gotk-sync.yaml: GitRepository, or
 * OCIRepository for an OCI bootstrap, "flux-system" in namespace flux-system): other
 * Kustomizations of a repository name it without defining it, so defining other sources there
 * does not make its absence a finding (only `references: complete` does).
 */
function bootstrapSource(ref: { kind: string; namespace: string; name: string }): boolean {
  return ref.namespace === "flux-system" && ref.name === "flux-system" && (ref.kind === "GitRepository" || ref.kind === "OCIRepository");
}

/** Whether the input defines sources of that type in the namespace. */
function managesSources(index: ResourceIndex, type: string, namespace: string): boolean {
  return index.ofKind(type, namespace).length > 0;
}

export const rule = defineRule({
  id: "flux-source-missing",
  category: "flux",
  severity: "error",
  crossResource: true,
  appliesTo: ["Kustomization", "HelmRelease"],
  reportsAbsentObjects: true,
  summary: "A Flux Kustomization or HelmRelease names a source (GitRepository, HelmRepository, OCIRepository...) that the manifests do not define.",
  explanation: `Flux reconciles a Kustomization from the artifact of the source named by spec.sourceRef (a
GitRepository, OCIRepository, Bucket or ExternalArtifact), and a HelmRelease from the chart of
spec.chart.spec.sourceRef (a HelmRepository, GitRepository or Bucket) or spec.chartRef (an
OCIRepository or HelmChart); the source lives in the referrer's namespace unless the reference
names another (kustomize-controller api/v1 and helm-controller api/v2); an ExternalArtifact is
also made by an ArtifactGenerator of its namespace that lists it in spec.artifacts. When no such source
exists, the object never becomes Ready (its source is not found) and nothing it deploys is
applied or upgraded. A source of that name under another kind (a HelmRepository named where the
charts come from a GitRepository) is reported whenever the input defines it; a missing source
otherwise when the input defines sources of that kind in the namespace, under
\`references: partial\`; the flux-system GitRepository (or OCIRepository) of namespace flux-system,
which \`flux bootstrap\` writes and commits in its own folder, is reported missing only under
\`references: complete\`.`,
  fix: "Point sourceRef at an existing source, with its kind and namespace, or add the source.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    for (const ref of sourceRefs(resource)) {
      const type = typeOf(ref.kind);
      if (index.find(type, ref.namespace, ref.name, resource)) continue;
      if (ref.kind === "ExternalArtifact" && generatedArtifact(index, ref.namespace, ref.name)) continue;
      // The same name under another kind the reference may name: the kind is what is wrong, whatever the references policy.
      const other = ref.kinds.filter((k) => k !== ref.kind).map((k) => index.find(typeOf(k), ref.namespace, ref.name, resource)).find((r) => r !== undefined);
      if (!other && !reportsAbsent(ctx, type, ref.namespace, (idx, t, ns) => managesSources(idx, t, ns) && !bootstrapSource(ref))) continue;
      const elsewhere = other ? undefined : inOtherNamespace(ctx, { type, kind: ref.kind, namespace: ref.namespace, name: ref.name });
      if (elsewhere) {
        report({ path: ref.path, message: `${ref.kind} "${ref.name}" is not defined in namespace "${ref.namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
        continue;
      }
      const similar = other ? undefined : similarlyNamed(index, type, ref.namespace, ref.name);
      report({
        path: ref.path,
        message: `${ref.kind} "${ref.name}" is not defined in namespace "${ref.namespace}"${other ? `; a ${other.kind} of that name is` : ""}`,
        hint: other ? `set kind: ${other.kind} on the reference` : similar ? `rename the reference to "${similar.name}" if that is the one meant` : ref.kind === "ExternalArtifact" ? "add an artifact of that name to an ArtifactGenerator of the namespace, or fix the name" : `add the ${ref.kind} or fix the name`,
        ...(other
          ? { related: { resource: other, path: ["metadata", "name"], message: `${other.kind} "${ref.name}"` } }
          : similar
            ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } }
            : {}),
      });
    }
  },
});
