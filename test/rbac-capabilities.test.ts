/**
 * The capability table of the rbac rules (src/rules/rbac/permissions.ts) against the one
 * definition of what runs pods (models/workloads.ts), and the verbs that make a role able to run
 * pods of its choosing, as every rbac rule and serviceaccount-privileged read them.
 */
import { WORKLOAD_KINDS } from "../src/models/workloads.js";
import { capabilitiesOf, WORKLOAD_RESOURCES, type PolicyRule } from "../src/rules/rbac/permissions.js";

const rule = (apiGroups: string[], resources: string[], verbs: string[], resourceNames: string[] = []): PolicyRule => ({ apiGroups, resources, verbs, resourceNames, path: ["rules", 0] });
const runsPods = (r: PolicyRule) => capabilitiesOf([r], "1.34").has("create-pods");

test.each([...WORKLOAD_KINDS])("creating a %s runs pods of the creator's choosing", (kind) => {
  const resource = `${kind.toLowerCase()}s`;
  expect(WORKLOAD_RESOURCES.filter((q) => q.resources.includes(resource) && q.verbs.includes("create"))).toHaveLength(1);
});

test.each([
  ["apps", "deployments", true],
  ["apps", "replicasets", true],
  ["apps", "statefulsets", true],
  ["apps", "daemonsets", true],
  ["", "replicationcontrollers", true],
  ["batch", "cronjobs", true],
  ["argoproj.io", "rollouts", true],
  ["", "pods/ephemeralcontainers", true],
  // A running Pod's container images may change (ValidatePodUpdate); its status subresource writes status only.
  ["", "pods", true],
  ["", "pods/status", false],
  // A Job's pod template is immutable.
  ["batch", "jobs", false],
  ["apps", "deployments/scale", false],
  ["apps", "deployments/status", false],
  ["", "configmaps", false],
] as const)("update or patch on %s %s runs pods of the subject's choosing: %s", (group, resource, expected) => {
  for (const verb of ["update", "patch"]) expect(runsPods(rule([group], [resource], [verb]))).toBe(expected);
});

test("reading workloads, or writing named ones only, runs no pod of the subject's choosing", () => {
  expect(runsPods(rule(["", "apps", "batch"], ["pods", "deployments", "jobs", "cronjobs"], ["get", "list", "watch"]))).toBe(false);
  expect(runsPods(rule(["apps"], ["deployments"], ["update", "patch"], ["storefront"]))).toBe(false);
  expect(runsPods(rule(["apps"], ["deployments"], ["create"], ["storefront"]))).toBe(false);
});
