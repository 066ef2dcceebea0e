/**
 * The STATUS / READY / RESTARTS columns, case by case against kubectl's printPod
 * (pkg/printers/internalversion/printers.go). Each case is a pod object as the API returns it.
 */
import { podColumns } from "../src/explain/kubectl-status.js";

type State = Record<string, unknown>;
const running = (extra: State = {}): State => ({ running: { startedAt: "2024-05-14T08:00:00Z", ...extra } });
const waiting = (reason: string, message?: string): State => ({ waiting: { reason, ...(message ? { message } : {}) } });
const terminated = (exitCode: number, reason?: string, signal?: number): State => ({
  terminated: { exitCode, ...(reason ? { reason } : {}), ...(signal ? { signal } : {}), finishedAt: "2024-05-14T08:10:00Z" },
});

interface CS {
  name: string;
  state?: State;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  lastState?: State;
}

function pod(opts: {
  phase?: string;
  reason?: string;
  containers?: string[];
  init?: Array<string | { name: string; restartPolicy: string }>;
  statuses?: CS[];
  initStatuses?: CS[];
  conditions?: Array<{ type: string; status: string; reason?: string }>;
  deletion?: boolean;
}) {
  const cs = (c: CS) => ({ image: "img", imageID: "", lastState: c.lastState ?? {}, restartCount: c.restartCount ?? 0, ready: c.ready ?? false, started: c.started, name: c.name, state: c.state ?? {} });
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default", ...(opts.deletion ? { deletionTimestamp: "2024-05-14T09:00:00Z" } : {}) },
    spec: {
      containers: (opts.containers ?? ["app"]).map((name) => ({ name, image: "img" })),
      ...(opts.init ? { initContainers: opts.init.map((c) => (typeof c === "string" ? { name: c, image: "img" } : { ...c, image: "img" })) } : {}),
    },
    status: {
      ...(opts.phase ? { phase: opts.phase } : {}),
      ...(opts.reason ? { reason: opts.reason } : {}),
      ...(opts.conditions ? { conditions: opts.conditions } : {}),
      ...(opts.statuses ? { containerStatuses: opts.statuses.map(cs) } : {}),
      ...(opts.initStatuses ? { initContainerStatuses: opts.initStatuses.map(cs) } : {}),
    },
  };
}

const readyCond = (status: "True" | "False") => ({ type: "Ready", status });
const initialized = { type: "Initialized", status: "True" };

