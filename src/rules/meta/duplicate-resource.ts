import { isDeepStrictEqual } from "node:util";
import { isApiDefinition, isBuiltinApiVersion } from "../../models/api-groups.js";
import { crdOf, isClusterScopedCustomResource, resourceSchema } from "../../models/crd.js";
import type { Resource } from "../../models/resource.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "duplicate-resource",
  category: "meta",
  severity: "warning",
  crossResource: true,
  summary: "Two manifests define the same object: group, kind, namespace and name.",
  explanation: `The API server identifies an object by its API group, kind, namespace and name (not the
version: networking.istio.io/v1 and v1beta1 Gateways of one name are one object, while Istio's
Gateway and Gateway API's Gateway are two). When two manifests of one set share them,
\`kubectl apply\` writes both to the same object and the last one wins: whichever file happens
to be applied later silently replaces the other's spec. An object a kustomization emits is
identified by the name its namePrefix and nameSuffix give it. Usually one of them was copied and
not renamed, or the same object is defined in two overlays. A repository that holds several
desired states side by side (overlays per environment, one folder per example) is linted with
\`--per-directory\`: each directory with a kustomization (with what it includes), else each
sample folder (the first folder below the shared root that holds manifests itself; its
subfolders are samples too when they define an object again), is then an input of its own, and
so is each file of a folder where two files define one object (single-file samples side by
side, or alternative installs that a kustomization leaves out).

A copy in a folder named for a release (\`install/v0.6.0\`, \`deploy/1.4.0\`) is that release's
snapshot, applied instead of the others and of the sources it was cut from: it is compared only
with the objects of the same release folder. A CustomResourceDefinition (or admission policy) of the
\`--context\` files gives the input its schema: the input's own copy updates it, no duplicate.

A warning, not an error: the API server accepts both writes (\`kubectl create\` refuses the
second, \`kubectl apply\` does not), and what is lost is one manifest's intent. A copy with the
same content loses nothing and is info: so is a build's output rendered beside its sources
(kubebuilder's dist/install.yaml), compared with the names and namespace the build gives the
sources. (kustomize refuses two resources of one identity in one
build: \`kustomize build\` reports that itself.)`,
  fix: "Rename one of the two, put them in different namespaces, or delete the copy.",
  preventsStatus: [],
  check({ resource, index, settings, report }) {
    if (!resource.name || resource.name.endsWith("*")) return;
    const found = sameIdentity(resource, index);
    if (!found) return;
    const { first, name } = found;
    // A custom resource of unknown scope that names no namespace may be cluster-scoped: "default" is only a guess there. A bundled schema's kind has a known scope.
    const unknownScope = !resource.namespaceCertain && !isBuiltinApiVersion(resource.apiVersion) && !crdOf(resource, index) && !resourceSchema(resource, index);
    // A custom resource its CRD makes cluster-scoped is in no namespace, whatever the default.
    const where = resource.namespace && !unknownScope && !isClusterScopedCustomResource(resource, index) ? ` in namespace "${resource.namespace}"` : "";
    const variants = settings.perDirectory
      ? "if they are alternative variants of one application, keep each in a file or folder of its own: with --per-directory each directory with a kustomization (with the files it names), each sample folder, and each file of a folder where two files define one object, is its own input"
      : "if they are alternative variants of one application (overlays, examples), lint with --per-directory so that each directory with a kustomization, each sample folder, and each file of a folder where two files define one object, is its own input";
    // A build's rendered output beside its sources writes the names the build gives: the same content.
    const affixes = [...nameAffixes(resource), ...nameAffixes(first)];
    // What a JSON patch of every build writes unseen (argo-cd's HA build adds an init container at index 0) is compared in neither.
    const unknown = [...resource.unknownPatchedFields(), ...first.unknownPatchedFields()];
    const copy = sameContent(withoutFields(withoutIdentity(resource.raw), unknown), withoutFields(withoutIdentity(first.raw), unknown), affixes);
    // Files alike that a kustomization's labels or patches make differ (a base's commonLabels, an overlay's patch): say where the difference comes from.
    const labelled = !copy && sameContent(resource.writtenValue([]), first.writtenValue([]));
    // Patched by a strategic-merge or a JSON patch (which names no source entry): not by labels.
    const patched = labelled && (resource.patchedInSomeBuild || first.patchedInSomeBuild);
    const named = name === resource.name ? `"${name}"` : `"${name}" (as a kustomization's namePrefix or nameSuffix names it)`;
    report({
      path: ["metadata", "name"],
      message: copy
        ? `${resource.kind} ${named} is defined again${where} with the same content`
        : patched
          ? `${resource.kind} ${named} is already defined${where}, written alike but patched differently by a kustomization: the one applied last replaces the other`
          : labelled
            ? `${resource.kind} ${named} is already defined${where}, written alike but given other labels by a kustomization: the one applied last replaces the other`
          : `${resource.kind} ${named} is already defined${where}, with other content: the one applied last replaces the other`,
      hint: copy ? `remove the copy; ${variants}` : `rename one of the two or remove the copy; ${variants}`,
      related: { resource: first, path: ["metadata", "name"], message: "first definition" },
      ...(copy ? { severity: "info" as const } : {}),
    });
  },
});

/**
 * The first object applied with the same identity as `resource`, when that is another one, and
 * the name they share. An object is applied under the names its kustomize builds give it
 * (Resource.builtNames) and under its written name unless every build renames it: a Service
 * `web` of a kustomization with `namePrefix: staging-` is `staging-web`, and another `web` is
 * no copy of it. A copy in another release's folder (install/v0.5.0 beside install/v0.6.0 and
 * config/) is that release, not a second definition.
 */
