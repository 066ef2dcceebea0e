import { cmd, latestWarning, quote, waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "CreatePodSandboxError",
  aliases: ["FailedCreatePodSandBox"],
  summary: "The kubelet could not create the pod sandbox: its network namespace and IP, or its runtime class.",
  phase: "Pending",
  source: "a container's state.waiting.reason, with FailedCreatePodSandBox events",
  meaning:
    "Every pod runs inside a sandbox (the pause container) that holds its network namespace. The kubelet asks the runtime to create it, and the runtime calls the CNI plugin to give it an IP. When that fails no container can start and the pod stays ContainerCreating, with FailedCreatePodSandBox events holding the error. It is almost always a node or network-plugin problem rather than a manifest problem.",
  causes: [
    "the CNI plugin failed: its daemon pod is not running on the node, the node's pod CIDR or the cloud's IP pool is exhausted, or its config is missing",
    "a runtimeClassName whose handler is not installed on the node (gVisor, Kata)",
    "the pause image cannot be pulled (air-gapped clusters, a private mirror without it)",
    "sysctls or security settings the runtime rejects",
  ],
  commands: [
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>,reason=FailedCreatePodSandBox",
    "kubectl get pods -n kube-system -o wide --field-selector spec.nodeName=<node>",
    "kubectl describe node <node>",
  ],
  seeAlso: ["ContainerCreating"],
  detect(pod) {
    const c = waitingWith(pod, ["CreatePodSandboxError"]);
    if (!c) return undefined;
    const ev = latestWarning(pod, ["FailedCreatePodSandBox"]);
    const wm = c.waitingMessage;
    return {
      cause: `the pod sandbox (network) cannot be created on node ${quote(pod.node)}${ev || wm ? `: ${(ev?.message ?? wm).split("\n")[0]}` : ""}`,
      next: cmd(pod, "kubectl get pods -n kube-system -o wide --field-selector spec.nodeName=<node>"),
    };
  },
};
