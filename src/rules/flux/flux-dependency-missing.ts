import type { Path } from "../../types.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";

/** The API group of each kind whose spec.dependsOn names objects of its own kind (kustomize-controller api/v1, helm-controller api/v2). */
const GROUP_OF: Readonly<Record<string, string>> = {
  Kustomization: "kustomize.toolkit.fluxcd.io",
  HelmRelease: "helm.toolkit.fluxcd.io",
};

interface Dependency {
  name: string;
  namespace: string;
  path: Path;
}

/** spec.dependsOn: entries with a name, in the referrer's namespace unless they name one. */
function dependencies(resource: { namespace: string; get(path: Path): unknown }): Dependency[] {
  const list = resource.get(["spec", "dependsOn"]);
  if (!Array.isArray(list)) return [];
  const out: Dependency[] = [];
  list.forEach((entry: unknown, i) => {
    if (typeof entry !== "object" || entry === null) return;
    const { name, namespace } = entry as { name?: unknown; namespace?: unknown };
    if (typeof name !== "string" || !name) return;
    out.push({ name, namespace: typeof namespace === "string" && namespace ? namespace : resource.namespace, path: ["spec", "dependsOn", i, "name"] });
  });
  return out;
}

export const rule = defineRule({
  id: "flux-dependency-missing",
  category: "flux",
  severity: "error",
  crossResource: true,
  appliesTo: ["Kustomization", "HelmRelease"],
  reportsAbsentObjects: true,
  summary: "A Flux Kustomization or HelmRelease depends on one (spec.dependsOn) that the manifests do not define.",
  explanation: `spec.dependsOn of a Flux Kustomization lists Kustomizations, and of a HelmRelease lists
HelmReleases, that must be Ready before it is reconciled, each in the referrer's namespace unless
the entry names another (kustomize-controller api/v1, helm-controller api/v2). When one does not
exist, Flux waits for it forever ("dependency ... not found"): the object never becomes Ready and
nothing it deploys is applied. Reported when the input defines objects of that kind in that
namespace, under \`references: partial\` (a dependency applied from another repository is not
guessed at), with a near name suggested.`,
  fix: "Fix the name (and namespace) of the dependency, or add the Kustomization or HelmRelease it names.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    const group = GROUP_OF[resource.kind];
    if (!group || resource.group !== group) return;
    const type = `${resource.kind}.${group}`;
    for (const dep of dependencies(resource)) {
      if (index.find(type, dep.namespace, dep.name, resource)) continue;
      if (!reportsAbsent(ctx, type, dep.namespace)) continue;
      const elsewhere = inOtherNamespace(ctx, { type, kind: resource.kind, namespace: dep.namespace, name: dep.name });
      if (elsewhere) {
        report({ path: dep.path, message: `${resource.kind} "${dep.name}" is not defined in namespace "${dep.namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
        continue;
      }
      const similar = similarlyNamed(index, type, dep.namespace, dep.name);
      report({
        path: dep.path,
        message: `${resource.kind} "${dep.name}" is not defined in namespace "${dep.namespace}", so this ${resource.kind} waits for it forever`,
        hint: similar ? `rename the dependency to "${similar.name}" if that is the one meant` : `add the ${resource.kind} or fix the name`,
        ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
      });
    }
  },
});
