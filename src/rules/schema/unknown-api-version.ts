import { groupOf, isBuiltinApiVersion } from "../../models/api-groups.js";
import { allKinds, apiVersions, lookupKind, servedGroups, versionsOfKind } from "../../models/catalogue/index.js";
import { defineRule } from "../types.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import type { Finding } from "../types.js";
import { API_CHANGES, compareVersions, findApiChange } from "./api-changes.js";
import { CATALOGUE_KUBERNETES_VERSION } from "../../models/kubernetes-version.js";
import { inRange, servedByAnyRelease, servedRange, versionsServedAt } from "../../models/catalogue/history.js";
import { disabledByDefault } from "../../models/catalogue/enabled-by-default.js";
import { crdOf, versionOf } from "../../models/crd.js";
import { closestWithin } from "../../did-you-mean.js";

/**
 * Kinds of built-in groups that are the bodies of subresource requests, not resources (group/kind
 * -> the subresource and how it is called): scripts and tests keep them as files to POST
 * (k8s.io/api policy/v1 Eviction, autoscaling/v1 Scale, authentication/v1 TokenRequest).
 */
const SUBRESOURCE_BODIES: ReadonlyMap<string, { subresource: string; how: string }> = new Map([
  ["policy/Eviction", { subresource: "pods/eviction", how: "kubectl drain, or a POST to /api/v1/namespaces/<namespace>/pods/<name>/eviction" }],
  ["autoscaling/Scale", { subresource: "<resource>/scale", how: "kubectl scale, or the scale subresource of the workload" }],
  ["authentication.k8s.io/TokenRequest", { subresource: "serviceaccounts/token", how: "kubectl create token, or a POST to the ServiceAccount's token subresource" }],
]);

/**
 * The apiVersion/kind to suggest for an unknown pair, or why none fits. An apiVersion that no
 * release serves is what is wrong whatever the kind: the API server finds no kind under it
 * (kubectl: no matches for kind "K" in version "V").
 */
function suggestion(apiVersion: string, kind: string, target: string): { message: string; hint?: string; target: "apiVersion" | "kind" } {
  const versions = versionsOfKind(kind);
  const unserved = !servedByAnyRelease(apiVersion) && !apiVersions().includes(apiVersion);
  if (versions.length) {
    const group = groupOf(apiVersion);
    const sameGroup = versions.filter((v) => groupOf(v.apiVersion) === group);
    const best = sameGroup[0] ?? closestVersion(apiVersion, versions.map((v) => v.apiVersion)) ?? versions[0];
    const pick = typeof best === "string" ? best : best.apiVersion;
    return {
      target: "apiVersion",
      message: unserved ? notServed(apiVersion) : `apiVersion ${JSON.stringify(apiVersion)} does not serve kind ${JSON.stringify(kind)}`,
      hint: `set apiVersion to ${JSON.stringify(pick)}`,
    };
  }
  if (unserved) {
    return { target: "apiVersion", message: notServed(apiVersion), hint: `set apiVersion to the group/version that serves kind ${JSON.stringify(kind)} (kubectl api-resources lists them)` };
  }
  const body = SUBRESOURCE_BODIES.get(`${groupOf(apiVersion)}/${kind}`);
  if (body) {
    return {
      target: "kind",
      message: `kind ${JSON.stringify(kind)} of ${JSON.stringify(apiVersion)} is the body of a request to the ${body.subresource} subresource, not an object the API server stores: kubectl apply cannot create it`,
      hint: `remove it from the manifests, and send it to the subresource instead (${body.how})`,
    };
  }
  // A kind removed with no successor (PodSecurityPolicy under policy/v1, which never served it): say where it went.
  const gone = API_CHANGES.filter((c) => c.kinds.includes(kind) && !c.replacement).sort((a, b) => compareVersions(b.removedIn, a.removedIn))[0];
  if (gone) {
    const removed = compareVersions(target, gone.removedIn) >= 0;
    return {
      target: removed ? "kind" : "apiVersion",
      message: `kind ${JSON.stringify(kind)} is not served by ${JSON.stringify(apiVersion)}: ${removed ? `${kind} was removed in Kubernetes ${gone.removedIn} (last served as ${gone.apiVersion})` : `${target} serves it as ${gone.apiVersion}, until Kubernetes ${gone.removedIn}`}`,
      hint: removed ? gone.note : `set apiVersion to ${JSON.stringify(gone.apiVersion)}`,
    };
  }
  const group = groupOf(apiVersion);
  const openshift = group === "" ? OPENSHIFT_LEGACY_KINDS.get(kind) : undefined;
  if (openshift) {
    return {
      target: "apiVersion",
      message: `kind ${JSON.stringify(kind)} is not a built-in kind of ${JSON.stringify(apiVersion)}: it is OpenShift's, served by ${JSON.stringify(openshift)} (OpenShift 3 also took it as "v1")`,
      hint: `set apiVersion to ${JSON.stringify(openshift)}`,
    };
  }
  // A kind the written group serves first; another group's only with its apiVersion, so that the fix is one step.
  const inGroup = closestWithin(kind, allKinds().filter((k) => versionsOfKind(k).some((v) => groupOf(v.apiVersion) === group)));
  const near = inGroup ?? closestWithin(kind, allKinds());
  const elsewhere = inGroup === undefined && near !== undefined ? versionsOfKind(near)[0]?.apiVersion : undefined;
  return {
    target: "kind",
    message: `kind ${JSON.stringify(kind)} is not a built-in kind of ${JSON.stringify(apiVersion)}`,
    hint: near ? `set kind to ${JSON.stringify(near)}${elsewhere ? ` and apiVersion to ${JSON.stringify(elsewhere)}` : ""}` : undefined,
  };
}

