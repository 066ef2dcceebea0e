import { crashCause } from "../causes.js";
import { str } from "../kubectl-status.js";
import { failedRun } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "OOMKilled",
  aliases: ["OOM", "OutOfMemoryKilled"],
  summary: "The kernel killed the container because it used more memory than its limit.",
  phase: "Running (the container restarts), or Failed when restartPolicy is Never",
  source: "a container's state.terminated.reason or lastState.terminated.reason, exit code 137",
  meaning:
    "A container's memory limit is enforced by its cgroup: when the processes in it use more, the kernel's OOM killer kills one with SIGKILL, and the container ends with reason OOMKilled and exit code 137. There is no warning and no graceful shutdown. Without a memory limit the container can still be OOM-killed when the whole node runs out of memory; then BestEffort and Burstable pods using more than their requests die first. Most often you see it as the last state of a container that now shows CrashLoopBackOff.",
  causes: [
    "the memory limit is below what the application needs at peak (a limit copied from a template, traffic growth, a bigger data set)",
    "a runtime that sizes its heap from the node rather than the container (old JVMs without container support, -Xmx above the limit, Node.js --max-old-space-size above it)",
    "a memory leak: the container dies after a similar uptime each time",
    "no memory limit and the node itself ran out of memory",
    "files written to an emptyDir with medium Memory (tmpfs) count against the limit",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].lastState.terminated}'",
    "kubectl top pod <pod> -n <ns> --containers",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.containers[*].resources}'",
    "kubectl describe node <node>",
  ],
  seeAlso: ["137", "CrashLoopBackOff", "Evicted"],
  detect(pod) {
    const c = failedRun(pod);
    return c && str(c.terminated.reason) === "OOMKilled" ? crashCause(pod, c.view, c.terminated) : undefined;
  },
};
