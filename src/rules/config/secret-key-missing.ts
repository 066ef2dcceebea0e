import { defineRule } from "../types.js";
import { checkMissingKeys } from "./key-missing.js";

export const rule = defineRule({
  id: "secret-key-missing",
  category: "config",
  severity: "error",
  crossResource: true,
  appliesTo: "workloads",
  summary: "A pod reads a key that its Secret does not have.",
  explanation: `When a container's env uses secretKeyRef with a key the Secret does not hold, the kubelet
refuses to start the container: the pod shows CreateContainerConfigError ("couldn't find key ...
in Secret"). A secret volume whose items name a missing key fails to mount and the pod stays in
ContainerCreating. Checked against Secrets of the input (data and stringData, which the API
server merges into data), and against the Secret an ExternalSecret makes when its spec.data lists
every key (no dataFrom, template or Merge policy); references marked optional are skipped, as the kubelet skips them,
and so is a Secret written with no keys at all (\`data: {}\`, or no data), a placeholder that a
patch generated at deploy time, \`kubectl create secret\` or a controller fills in.
A \`kubernetes.io/service-account-token\` Secret also holds the keys the token controller fills
in (\`token\`, \`ca.crt\`, \`namespace\`: kubernetes
pkg/controller/serviceaccount/tokens_controller.go), even when the manifest writes no data.`,
  fix: "Use a key the Secret defines, add the key to the Secret, or mark the reference `optional: true`.",
  preventsStatus: ["CreateContainerConfigError", "ContainerCreating", "Init:Error", "Init:CrashLoopBackOff"],
  check(ctx) {
    checkMissingKeys("Secret", ctx);
  },
});
