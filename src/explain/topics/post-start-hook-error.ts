import { runtimeCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "PostStartHookError",
  aliases: ["FailedPostStartHook", "PreStartHookError"],
  summary: "The container's postStart hook failed, so the kubelet killed the container.",
  phase: "Running or Pending",
  source: "a container's state.waiting.reason, with FailedPostStartHook events",
  meaning:
    "lifecycle.postStart runs right after the container is created. If the hook command fails or its HTTP call does not succeed, the kubelet kills the container and restarts it according to the restart policy, which often ends in CrashLoopBackOff. The hook's output is not in the container logs: the event message has it.",
  causes: [
    "the hook command is missing in the image or exits non-zero",
    "an httpGet hook against a port the application does not listen on yet (it races the application's start)",
  ],
  commands: [
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>,reason=FailedPostStartHook",
    "kubectl describe pod <pod> -n <ns>",
  ],
  seeAlso: ["CrashLoopBackOff"],
  detect(pod) {
    const c = waitingWith(pod, ["PostStartHookError", "PreStartHookError"]);
    return c && runtimeCause(pod, c);
  },
};