/**
 * OpenShift's own kinds, which OpenShift 3 served under the legacy `v1` (its /oapi endpoint) and
 * OpenShift 4 serves only in their groups (openshift/api: route/v1, apps/v1, build/v1, image/v1,
 * template/v1, project/v1): a manifest written for OpenShift 3 names them with `apiVersion: v1`.
 */
const OPENSHIFT_LEGACY_KINDS: ReadonlyMap<string, string> = new Map([
  ["Route", "route.openshift.io/v1"],
  ["DeploymentConfig", "apps.openshift.io/v1"],
  ["BuildConfig", "build.openshift.io/v1"],
  ["Build", "build.openshift.io/v1"],
  ["ImageStream", "image.openshift.io/v1"],
  ["ImageStreamTag", "image.openshift.io/v1"],
  ["Template", "template.openshift.io/v1"],
  ["Project", "project.openshift.io/v1"],
]);

/** Why no release serves an apiVersion: the versions its group serves, or that there is no such group. */
function notServed(apiVersion: string): string {
  const group = groupOf(apiVersion);
  const served = apiVersions().filter((v) => groupOf(v) === group).map(versionOf);
  const quoted = served.map((v) => JSON.stringify(v)).join(", ");
  const why = !apiVersion.includes("/")
    ? `without "/" it names a version of the core group, which serves only ${quoted}`
    : served.length
      ? `group ${JSON.stringify(group)} serves ${quoted}`
      : `the API server has no group ${JSON.stringify(group)}`;
  return `apiVersion ${JSON.stringify(apiVersion)} is not served by the API server: ${why}`;
}

/** A custom resource whose CRD is in the input but does not serve its version. */
function unservedVersion(resource: Resource, index: ResourceIndex): Finding | undefined {
  const definition = crdOf(resource, index);
  if (!definition) return undefined;
  const version = versionOf(resource.apiVersion);
  const declared = definition.versions.find((v) => v.name === version);
  if (declared?.served) return undefined;
  const served = definition.versions.filter((v) => v.served).map((v) => v.name);
  const crd = JSON.stringify(definition.crd.name);
  const message = served.length
    ? `apiVersion ${JSON.stringify(resource.apiVersion)} is not served by CustomResourceDefinition ${crd}: served versions are ${served.map((v) => JSON.stringify(v)).join(", ")}`
    : `apiVersion ${JSON.stringify(resource.apiVersion)} is not served: CustomResourceDefinition ${crd} serves no version`;
  const pick = closestWithin(version, served) ?? served[0];
  const hint = declared
    ? `set served: true on version ${JSON.stringify(version)} of the CustomResourceDefinition${pick ? `, or set apiVersion to ${JSON.stringify(`${definition.group}/${pick}`)}` : ""}`
    : pick
      ? `set apiVersion to ${JSON.stringify(`${definition.group}/${pick}`)}`
      : "set served: true on a version of the CustomResourceDefinition";
  return {
    path: ["apiVersion"],
    message,
    hint,
    related: { resource: definition.crd, path: declared ? [...declared.path, "served"] : ["spec", "versions"], message: "the CustomResourceDefinition" },
  };
}

/**
 * A built-in kind that some release serves under this apiVersion, judged at the target release:
 * a finding when the target does not serve it yet (or no longer, and no removal rule says so),
 * null when the target serves it, undefined when no release does (a typo: judged as before).
 * The history is read only when the target is not the newest release or the newest does not
 * serve the pair.
 */
