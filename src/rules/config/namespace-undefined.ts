import { closestWithin } from "../../did-you-mean.js";
import { isClusterScopedCustomResource } from "../../models/crd.js";
import { CLUSTER_SCOPED_KINDS } from "../../models/k8s.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { namespacesCreatedByControllers } from "../../models/created-namespaces.js";
import { renameReference } from "../fixes.js";
import { defineRule } from "../types.js";
import { reportsAbsent } from "./references.js";

/**
 * Namespaces every cluster has: the immortal ones of the NamespaceLifecycle admission plugin
 * (k8s.io/apiserver pkg/admission/plugin/namespace/lifecycle/admission.go, Register:
 * default, kube-system, kube-public) and kube-node-lease, which the API server creates for node heartbeats.
 */
const SYSTEM_NAMESPACES = new Set(["default", "kube-system", "kube-public", "kube-node-lease"]);

/** What the input says about a namespace it does not define: the Namespace of a near name, if any. */
type Verdict = { near?: Resource };

/** namespace -> verdict, once per namespace of the run. */
const VERDICTS = memoKey<Map<string, Verdict | undefined>>("namespaces the input does not define");

/** What a next version appends to a name: `v2`, `2`, `v1beta1`. */
const VERSION_SUFFIX = /^v?\d+([a-z]+\d+)?$/;

/**
 * Whether two names are related rather than a typo of each other: the same but for their numbers
 * (shard1, shard2), or for one short part of one length between separators (team-a and team-b,
 * app-v1 and app-v2), as environments, tenants and versions are named side by side; or one is
 * the other with whole parts added before or after it (health and health-api, openshift-operators
 * and openshift-operators-redhat, system and kubeflow-system), a namespace of its own; or one is
 * the other with a version appended (checkout and checkoutv2, payments and payments2); or codes
 * of up to three characters one character apart (an exercise's h92 and another's d92).
 */
function seriesSiblings(a: string, b: string): boolean {
  if (a.replace(/\d+/g, "0") === b.replace(/\d+/g, "0")) return true;
  // Codes of up to three characters one character apart (h92 and d92, k1 and k2): a third of the name is no slip of the finger.
  if (a.length === b.length && a.length <= 3 && [...a].filter((ch, i) => ch !== b[i]).length === 1) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (longer.startsWith(shorter) && VERSION_SUFFIX.test(longer.slice(shorter.length))) return true;
  const pa = a.split(/[-._]/);
  const pb = b.split(/[-._]/);
  const [short, long] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  const joined = short.join("\u0000");
  if (short.length < long.length && (long.slice(0, short.length).join("\u0000") === joined || long.slice(long.length - short.length).join("\u0000") === joined)) return true;
  if (pa.length !== pb.length) return false;
  const differing = pa.flatMap((part, i) => (part === pb[i] ? [] : [i]));
  return differing.length === 1 && pa[differing[0]].length <= 2 && pa[differing[0]].length === pb[differing[0]].length;
}

/** undefined when the input defines the namespace (or every cluster has it); else the Namespace of a near name, if any. */
function verdictFor(index: ResourceIndex, namespace: string): Verdict | undefined {
  const known = index.memo.get(VERDICTS, () => new Map());
  if (known.has(namespace)) return known.get(namespace);
  let verdict: Verdict | undefined;
  if (!SYSTEM_NAMESPACES.has(namespace) && !index.find("Namespace", "", namespace) && !namespacesCreatedByControllers(index).has(namespace)) {
    const defined = index.ofKind("Namespace", "");
    const nearName = closestWithin(namespace, defined.map((n) => n.name).filter((name) => !seriesSiblings(namespace, name)));
    verdict = { near: nearName === undefined ? undefined : defined.find((n) => n.name === nearName) };
  }
  known.set(namespace, verdict);
  return verdict;
}

export const rule = defineRule({
  id: "namespace-undefined",
  category: "config",
  severity: "warning",
  crossResource: true,
  reportsAbsentObjects: true,
  hasSuggestions: true,
  summary: "An object's metadata.namespace names a Namespace that the manifests, which define Namespaces, do not define.",
  explanation: `The API server refuses to create an object in a namespace that does not exist (the
NamespaceLifecycle admission plugin: \`namespaces "x" not found\`), so \`kubectl apply -f\` of the
manifests fails for every object of a misspelled namespace while the rest of the application
is created beside it. When the input defines Namespaces and an object's metadata.namespace is
none of them but is spelled like one (\`spring-petclinic\` for the Namespace \`spring-pet-clinic\`),
that is reported with the name meant, whatever the references policy: a namespace spelled
like one of the input's is a typo far more often than one made by other tooling. Names of one
series (\`team-a\` and \`team-b\`, \`app-v1\` and \`app-v2\`, \`shard1\` and \`shard2\`, \`checkout\` and
\`checkoutv2\`, codes of up to three characters one apart such as \`h92\` and \`d92\`), and a name that
is another with whole parts added (\`health\` and \`health-api\`, \`system\` and \`kubeflow-system\`),
are not spelled like each other in that sense: they are namespaces the cluster may have. Any other
namespace the input does not define is reported only under \`references: complete\` (the
default with \`--context\`), as the cluster may well have it. Nothing is reported when the input
defines no Namespace, nor for default, kube-system, kube-public and kube-node-lease, which every
cluster has, nor for a namespace a GitOps controller of the input creates: an Argo CD
Application's (or ApplicationSet template's) destination namespace with the \`CreateNamespace=true\`
sync option, a Flux HelmRelease's target namespace with \`install.createNamespace: true\`.`,
  fix: "Fix metadata.namespace to the Namespace meant, or add the Namespace to the manifests.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    const written = resource.metadata.namespace;
    if (typeof written !== "string" || written === "" || CLUSTER_SCOPED_KINDS.has(resource.kind) || resource.kind === "Namespace") return;
    if (index.ofKind("Namespace", "").length === 0 || isClusterScopedCustomResource(resource, index)) return;
    const verdict = verdictFor(index, written);
    if (!verdict) return;
    const { near } = verdict;
    // A namespace near none of the input's may be made by other tooling: reported only when the input is the whole cluster.
    if (!near && !reportsAbsent(ctx, "Namespace", "", () => false)) return;
    const path = ["metadata", "namespace"];
    // A kustomization's namespace replaces the one the file writes: that is the value to fix.
    const setBy = resource.kustomizeNamespaceSource(path);
    const field = setBy ? `${setBy.entry} in ${setBy.kustomization}` : "metadata.namespace";
    report({
      path,
      message: `Namespace "${written}" is not defined in the manifests${near ? `, which define Namespace "${near.name}"` : ""}: the API server refuses objects of a namespace that does not exist`,
      hint: near ? `set ${field} to "${near.name}" if that is the one meant, or add Namespace "${written}"` : `add Namespace "${written}" to the manifests or fix ${field}`,
      ...(near ? { related: { resource: near, path: ["metadata", "name"], message: "similar name" }, suggestions: [renameReference(path, near.name)] } : {}),
    });
  },
});
