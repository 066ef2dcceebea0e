/**
 * The capability table of the rbac rules (src/rules/rbac/permissions.ts) against the one
 * definition of what runs pods (models/workloads.ts), and the verbs that make a role able to run
 * pods of its choosing, as every rbac rule and serviceaccount-privileged read them.
 */
import { WORKLOAD_KINDS } from "../src/models/workloads.js";
import { capabilitiesOf, WORKLOAD_RESOURCES, type PolicyRule } from "../src/rules/rbac/permissions.js";

const rule = (apiGroups: string[], resources: string[], verbs: string[], resourceNames: string[] = []): PolicyRule => ({ apiGroups, resources, verbs, resourceNames, path: ["rules", 0] });
const runsPods = (r: PolicyRule) => capabilitiesOf([r], "1.34").has("create-pods");
/** The capability of rbac-create-pods' scope a rule grants, if any. */
const podCapability = (r: PolicyRule) => [...capabilitiesOf([r], "1.34")].find((c) => c === "create-pods" || c === "pod-images" || c === "ephemeral-containers") ?? null;

test.each([...WORKLOAD_KINDS])("creating a %s runs pods of the creator's choosing", (kind) => {
  const resource = `${kind.toLowerCase()}s`;
  expect(WORKLOAD_RESOURCES.filter((q) => q.resources.includes(resource) && q.verbs.includes("create"))).toHaveLength(1);
});

test.each([
  ["apps", "deployments", "create-pods"],
  ["apps", "replicasets", "create-pods"],
  ["apps", "statefulsets", "create-pods"],
  ["apps", "daemonsets", "create-pods"],
  ["", "replicationcontrollers", "create-pods"],
  ["batch", "cronjobs", "create-pods"],
  ["argoproj.io", "rollouts", "create-pods"],
  // Adds a container to a running pod, and creates none.
  ["", "pods/ephemeralcontainers", "ephemeral-containers"],
  // A running Pod's container images may change, not its ServiceAccount (ValidatePodUpdate); its status subresource writes status only.
  ["", "pods", "pod-images"],
  ["", "pods/status", null],
  // A Job's pod template is immutable.
  ["batch", "jobs", null],
  ["apps", "deployments/scale", null],
  ["apps", "deployments/status", null],
  ["", "configmaps", null],
] as const)("update or patch on %s %s grants %s", (group, resource, expected) => {
  for (const verb of ["update", "patch"]) expect(podCapability(rule([group], [resource], [verb]))).toBe(expected);
});

test("every request of rbac-create-pods' scope grants one of its capabilities", () => {
  for (const q of WORKLOAD_RESOURCES) for (const verb of q.verbs) for (const resource of q.resources) expect(podCapability(rule([q.group], [resource], [verb]))).not.toBeNull();
});

test("reading workloads, or writing named ones only, runs no pod of the subject's choosing", () => {
  expect(runsPods(rule(["", "apps", "batch"], ["pods", "deployments", "jobs", "cronjobs"], ["get", "list", "watch"]))).toBe(false);
  expect(runsPods(rule(["apps"], ["deployments"], ["update", "patch"], ["storefront"]))).toBe(false);
  expect(runsPods(rule(["apps"], ["deployments"], ["create"], ["storefront"]))).toBe(false);
});