function notServedAtTarget(apiVersion: string, kind: string, target: string): Finding | null | undefined {
  const inNewest = lookupKind(apiVersion, kind) !== undefined;
  if (inNewest && target === CATALOGUE_KUBERNETES_VERSION) return null;
  const range = servedRange(apiVersion, kind, inNewest);
  if (!range) return undefined;
  if (inRange(range, target)) return null;
  const hint = servedHint(apiVersion, kind, target);
  if (compareVersions(target, range.first) < 0) {
    return {
      path: ["apiVersion"],
      message: `apiVersion ${JSON.stringify(apiVersion)} of ${kind} is served from ${range.first}; the target is ${target}`,
      hint: `${hint ? `${hint}, or ` : ""}target Kubernetes ${range.first} or later`,
    };
  }
  // Removals the deprecation guide lists are removed-api-version's.
  if (findApiChange(apiVersion, kind)) return null;
  return {
    path: ["apiVersion"],
    message: `apiVersion ${JSON.stringify(apiVersion)} of ${kind} was served from ${range.first} to ${range.last}; the target is ${target}`,
    hint: hint ?? "remove it",
  };
}

/**
 * "set apiVersion to ..." naming the version of the kind the target serves, closest first; one
 * the target serves only with --runtime-config only when no other is served, with the flag.
 */
function servedHint(apiVersion: string, kind: string, target: string): string | undefined {
  const all = versionsServedAt(kind, target);
  const onByDefault = all.filter((v) => !disabledByDefault(v, kind, target));
  const pick = closestServed(apiVersion, onByDefault);
  if (pick) return `set apiVersion to ${JSON.stringify(pick)} (served at ${target})`;
  const off = closestServed(apiVersion, all);
  return off ? `set apiVersion to ${JSON.stringify(off)} and enable it on kube-apiserver with --runtime-config=${off}=true (${target} serves no version of ${kind} by default)` : undefined;
}

/** The same version's betas first (autoscaling/v2 -> v2beta2), then GA before beta before alpha, the latest first. */
function closestServed(apiVersion: string, served: readonly string[]): string | undefined {
  const group = groupOf(apiVersion);
  const sameGroup = served.filter((v) => groupOf(v) === group);
  const rank = (v: string) => (/alpha\d*$/.test(v) ? 2 : /beta\d*$/.test(v) ? 1 : 0);
  const order = (a: string, b: string) => rank(a) - rank(b) || (a < b ? 1 : a > b ? -1 : 0);
  const prefixed = sameGroup.filter((v) => v.startsWith(apiVersion)).sort(order);
  return prefixed[0] ?? sameGroup.sort(order)[0] ?? served[0];
}

function closestVersion(apiVersion: string, candidates: string[]): string | undefined {
  return closestWithin(apiVersion, candidates);
}

export const rule = defineRule({
  id: "unknown-api-version",
  category: "schema",
  severity: "error",
  summary: "An apiVersion or kind that is not served: a built-in group's (e.g. apiVersion: vl), or a version the input's CRD does not serve.",
  explanation: `The API server routes an object by its apiVersion and kind. A version that the group
does not serve (\`vl\` for \`v1\`, \`apps/v1beta3\`), a kind in the wrong group (a Deployment in
\`v1\`) or a misspelled kind make \`kubectl apply\` fail with "no matches for kind ... in version
...", and nothing is created. Kinds of unknown API groups are custom resources: they are
checked only when their CustomResourceDefinition is part of the input: a version that it does
not declare, or declares with \`served: false\`, fails the same way.`,
  fix: "Use the apiVersion the hint names (see `kubectl api-resources` for what a cluster serves).",
  preventsStatus: [],
  // A custom resource is judged against the CRDs of the input.
  crossResource: true,
  check({ resource, index, settings, report }) {
    const { apiVersion, kind } = resource;
    if (!apiVersion || !kind) return;
    if (isBuiltinApiVersion(apiVersion)) {
      const unserved = notServedAtTarget(apiVersion, kind, settings.kubernetesVersion);
      if (unserved !== undefined) {
        if (unserved) report(unserved);
        return;
      }
    }
    if (findApiChange(apiVersion, kind)) return;
    const group = groupOf(apiVersion);
    if (!isBuiltinApiVersion(apiVersion)) {
      const unserved = unservedVersion(resource, index);
      if (unserved) return report(unserved);
      // A group without a dot is never a CRD's: "app/v1" with a built-in kind is a typo.
      if (group.includes(".") || !versionsOfKind(kind).length) return;
    } else if (!servedGroups().has(group)) {
      // Groups of removed APIs (extensions) are built in but serve nothing any more.
      if (!versionsOfKind(kind).length) return;
    }
    if (lookupKind(apiVersion, kind)) return;
    const s = suggestion(apiVersion, kind, settings.kubernetesVersion);
    report({ path: [s.target], message: s.message, ...(s.hint ? { hint: s.hint } : {}) });
  },
});
