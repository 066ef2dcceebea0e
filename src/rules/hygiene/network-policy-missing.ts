import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { parseLabelSelector } from "../../models/selector.js";
import { defineRule } from "../types.js";

const SELECTED = memoKey<Set<Resource>>("workloads whose pods a NetworkPolicy selects");

/** The pod owners some NetworkPolicy of their namespace selects (an empty podSelector selects them all). */
function selectedByPolicies(index: ResourceIndex): Set<Resource> {
  const out = new Set<Resource>();
  for (const policy of index.ofKind("NetworkPolicy")) {
    for (const owner of index.podOwnersSelectedBy(policy.namespace, parseLabelSelector(policy.get(["spec", "podSelector"]) ?? {}))) out.add(owner);
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
Policies applied separately (by a platform team) are unknown to the linter; add them as
--context, or turn the rule off for such namespaces.`,
  fix: "Add a NetworkPolicy that selects the pods (or a default-deny policy with podSelector: {} for the namespace) and allows only the traffic they need.",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const tpl = resource.podTemplate!;
    if (tpl.spec.hostNetwork === true || memo(SELECTED, () => selectedByPolicies(index)).has(resource)) return;
    report({
      path: tpl.metadataPath,
      target: "key",
      message: `no NetworkPolicy selects the pods of ${resource.kind} "${resource.name}": every pod of the cluster can reach them`,
      hint: "add a NetworkPolicy selecting these pods, or a default-deny policy for the namespace",
    });
  },
});
