import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { parseLabelSelector, type Selector } from "../../models/selector.js";
import { templateByRef } from "../argo-rollouts/rollouts.js";
import { defineRule } from "../types.js";

const SELECTED = memoKey<Set<Resource>>("workloads whose pods a NetworkPolicy selects");

const CILIUM_POLICY = "CiliumNetworkPolicy.cilium.io";
const CILIUM_CLUSTER_POLICY = "CiliumClusterwideNetworkPolicy.cilium.io";
/**
 * Policies of other CNI plugins whose selection is not read here (Calico's selector expressions,
 * Antrea's appliedTo, the AdminNetworkPolicy API): each counts as selecting every pod of its
 * namespace, or of the cluster when it is cluster-scoped, so the rule stays quiet where one exists.
 */
const NAMESPACE_POLICIES = ["NetworkPolicy.crd.projectcalico.org", "NetworkPolicy.projectcalico.org", "NetworkPolicy.crd.antrea.io"];
const CLUSTER_POLICIES = ["GlobalNetworkPolicy.crd.projectcalico.org", "GlobalNetworkPolicy.projectcalico.org", "ClusterNetworkPolicy.crd.antrea.io", "AdminNetworkPolicy.policy.networking.k8s.io", "BaselineAdminNetworkPolicy.policy.networking.k8s.io"];

/**
 * A Cilium endpointSelector as a label selector of pods: Cilium prefixes a key with its source
 * (`k8s:app`, `any:app`), and keys of its own (`io.kubernetes.pod.namespace`, `io.cilium.*`)
 * select by namespace or identity, not by a pod label; those requirements are left out, which
 * can only select more pods.
 */
function ciliumPodSelector(endpointSelector: unknown): Selector {
  const selector = parseLabelSelector(endpointSelector);
  if (selector.kind === "none") return selector;
  const requirements = selector.requirements
    .map((r) => ({ ...r, key: r.key.replace(/^(k8s|any):/, "") }))
    .filter((r) => !r.key.startsWith("io.kubernetes.pod.") && !r.key.startsWith("io.cilium.") && !r.key.includes(":"));
  return { kind: "requirements", requirements };
}

/** The endpointSelectors of a Cilium policy: its spec's and those of its specs list (a nodeSelector selects nodes, not pods). */
function ciliumSelectors(policy: Resource): Selector[] {
  const specs = [policy.get(["spec"]), ...(Array.isArray(policy.get(["specs"])) ? (policy.get(["specs"]) as unknown[]) : [])];
  return specs.flatMap((spec) => (typeof spec === "object" && spec !== null && "endpointSelector" in spec ? [ciliumPodSelector((spec as { endpointSelector: unknown }).endpointSelector)] : []));
}

/**
 * The pod owners some network policy of the input selects: a NetworkPolicy of their namespace (an
 * empty podSelector selects them all), a CiliumNetworkPolicy of their namespace or a
 * CiliumClusterwideNetworkPolicy by endpointSelector, or any policy of the plugins whose selection
 * is not read (NAMESPACE_POLICIES, CLUSTER_POLICIES).
 */
function selectedByPolicies(index: ResourceIndex): Set<Resource> {
  const out = new Set<Resource>();
  const select = (namespace: string, selector: Selector) => {
    for (const owner of index.podOwnersSelectedBy(namespace, selector)) out.add(owner);
  };
  for (const policy of index.ofKind("NetworkPolicy")) select(policy.namespace, parseLabelSelector(policy.get(["spec", "podSelector"]) ?? {}));
  for (const policy of index.ofKind(CILIUM_POLICY)) for (const selector of ciliumSelectors(policy)) select(policy.namespace, selector);
  for (const type of NAMESPACE_POLICIES) for (const policy of index.ofKind(type)) for (const owner of index.podOwnersIn(policy.namespace)) out.add(owner);
  const clusterWide = index.ofKind(CILIUM_CLUSTER_POLICY);
  const everything = CLUSTER_POLICIES.some((type) => index.ofKind(type).length > 0);
  if (clusterWide.length || everything) {
    const namespaces = new Set(index.all.filter((r) => r.podTemplate).map((r) => r.namespace));
    for (const namespace of namespaces) {
      if (everything) for (const owner of index.podOwnersIn(namespace)) out.add(owner);
      else for (const policy of clusterWide) for (const selector of ciliumSelectors(policy)) select(namespace, selector);
    }
  }
  return out;
}

export const rule = defineRule({
  id: "network-policy-missing",
  category: "hygiene",
  severity: "warning",
  presets: ["security"],
  crossResource: true,
  appliesTo: "workloads",
  summary: "No NetworkPolicy of the input selects a workload's pods, so they accept traffic from every pod of the cluster.",
  explanation: `Kubernetes networking is flat: unless a NetworkPolicy selects a pod, every pod of every
namespace may connect to it, and it may connect anywhere. One compromised pod (a vulnerable
dependency in any team's service) can then reach databases, admin ports and metrics endpoints
that were only meant for their own application. A NetworkPolicy that selects the pods
(a namespace-wide default deny with podSelector: {} is enough to start) turns that into an
allow-list, enforced by the CNI plugin. kube-score (pod-networkpolicy) and Polaris
(missingNetworkPolicy) report it, and kube-linter reports pods no policy isolates
(non-isolated-pod). Pods with hostNetwork are not reported: policies do not apply to them.
Cilium's policies count by their endpointSelector (CiliumClusterwideNetworkPolicy in every
namespace); a policy of Calico, Antrea or the AdminNetworkPolicy API counts as selecting every pod
of its namespace (of the cluster, for a cluster-wide one), as its selection is not read.
Policies applied separately (by a platform team) are unknown to the linter; add them as
--context, or turn the rule off for such namespaces.`,
  fix: "Add a NetworkPolicy that selects the pods (or a default-deny policy with podSelector: {} for the namespace) and allows only the traffic they need.",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    // A Rollout with workloadRef runs the referenced workload's template, judged there.
    if (templateByRef(resource)) return;
    const tpl = resource.podTemplate!;
    if (tpl.spec.hostNetwork === true || memo(SELECTED, () => selectedByPolicies(index)).has(resource)) return;
    report({
      path: tpl.metadataPath,
      target: "key",
      message: resource.kind === "Pod" ? `no NetworkPolicy selects Pod "${resource.name}": every pod of the cluster can reach it` : `no NetworkPolicy selects the pods of ${resource.kind} "${resource.name}": every pod of the cluster can reach them`,
      hint: `add a NetworkPolicy selecting ${resource.kind === "Pod" ? "this pod" : "these pods"}, or a default-deny policy for the namespace`,
    });
  },
});