function sameIdentity(resource: Resource, index: ResourceIndex): { first: Resource; name: string } | undefined {
  const names = resource.keepsName ? [resource.name, ...resource.builtNames] : resource.builtNames;
  for (const name of names) {
    const written = index.findAll(resource.groupKind, resource.namespace, name).filter((r) => r.keepsName);
    const built = index.findAllBuilt(resource.groupKind, resource.namespace, name);
    // In the index's order (a context's objects before the linted ones: the copy being linted is the one reported).
    const applied = !built.length ? written : !written.length ? built : [...written, ...built].sort((a, b) => index.all.indexOf(a) - index.all.indexOf(b));
    // A definition the context holds (`--context crds/`) gives the input its schema: the input's own copy updates it, and is what is applied.
    const same = applied.filter((r) => r === resource || (!inOtherRelease(r.file, resource.file) && !(r.fromContext && isApiDefinition(r.group, r.kind))));
    if (same.length >= 2 && same[0] !== resource) return { first: same[0], name };
  }
  return undefined;
}

/** A folder named for a release: a version of two or more numbers, with an optional "v" and suffix (`v0.6.0`, `1.4`, `v1.2.0-rc0`). */
const RELEASE_FOLDER = /^v?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.-]+)?$/;

/** The folder of a release that holds a file: its path up to the first folder named for a release (`install/v0.6.0`); undefined outside one. */
function releaseOf(file: string): string | undefined {
  const parts = file.split("/");
  const at = parts.findIndex((part, i) => i < parts.length - 1 && RELEASE_FOLDER.test(part));
  return at === -1 ? undefined : parts.slice(0, at + 1).join("/");
}

/**
 * Whether two files belong to different releases: one lies in a folder named for a release and the
 * other not in that same folder (install/v0.5.0 against install/v0.6.0, or against the sources a
 * release was cut from, config/ or a chart's files/).
 */
function inOtherRelease(a: string, b: string): boolean {
  const ra = releaseOf(a);
  const rb = releaseOf(b);
  return (ra !== undefined || rb !== undefined) && ra !== rb;
}

/**
 * Both objects as written are the same: applying either gives the same object. Map keys may come
 * in any order (an object's fields have none); list items must be in the same order. A key
 * without a value (a chart's `annotations:` with nothing under it) is no key: the API server
 * decodes null as absent, and kustomize's output leaves it out (argo-cd's rendered HA installs
 * beside the redis-ha chart they were built from).
 */
function sameContent(a: unknown, b: unknown, affixes: ReadonlyArray<readonly [string, string]> = []): boolean {
  if (typeof a === "string" && typeof b === "string") return a === b || affixes.some(([p, s]) => b === p + a + s || a === p + b + s);
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameContent(x, b[i], affixes));
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return isDeepStrictEqual(a, b);
  const ma = a as Record<string, unknown>;
  const mb = b as Record<string, unknown>;
  const ka = Object.keys(ma).filter((k) => ma[k] !== null);
  return ka.length === Object.keys(mb).filter((k) => mb[k] !== null).length && ka.every((k) => Object.hasOwn(mb, k) && mb[k] !== null && sameContent(ma[k], mb[k], affixes));
}

/**
 * An object without its metadata.name and metadata.namespace: the identity both copies share
 * (sameIdentity), which a build writes into its rendered output (the prefixed name, the namespace
 * its transformer sets) and holds apart for the sources (Resource.builtNames, Resource.namespace).
 * Empty labels and annotations go too: ObjectMeta's maps are omitempty, so the API server stores
 * none, and kustomize's output leaves an empty annotations map out (kyaml ClearEmptyAnnotations;
 * a chart's `annotations: {}` beside the install rendered from it).
 */
function withoutIdentity(raw: Record<string, unknown>): Record<string, unknown> {
  const metadata = raw.metadata;
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) return raw;
  const rest = { ...(metadata as Record<string, unknown>) };
  delete rest.name;
  delete rest.namespace;
  for (const key of ["labels", "annotations"]) if (isEmptyMap(rest[key])) delete rest[key];
  return { ...raw, metadata: rest };
}

function isEmptyMap(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** An object without the fields at `paths` (each copied on the way, the object itself untouched). */
function withoutFields(raw: Record<string, unknown>, paths: readonly Path[]): Record<string, unknown> {
  let out: Record<string, unknown> = raw;
  for (const path of paths) out = without(out, path) as Record<string, unknown>;
  return out;
}

function without(node: unknown, path: Path): unknown {
  if (!path.length || typeof node !== "object" || node === null) return node;
  const [head, ...tail] = path;
  if (Array.isArray(node)) {
    if (typeof head !== "number" || head >= node.length) return node;
    const copy = [...node];
    copy[head] = tail.length ? without(node[head], tail) : null;
    return copy;
  }
  const map = node as Record<string, unknown>;
  if (!Object.hasOwn(map, String(head))) return node;
  const copy = { ...map };
  if (tail.length) copy[String(head)] = without(map[String(head)], tail);
  else delete copy[String(head)];
  return copy;
}

/**
 * The name prefixes and suffixes kustomize builds give an object (namePrefix, nameSuffix), read
 * from its built names: the output of such a build, rendered to a file (kubebuilder's
 * dist/install.yaml is `kustomize build config/default`), writes them into every name and the
 * references to the build's objects, which the name-reference fix renames too.
 */
function nameAffixes(r: Resource): Array<readonly [string, string]> {
  return r.builtNames.flatMap((built) => {
    const at = built.indexOf(r.name);
    return at < 0 ? [] : [[built.slice(0, at), built.slice(at + r.name.length)] as const];
  });
}
