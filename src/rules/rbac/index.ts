/** Rules of the "rbac" category: what Roles, bindings and the ServiceAccounts of workloads allow, and bindings to objects that do not exist. */
import type { Rule } from "../types.js";
import { rule as automountToken } from "./automount-serviceaccount-token.js";
import { rule as clusterAdminBinding } from "./rbac-cluster-admin-binding.js";
import { rule as createPods } from "./rbac-create-pods.js";
import { rule as defaultServiceAccount } from "./default-serviceaccount.js";
import { rule as escalationVerbs } from "./rbac-escalation-verbs.js";
import { rule as nodesProxy } from "./rbac-nodes-proxy.js";
import { rule as podExec } from "./rbac-pod-exec.js";
import { rule as publicBinding } from "./rbac-public-binding.js";
import { rule as secretsRead } from "./rbac-secrets-read.js";
import { rule as roleMissing } from "./rolebinding-role-missing.js";
import { rule as serviceAccountMissing } from "./rolebinding-serviceaccount-missing.js";
import { rule as serviceAccountPrivileged } from "./serviceaccount-privileged.js";
import { rule as wildcard } from "./rbac-wildcard.js";

export const rules: Rule[] = [
  wildcard,
  secretsRead,
  podExec,
  createPods,
  escalationVerbs,
  nodesProxy,
  clusterAdminBinding,
  publicBinding,
  serviceAccountPrivileged,
  automountToken,
  defaultServiceAccount,
  serviceAccountMissing,
  roleMissing,
];
