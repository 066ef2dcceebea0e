/**
 * The advisor's anatomy: every status topic owns how its status shows in a dump (topic.detect),
 * `diagnose` asks them in one declared order, and each recognises a minimal pod showing its
 * status. The words of the causes are pinned by test/diagnose.test.ts and the fixtures/diagnose
 * dumps.
 */
import { readPod } from "../src/explain/pod-dump.js";
import { diagnosisOrder, statusTopics } from "../src/explain/topics/index.js";
import type { Json } from "../src/explain/kubectl-status.js";

test("diagnose asks every status topic exactly once", () => {
  expect([...diagnosisOrder].map((t) => t.name).sort()).toEqual(statusTopics.map((t) => t.name).sort());
  expect(new Set(diagnosisOrder).size).toBe(statusTopics.length);
});

const container = (name: string, status: Json | undefined, init = false) => ({ spec: { name, image: "app:1" }, status: status && { name, ...status }, init });

/** A pod with one container (or init container) in the given state, and pod-level status fields. */
function pod(opts: { state?: Json; last?: Json; init?: boolean; ready?: boolean; restarts?: number; status?: Json; metadata?: Json; spec?: Json }): Json {
  const c = container("app", opts.state ? { state: opts.state, ...(opts.last ? { lastState: { terminated: opts.last } } : {}), ready: opts.ready ?? false, restartCount: opts.restarts ?? 0 } : undefined, opts.init);
  const main = opts.init ? [{ name: "main", image: "app:1" }] : [c.spec];
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "shop", ...opts.metadata },
    spec: { nodeName: "node-1", ...(opts.init ? { initContainers: [c.spec] } : {}), containers: main, ...opts.spec },
    status: {
      phase: "Running",
      ...(c.status ? { [opts.init ? "initContainerStatuses" : "containerStatuses"]: [c.status] } : {}),
      ...(opts.init ? { containerStatuses: [{ name: "main", state: { waiting: { reason: "PodInitializing" } }, ready: false, restartCount: 0 }] } : {}),
      ...opts.status,
    },
  };
}

const waiting = (reason: string, init = false) => pod({ state: { waiting: { reason, message: "m" } }, init, status: { phase: "Pending" } });
const failed = (reason: string, init = false) => pod({ state: { terminated: { reason, exitCode: 1 } }, init });

/** For each topic, a pod that shows its status. */
const showing: Record<string, Json> = {
  Pending: pod({ status: { phase: "Pending" } }),
  SchedulingGated: pod({ spec: { nodeName: undefined, schedulingGates: [{ name: "gate" }] }, status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] } }),
  Unschedulable: pod({ spec: { nodeName: undefined }, status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/3 nodes are available" }] } }),
  ContainerCreating: waiting("ContainerCreating"),
  CreatePodSandboxError: waiting("CreatePodSandboxError"),
  PodInitializing: pod({ init: true, state: { terminated: { reason: "Completed", exitCode: 0 } }, status: { phase: "Pending" } }),
  "Init:N/M": pod({ init: true, state: { running: { startedAt: "2024-01-01T00:00:00Z" } }, status: { phase: "Pending" } }),
  "Init:Error": failed("Error", true),
  "Init:CrashLoopBackOff": pod({ init: true, state: { waiting: { reason: "CrashLoopBackOff" } }, last: { reason: "Error", exitCode: 1 }, restarts: 3, status: { phase: "Pending" } }),
  ErrImagePull: waiting("ErrImagePull"),
  ImagePullBackOff: waiting("ImagePullBackOff"),
  InvalidImageName: waiting("InvalidImageName"),
  ErrImageNeverPull: waiting("ErrImageNeverPull"),
  RegistryUnavailable: waiting("RegistryUnavailable"),
  ImageInspectError: waiting("ImageInspectError"),
  CreateContainerConfigError: waiting("CreateContainerConfigError"),
  CreateContainerError: waiting("CreateContainerError"),
  RunContainerError: waiting("RunContainerError"),
  StartError: failed("StartError"),
  ContainerCannotRun: failed("ContainerCannotRun"),
  PostStartHookError: waiting("PostStartHookError"),
  Running: pod({ state: { running: {} }, ready: true, restarts: 1, last: { reason: "Error", exitCode: 1 } }),
  NotReady: pod({ state: { running: {} }, ready: false }),
  CrashLoopBackOff: pod({ state: { waiting: { reason: "CrashLoopBackOff" } }, last: { reason: "Error", exitCode: 1 }, restarts: 3 }),
  OOMKilled: pod({ state: { terminated: { reason: "OOMKilled", exitCode: 137 } } }),
  Error: failed("Error"),
  Completed: pod({ state: { terminated: { reason: "Completed", exitCode: 0 } }, status: { phase: "Succeeded" } }),
  DeadlineExceeded: pod({ status: { phase: "Failed", reason: "DeadlineExceeded" } }),
  Evicted: pod({ status: { phase: "Failed", reason: "Evicted", message: "The node was low on resource: memory." } }),
  OutOfcpu: pod({ status: { phase: "Failed", reason: "OutOfcpu" } }),
  OutOfmemory: pod({ status: { phase: "Failed", reason: "OutOfmemory" } }),
  Terminating: pod({ state: { running: {} }, ready: true, metadata: { deletionTimestamp: "2024-01-01T00:00:00Z" } }),
  Unknown: pod({ status: { phase: "Unknown" } }),
  NodeLost: pod({ status: { phase: "Running", reason: "NodeLost" } }),
  ContainerStatusUnknown: pod({ state: { terminated: { reason: "ContainerStatusUnknown", exitCode: 137 } } }),
};

describe.each(statusTopics.map((t) => [t.name, t] as const))("%s", (name, topic) => {
  test("its detector recognises a pod showing it, and is the first asked to answer", () => {
    const dump = readPod(showing[name], []);
    const answer = topic.detect(dump);
    expect(answer === null ? name : answer?.cause).toEqual(expect.any(String));
    const first = diagnosisOrder.find((t) => t.detect(dump) !== undefined);
    expect(first?.name).toBe(name);
  });
});

test("a healthy running pod is recognised by no topic", () => {
  const dump = readPod(pod({ state: { running: {} }, ready: true }), []);
  expect(diagnosisOrder.filter((t) => t.detect(dump) !== undefined).map((t) => t.name)).toEqual([]);
});