const cases: Array<[string, ReturnType<typeof pod>, string, string, number]> = [
  ["pending, nothing reported", pod({ phase: "Pending" }), "Pending", "0/1", 0],
  [
    "unschedulable still reads Pending",
    pod({ phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] }),
    "Pending",
    "0/1",
    0,
  ],
  [
    "scheduling gate",
    pod({ phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] }),
    "SchedulingGated",
    "0/1",
    0,
  ],
  ["running and ready", pod({ phase: "Running", statuses: [{ name: "app", state: running(), ready: true, started: true }] }), "Running", "1/1", 0],
  ["running, not ready", pod({ phase: "Running", statuses: [{ name: "app", state: running(), ready: false }] }), "Running", "0/1", 0],
  ["ContainerCreating", pod({ phase: "Pending", statuses: [{ name: "app", state: waiting("ContainerCreating") }] }), "ContainerCreating", "0/1", 0],
  [
    "CrashLoopBackOff with restarts",
    pod({ phase: "Running", statuses: [{ name: "app", state: waiting("CrashLoopBackOff"), restartCount: 7, lastState: terminated(137, "OOMKilled") }] }),
    "CrashLoopBackOff",
    "0/1",
    7,
  ],
  ["ImagePullBackOff", pod({ phase: "Pending", statuses: [{ name: "app", state: waiting("ImagePullBackOff") }] }), "ImagePullBackOff", "0/1", 0],
  ["ErrImagePull", pod({ phase: "Pending", statuses: [{ name: "app", state: waiting("ErrImagePull") }] }), "ErrImagePull", "0/1", 0],
  [
    "CreateContainerConfigError",
    pod({ phase: "Pending", statuses: [{ name: "app", state: waiting("CreateContainerConfigError", 'secret "x" not found') }] }),
    "CreateContainerConfigError",
    "0/1",
    0,
  ],
  ["terminated with a reason", pod({ phase: "Failed", statuses: [{ name: "app", state: terminated(137, "OOMKilled") }] }), "OOMKilled", "0/1", 0],
  ["terminated Error", pod({ phase: "Failed", statuses: [{ name: "app", state: terminated(1, "Error") }] }), "Error", "0/1", 0],
  ["terminated without reason: ExitCode", pod({ phase: "Failed", statuses: [{ name: "app", state: terminated(2) }] }), "ExitCode:2", "0/1", 0],
  ["terminated without reason: Signal", pod({ phase: "Failed", statuses: [{ name: "app", state: terminated(143, undefined, 15) }] }), "Signal:15", "0/1", 0],
  ["Completed", pod({ phase: "Succeeded", statuses: [{ name: "app", state: terminated(0, "Completed") }] }), "Completed", "0/1", 0],
  [
    "first container's reason wins (read last to first)",
    pod({
      phase: "Pending",
      containers: ["a", "b"],
      statuses: [
        { name: "a", state: waiting("ImagePullBackOff") },
        { name: "b", state: waiting("CreateContainerConfigError") },
      ],
    }),
    "ImagePullBackOff",
    "0/2",
    0,
  ],
  [
    "completed beside a running ready container, pod Ready: Running",
    pod({
      phase: "Running",
      containers: ["job", "proxy"],
      conditions: [readyCond("True")],
      statuses: [
        { name: "job", state: terminated(0, "Completed") },
        { name: "proxy", state: running(), ready: true },
      ],
    }),
    "Running",
    "1/2",
    0,
  ],
  [
    "completed beside a running ready container, pod not Ready: NotReady",
    pod({
      phase: "Running",
      containers: ["job", "proxy"],
      conditions: [readyCond("False")],
      statuses: [
        { name: "job", state: terminated(0, "Completed") },
        { name: "proxy", state: running(), ready: true },
      ],
    }),
    "NotReady",
    "1/2",
    0,
  ],
  [
    "completed beside a running but unready container stays Completed",
    pod({
      phase: "Running",
      containers: ["job", "proxy"],
      statuses: [
        { name: "job", state: terminated(0, "Completed") },
        { name: "proxy", state: running(), ready: false },
      ],
    }),
    "Completed",
    "0/2",
    0,
  ],
  [
    "Init:0/2 while the first init container runs",
    pod({
      phase: "Pending",
      init: ["a", "b"],
      initStatuses: [
        { name: "a", state: running() },
        { name: "b", state: waiting("PodInitializing") },
      ],
      statuses: [{ name: "app", state: waiting("PodInitializing") }],
    }),
    "Init:0/2",
    "0/1",
    0,
  ],
  [
    "Init:1/2 after the first succeeded",
    pod({
      phase: "Pending",
      init: ["a", "b"],
      initStatuses: [
        { name: "a", state: terminated(0, "Completed") },
        { name: "b", state: running() },
      ],
    }),
    "Init:1/2",
    "0/1",
    0,
  ],
  [
    "Init:Error",
    pod({ phase: "Pending", init: ["a"], initStatuses: [{ name: "a", state: terminated(1, "Error"), restartCount: 2 }] }),
    "Init:Error",
    "0/1",
    2,
  ],
  [
    "Init:CrashLoopBackOff",
    pod({ phase: "Pending", init: ["a"], initStatuses: [{ name: "a", state: waiting("CrashLoopBackOff"), restartCount: 4, lastState: terminated(1, "Error") }] }),
    "Init:CrashLoopBackOff",
    "0/1",
    4,
  ],
  ["Init:ExitCode:N", pod({ phase: "Failed", init: ["a"], initStatuses: [{ name: "a", state: terminated(3) }] }), "Init:ExitCode:3", "0/1", 0],
  ["Init:Signal:N", pod({ phase: "Failed", init: ["a"], initStatuses: [{ name: "a", state: terminated(137, undefined, 9) }] }), "Init:Signal:9", "0/1", 0],
  ["Init:OOMKilled", pod({ phase: "Pending", init: ["a"], initStatuses: [{ name: "a", state: terminated(137, "OOMKilled") }] }), "Init:OOMKilled", "0/1", 0],
  [
    "Init:ImagePullBackOff",
    pod({ phase: "Pending", init: ["a"], initStatuses: [{ name: "a", state: waiting("ImagePullBackOff") }] }),
    "Init:ImagePullBackOff",
    "0/1",
    0,
  ],
  [
    "PodInitializing once every init container succeeded",
    pod({
      phase: "Pending",
      init: ["a"],
      conditions: [initialized],
      initStatuses: [{ name: "a", state: terminated(0, "Completed") }],
      statuses: [{ name: "app", state: waiting("PodInitializing") }],
    }),
    "PodInitializing",
    "0/1",
    0,
  ],
  [
    "a started sidecar counts as a ready container",
    pod({
      phase: "Running",
      init: [{ name: "proxy", restartPolicy: "Always" }],
      conditions: [initialized, readyCond("True")],
      initStatuses: [{ name: "proxy", state: running(), started: true, ready: true, restartCount: 1, lastState: terminated(1, "Error") }],
      statuses: [{ name: "app", state: running(), ready: true }],
    }),
    "Running",
    "2/2",
    1,
  ],
  [
    "a sidecar not started yet keeps the pod at Init:0/1",
    pod({
      phase: "Pending",
      init: [{ name: "proxy", restartPolicy: "Always" }],
      initStatuses: [{ name: "proxy", state: running(), started: false }],
      statuses: [{ name: "app", state: waiting("PodInitializing") }],
    }),
    "Init:0/1",
    "0/2",
    0,
  ],
  [
    "Initialized condition lets the app containers speak even with a stale init status",
    pod({
      phase: "Running",
      init: ["a"],
      conditions: [initialized],
      initStatuses: [{ name: "a", state: waiting("CrashLoopBackOff"), restartCount: 3 }],
      statuses: [{ name: "app", state: waiting("CrashLoopBackOff"), restartCount: 2 }],
    }),
    "CrashLoopBackOff",
    "0/1",
    2,
  ],
  ["Evicted (status.reason, no container statuses)", pod({ phase: "Failed", reason: "Evicted" }), "Evicted", "0/1", 0],
  [
    "Evicted pod whose container was recorded as terminated shows the container's reason",
    pod({ phase: "Failed", reason: "Evicted", statuses: [{ name: "app", state: terminated(137, "ContainerStatusUnknown") }] }),
    "ContainerStatusUnknown",
    "0/1",
    0,
  ],
  ["OutOfcpu", pod({ phase: "Failed", reason: "OutOfcpu" }), "OutOfcpu", "0/1", 0],
  ["NodeLost without deletion", pod({ phase: "Running", reason: "NodeLost", statuses: [{ name: "app", state: running(), ready: false }] }), "NodeLost", "0/1", 0],
  [
    "NodeLost being deleted: Unknown",
    pod({ phase: "Running", reason: "NodeLost", deletion: true, statuses: [{ name: "app", state: running(), ready: true }] }),
    "Unknown",
    "1/1",
    0,
  ],
  ["phase Unknown", pod({ phase: "Unknown" }), "Unknown", "0/1", 0],
  [
    "deleted while running: Terminating",
    pod({ phase: "Running", deletion: true, statuses: [{ name: "app", state: running(), ready: true }] }),
    "Terminating",
    "1/1",
    0,
  ],
  [
    "deleted while crashing: Terminating wins",
    pod({ phase: "Running", deletion: true, statuses: [{ name: "app", state: waiting("CrashLoopBackOff"), restartCount: 3 }] }),
    "Terminating",
    "0/1",
    3,
  ],
  [
    "deleted after success keeps Completed",
    pod({ phase: "Succeeded", deletion: true, statuses: [{ name: "app", state: terminated(0, "Completed") }] }),
    "Completed",
    "0/1",
    0,
  ],
  [
    "deleted after failure keeps Error",
    pod({ phase: "Failed", deletion: true, statuses: [{ name: "app", state: terminated(1, "Error") }] }),
    "Error",
    "0/1",
    0,
  ],
  [
    "restarts add up over app containers",
    pod({
      phase: "Running",
      containers: ["a", "b"],
      statuses: [
        { name: "a", state: running(), ready: true, restartCount: 2 },
        { name: "b", state: running(), ready: true, restartCount: 3 },
      ],
    }),
    "Running",
    "2/2",
    5,
  ],
];

test("the table has at least 25 cases", () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

test.each(cases)("%s", (_name, p, status, ready, restarts) => {
  const cols = podColumns(p);
  expect({ status: cols.status, ready: cols.ready, restarts: cols.restarts }).toEqual({ status, ready, restarts });
});

test("a pod without status reads as an empty phase rather than throwing", () => {
  expect(podColumns({ kind: "Pod", metadata: { name: "x" }, spec: { containers: [{ name: "a" }] } })).toMatchObject({ status: "", ready: "0/1" });
});

test("the latest restart time is the newest lastState.terminated.finishedAt", () => {
  const p = pod({
    phase: "Running",
    containers: ["a", "b"],
    statuses: [
      { name: "a", state: running(), ready: true, restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: "2024-05-14T08:00:00Z" } } },
      { name: "b", state: running(), ready: true, restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: "2024-05-14T09:00:00Z" } } },
    ],
  });
  expect(podColumns(p).lastRestart).toBe("2024-05-14T09:00:00Z");
});
