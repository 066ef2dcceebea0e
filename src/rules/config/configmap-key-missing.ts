import { defineRule } from "../types.js";
import { checkMissingKeys } from "./key-missing.js";

export const rule = defineRule({
  id: "configmap-key-missing",
  category: "config",
  severity: "error",
  crossResource: true,
  appliesTo: "workloads",
  summary: "A pod reads a key that its ConfigMap does not have.",
  explanation: `When a container's env uses configMapKeyRef with a key the ConfigMap does not hold, the
kubelet refuses to start the container: the pod shows CreateContainerConfigError ("couldn't find
key ... in ConfigMap"). A configMap volume whose items name a missing key fails to mount and the
pod stays in ContainerCreating. Checked against ConfigMaps of the input (data and binaryData);
references marked optional are skipped, as the kubelet skips them, and so is a ConfigMap written
with no keys at all (\`data: {}\`), a placeholder that something else fills in.`,
  fix: "Use a key the ConfigMap defines, add the key to the ConfigMap, or mark the reference `optional: true`.",
  preventsStatus: ["CreateContainerConfigError", "ContainerCreating", "Init:Error", "Init:CrashLoopBackOff"],
  check(ctx) {
    checkMissingKeys("ConfigMap", ctx);
  },
});
