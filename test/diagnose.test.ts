/**
 * `diagnose` on realistic kubectl dumps (fixtures/diagnose/): kubectl's STATUS for every pod,
 * and advice that names the real cause. The `.yml` dumps hold focused cases; the `.yaml` ones
 * are also the docs' example.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze, diagnose, type PodReport } from "../src/explain/index.js";
import { renderDiagnosis } from "../src/explain/diagnose-render.js";
import { run } from "../src/cli/run.js";

const DIR = join(process.cwd(), "fixtures", "diagnose");
const read = (f: string) => readFileSync(join(DIR, f), "utf8");

/** What `kubectl get pods` prints for each pod of the fixtures: name -> [STATUS, READY, RESTARTS]. */
const EXPECTED: Record<string, Record<string, [string, string, number]>> = {
  "shop.yaml": {
    "web-7d4b9c8f6d-2xkqp": ["Running", "1/1", 0],
    "web-7d4b9c8f6d-8hn2v": ["CrashLoopBackOff", "0/1", 5],
    "web-7d4b9c8f6d-q9wzl": ["Pending", "0/1", 0],
    "api-5f8c7b9d4-7tq2m": ["CreateContainerConfigError", "0/1", 0],
    "frontend-84c6d9f7b8-vx5nd": ["ImagePullBackOff", "0/1", 0],
    "report-builder-6c9d8b7f5-lm4kx": ["Evicted", "0/1", 0],
  },
  "data.yaml": {
    "db-0": ["Running", "1/1", 0],
    "db-1": ["Init:CrashLoopBackOff", "0/1", 6],
    "db-2": ["Init:0/2", "0/1", 0],
    "nightly-export-28594200-p2m9c": ["Error", "0/1", 0],
    "migrate-schema-k7xjq": ["Completed", "0/1", 0],
    "train-embeddings": ["OOMKilled", "0/1", 0],
    "ledger-0": ["Init:0/1", "0/2", 0],
  },
  "edge.json": {
    "seed-users": ["Init:Error", "0/1", 0],
    "seed-orders": ["Init:ExitCode:3", "0/1", 0],
    "seed-products": ["Init:Signal:11", "0/1", 0],
    "legacy-worker": ["Terminating", "1/1", 0],
    "cache-warmer-0": ["Unknown", "0/1", 0],
    "cache-warmer-1": ["NodeLost", "0/1", 0],
    "pinned-indexer": ["OutOfcpu", "0/1", 0],
    "training-batch-7": ["SchedulingGated", "0/1", 0],
    "reports-ui": ["ContainerCreating", "0/1", 0],
    "search-indexer": ["PodInitializing", "0/1", 0],
    "etl-runner": ["NotReady", "1/2", 0],
    "gateway-with-proxy": ["Running", "2/2", 1],
    "log-shipper-once": ["Signal:15", "0/1", 0],
    "config-linter": ["ExitCode:2", "0/1", 0],
    "notifier": ["InvalidImageName", "0/1", 0],
    "billing-sync": ["ErrImagePull", "0/1", 0],
    "pdf-renderer": ["RunContainerError", "0/1", 3],
    "thumbnailer": ["ContainerStatusUnknown", "0/1", 0],
    "checkout": ["Running", "0/1", 0],
  },
  "liveness.yml": {
    "liveness-kill": ["CrashLoopBackOff", "0/1", 7],
    "liveness-sigterm": ["CrashLoopBackOff", "0/1", 2],
    "liveness-running-again": ["Running", "1/1", 3],
    "oom-with-probe": ["CrashLoopBackOff", "0/1", 4],
    "killed-before-window": ["CrashLoopBackOff", "0/1", 2],
    "exits-1-with-probe": ["CrashLoopBackOff", "0/1", 5],
    "sigkill-without-probe": ["CrashLoopBackOff", "0/1", 5],
  },
  "terminating.yml": {
    "speaker-9wq4t": ["Terminating", "1/1", 0],
    "speaker-x7k2p": ["ContainerCreating", "0/1", 0],
    "worker-5d8f": ["Terminating", "1/1", 0],
  },
  "evictions.yml": {
    "pod-storage-limit": ["Evicted", "0/1", 0],
    "container-storage-limit": ["Evicted", "0/1", 0],
    "emptydir-limit": ["Evicted", "0/1", 0],
    "memory-pressure": ["Evicted", "0/1", 0],
    "taint-eviction": ["Evicted", "0/1", 0],
  },
};

const results = new Map<string, PodReport[]>();
beforeAll(async () => {
  for (const f of Object.keys(EXPECTED)) results.set(f, (await diagnose([{ text: read(f), path: `fixtures/diagnose/${f}` }])).pods);
});
const pod = (file: string, name: string) => results.get(file)!.find((p) => p.name === name)!;

test("the fixtures hold at least 12 pods", () => {
  expect(Object.values(EXPECTED).reduce((n, pods) => n + Object.keys(pods).length, 0)).toBeGreaterThanOrEqual(12);
});

describe.each(Object.keys(EXPECTED))("%s", (file) => {
  test("every pod of the dump is reported, in order", () => {
    expect(results.get(file)!.map((p) => p.name)).toEqual(Object.keys(EXPECTED[file]));
  });
  test.each(Object.entries(EXPECTED[file]))("%s shows kubectl's STATUS, READY and RESTARTS", (name, [status, ready, restarts]) => {
    expect(pod(file, name)).toMatchObject({ status, ready, restarts });
  });
});

test("the JSON has exactly the SPEC §6 shape", async () => {
  const r = await diagnose(read("shop.yaml"));
  expect(Object.keys(r).sort()).toEqual(["pods", "workloads"]);
  for (const p of r.pods) {
    expect(Object.keys(p).sort()).toEqual(
      ["containers", "derivedQosClass", "findings", "likelyCause", "name", "namespace", "qosClass", "ready", "restarts", "status"].sort(),
    );
    for (const c of p.containers) expect(Object.keys(c).sort()).toEqual(["exitCode", "explanation", "init", "name", "reason", "state"]);
  }
  for (const w of r.workloads) expect(Object.keys(w).sort()).toEqual(["desired", "kind", "name", "namespace", "ready"]);
});

describe("the likely cause names the real cause", () => {
  test("OOMKilled: the memory limit", () => {
    expect(pod("shop.yaml", "web-7d4b9c8f6d-8hn2v").likelyCause).toMatch(/OOM-killed.*memory.*limit 256Mi/);
    expect(pod("data.yaml", "train-embeddings").likelyCause).toMatch(/limit 4Gi/);
  });
  test("CreateContainerConfigError: the missing object from the message", () => {
    expect(pod("shop.yaml", "api-5f8c7b9d4-7tq2m").likelyCause).toMatch(/Secret "api-db-credentials" does not exist in namespace "shop"/);
    expect(pod("shop.yaml", "api-5f8c7b9d4-7tq2m").likelyCause).toContain("kubectl get secret api-db-credentials -n shop");
  });
  test("Unschedulable: the scheduler's message", () => {
    expect(pod("shop.yaml", "web-7d4b9c8f6d-q9wzl").likelyCause).toContain("2 Insufficient memory");
  });
  test("ImagePullBackOff / ErrImagePull / InvalidImageName: the image", () => {
    expect(pod("shop.yaml", "frontend-84c6d9f7b8-vx5nd").likelyCause).toContain('"ghcr.io/acme/frontend:v2.13"');
    expect(pod("edge.json", "billing-sync").likelyCause).toMatch(/"registry.internal.example.com\/billing\/sync:4.1.0".*credentials/);
    expect(pod("edge.json", "notifier").likelyCause).toContain('"ghcr.io/Acme/notifier:1.0"');
  });
  test("Evicted: the resource under pressure", () => {
    expect(pod("shop.yaml", "report-builder-6c9d8b7f5-lm4kx").likelyCause).toMatch(/low on memory.*"builder" was using 1841232Ki/);
    expect(pod("edge.json", "thumbnailer").likelyCause).toMatch(/low on ephemeral-storage/);
  });
  test("other forms point at their evidence", () => {
    expect(pod("edge.json", "reports-ui").likelyCause).toContain('configmap "reports-ui-config" not found');
    expect(pod("edge.json", "legacy-worker").likelyCause).toContain("example.com/backup-before-delete");
    expect(pod("edge.json", "training-batch-7").likelyCause).toContain("kueue.x-k8s.io/admission");
    expect(pod("edge.json", "checkout").likelyCause).toContain("Readiness probe failed");
    expect(pod("edge.json", "pdf-renderer").likelyCause).toContain("no such file or directory");
    expect(pod("data.yaml", "db-1").likelyCause).toContain("kubectl logs db-1 -n data -c wait-for-primary --previous");
    expect(pod("data.yaml", "db-2").likelyCause).toContain('"init-permissions" is still running');
    // A sidecar never exits: the app containers wait for its start (startup probe, postStart hook).
    expect(pod("data.yaml", "ledger-0").likelyCause).toMatch(/sidecar "mesh-proxy" has not started yet.*startupProbe/);
    expect(pod("data.yaml", "ledger-0").likelyCause).not.toContain("exits 0");
    expect(pod("edge.json", "etl-runner").likelyCause).toContain('container "fetch" completed');
  });
  describe("a liveness kill is recognised from the pod alone (no Events in the dump)", () => {
    test.each(["liveness-kill", "liveness-sigterm", "liveness-running-again"])("%s: the liveness probe", (name) => {
      const cause = pod("liveness.yml", name).likelyCause;
      expect(cause).toMatch(/restarted by its liveness probe: its last run ended with exit code 1(37|43) \((SIGKILL|SIGTERM)\) and reason Error, not OOMKilled/);
      expect(cause).toContain("the kubelet sends SIGTERM");
      expect(cause).toContain(`--field-selector involvedObject.name=${name},reason=Unhealthy`);
    });
    test("the window and the run's length are named", () => {
      expect(pod("liveness.yml", "liveness-kill").likelyCause).toContain("after 7s, and the probe gives up after 5s (initialDelaySeconds 0 + periodSeconds 5 x failureThreshold 1)");
      expect(pod("liveness.yml", "liveness-sigterm").likelyCause).toContain("not OOMKilled, and the probe gives up after 30s (initialDelaySeconds 0 + periodSeconds 10 x failureThreshold 3)");
    });
    test.each([
      ["oom-with-probe", /OOM-killed/],
      ["killed-before-window", /exits with exit code 137 \(SIGKILL\); its previous logs say why/],
      ["exits-1-with-probe", /exits with exit code 1 /],
      ["sigkill-without-probe", /exits with exit code 137 \(SIGKILL\); its previous logs say why/],
    ])("%s: not a liveness kill", (name, cause) => {
      expect(pod("liveness.yml", name).likelyCause).toMatch(cause);
      expect(pod("liveness.yml", name).likelyCause).not.toContain("liveness");
    });
    test("an Unhealthy event still gives the probe's own message", async () => {
      const event = `---
apiVersion: v1
kind: Event
metadata: {name: liveness-kill.1, namespace: shop}
involvedObject: {kind: Pod, name: liveness-kill, namespace: shop}
type: Warning
reason: Unhealthy
message: "Liveness probe failed: HTTP probe failed with statuscode: 503"
`;
      const r = await diagnose(read("liveness.yml") + event);
      expect(r.pods.find((p) => p.name === "liveness-kill")!.likelyCause).toContain("HTTP probe failed with statuscode: 503");
    });
  });
  describe("Evicted causes read as clean sentences", () => {
    test.each([
      ["pod-storage-limit", "exceeded 1Gi, the total limit of its containers, so the kubelet evicted it. Next:"],
      ["container-storage-limit", 'container "app" exceeded its ephemeral-storage limit 500Mi, so the kubelet evicted the pod. Next:'],
      ["emptydir-limit", 'emptyDir volume "cache" grew past its sizeLimit 1Gi'],
      ["memory-pressure", "was low on memory"],
      ["taint-eviction", "the kubelet evicted the pod: The node had condition: [DiskPressure]. Next:"],
    ])("%s", (name, text) => {
      expect(pod("evictions.yml", name).likelyCause).toContain(text);
    });
    test("no cause of any fixture has a stray period", () => {
      for (const pods of results.values()) {
        for (const p of pods) if (p.likelyCause) expect(p.likelyCause).not.toMatch(/\.\s*[.,;]|\.,|\. so\b|\s\.(\s|$)/);
      }
    });
  });
  describe("Terminating: deletionTimestamp is when the deletion is due, compared with the dump's own times", () => {
    test("a pod still there after its deletion was due is overdue: the node and its kubelet", () => {
      const cause = pod("terminating.yml", "speaker-9wq4t").likelyCause;
      expect(cause).toContain(
        'the deletion is overdue: it was due at 2026-12-02T12:00:00Z (the delete request plus its 30s grace period), and the dump still shows the pod at 2026-12-02T12:15:00Z or later, 15m after; the kubelet on node "worker-3" has not confirmed the shutdown',
      );
      expect(cause).toContain("Next: kubectl get node worker-3");
      expect(cause).not.toContain("sends SIGKILL after");
    });
    test("a dump whose times all come before the deadline proves nothing: it says what to check", async () => {
      expect(pod("terminating.yml", "worker-5d8f").likelyCause).toContain(
        "the pod is shutting down: its deletion is due at 2026-12-02T12:15:20Z (the delete request plus its 60s grace period), when the kubelet sends SIGKILL to what still runs; the dump holds no later time to compare with: if that time has passed",
      );
      const alone = read("terminating.yml").split("\n- apiVersion: v1\n")[1];
      const d = await diagnose(`apiVersion: v1\n${alone.replace(/^ {2}/gm, "")}`);
      expect(d.pods[0].name).toBe("speaker-9wq4t");
      expect(d.pods[0].likelyCause).toContain(
        'its deletion is due at 2026-12-02T12:00:00Z (the delete request plus its 30s grace period), when the kubelet sends SIGKILL to what still runs; the dump holds no later time to compare with: if that time has passed, the deletion is overdue and the kubelet on node "worker-3" has not confirmed it, so check the node and its kubelet',
      );
      expect(d.pods[0].likelyCause).not.toContain("overdue:");
    });
    test("a finalizer: the deletion is due at the timestamp, not requested then", () => {
      expect(pod("edge.json", "legacy-worker").likelyCause).toMatch(/the pod's deletion is due at 2024-05-14T11:20:30Z \(the delete request plus its 30s grace period\) and waits for finalizer "example.com\/backup-before-delete"/);
    });
  });
  test("healthy pods have no cause", () => {
    expect(pod("shop.yaml", "web-7d4b9c8f6d-2xkqp").likelyCause).toBeNull();
    expect(pod("data.yaml", "migrate-schema-k7xjq").likelyCause).toBeNull();
    expect(pod("data.yaml", "db-0").likelyCause).toBeNull();
  });
});

test("containers: state, reason, exit code and the last termination explained", () => {
  const [web] = pod("shop.yaml", "web-7d4b9c8f6d-8hn2v").containers;
  expect(web).toMatchObject({ name: "web", init: false, state: "waiting", reason: "CrashLoopBackOff", exitCode: 137 });
  expect(web.explanation).toMatch(/last run ended OOMKilled, exit code 137 \(SIGKILL\): it used more than its memory limit 256Mi/);
  const db1 = pod("data.yaml", "db-1").containers;
  expect(db1.map((c) => [c.name, c.init, c.state])).toEqual([
    ["init-permissions", true, "terminated"],
    ["wait-for-primary", true, "waiting"],
    ["postgres", false, "waiting"],
  ]);
  expect(pod("shop.yaml", "web-7d4b9c8f6d-q9wzl").containers[0]).toMatchObject({ state: "none", reason: null, exitCode: null });
});

test("QoS: the reported class next to the derived one", () => {
  expect(pod("shop.yaml", "api-5f8c7b9d4-7tq2m")).toMatchObject({ qosClass: "Guaranteed", derivedQosClass: "Guaranteed" });
  expect(pod("shop.yaml", "report-builder-6c9d8b7f5-lm4kx")).toMatchObject({ qosClass: "BestEffort", derivedQosClass: "BestEffort" });
  expect(pod("data.yaml", "db-0")).toMatchObject({ qosClass: "Burstable", derivedQosClass: "Burstable" });
});

test("findings are the lint diagnostics of the pod's own spec", () => {
  const findings = pod("shop.yaml", "report-builder-6c9d8b7f5-lm4kx").findings;
  for (const f of findings) expect(f.resource).toMatchObject({ kind: "Pod", name: "report-builder-6c9d8b7f5-lm4kx", namespace: "shop" });
  // the scheduler writes nodeName into every live pod: not a finding in a dump
  expect(results.get("shop.yaml")!.flatMap((p) => p.findings).some((f) => f.ruleId === "node-name-pinned")).toBe(false);
});

test("workloads: desired vs ready, pods holding them back", async () => {
  const d = await analyze([{ text: read("shop.yaml") }, { text: read("data.yaml") }]);
  expect(d.result.workloads).toEqual([
    { kind: "Deployment", name: "web", namespace: "shop", desired: 3, ready: 1 },
    { kind: "ReplicaSet", name: "web-7d4b9c8f6d", namespace: "shop", desired: 3, ready: 1 },
    { kind: "Deployment", name: "api", namespace: "shop", desired: 1, ready: 0 },
    { kind: "StatefulSet", name: "db", namespace: "data", desired: 3, ready: 1 },
    { kind: "Job", name: "nightly-export-28594200", namespace: "data", desired: 1, ready: 0 },
    { kind: "Job", name: "migrate-schema", namespace: "data", desired: 1, ready: 1 },
  ]);
  const held = Object.fromEntries(d.workloads.map((w) => [w.report.name, w.detail.heldBackBy.map((p) => `${p.name} ${p.status}`)]));
  expect(held.web).toEqual(["web-7d4b9c8f6d-8hn2v CrashLoopBackOff", "web-7d4b9c8f6d-q9wzl Pending"]);
  // the api ReplicaSet is not in the dump: the pod-template-hash links the pod to its Deployment
  expect(held.api).toEqual(["api-5f8c7b9d4-7tq2m CreateContainerConfigError"]);
  expect(held.db).toEqual(["db-1 Init:CrashLoopBackOff", "db-2 Init:0/2"]);
  expect(held["migrate-schema"]).toEqual([]);
});

test("the stylish output puts the cause first in each pod block", async () => {
  const d = await analyze(read("shop.yaml"));
  const text = renderDiagnosis(d, { color: false, now: Date.parse("2024-05-14T08:34:06Z"), width: 160 });
  const block = text.split("\n\n").find((b) => b.startsWith("shop/web-7d4b9c8f6d-8hn2v"))!;
  const lines = block.split("\n");
  expect(lines[0]).toMatch(/^shop\/web-7d4b9c8f6d-8hn2v {2}CrashLoopBackOff {2}ready 0\/1 {2}restarts 5 \(3m ago\)/);
  expect(lines[1]).toMatch(/^ {2}cause: container "web" was OOM-killed/);
  expect(block).toContain("next:  kubectl top pod web-7d4b9c8f6d-8hn2v -n shop --containers");
  expect(text).toMatch(/Deployment shop\/web {2}1\/3 ready {2}held back by web-7d4b9c8f6d-8hn2v \(CrashLoopBackOff\)/);
});

describe("CLI", () => {
  async function cli(args: string[]) {
    let out = "";
    let err = "";
    const code = await run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: process.cwd(), env: {}, isTTY: false });
    return { code, out, err };
  }
  test("--format json prints the SPEC §6 object; pods with problems exit 1", async () => {
    const r = await cli(["diagnose", "fixtures/diagnose/edge.json", "--format", "json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.pods.map((p: PodReport) => p.status)).toEqual(Object.values(EXPECTED["edge.json"]).map(([s]) => s));
  });
  const dataDocs = (pattern: RegExp) => read("data.yaml").split("\n---\n").filter((d) => pattern.test(d)).join("\n---\n");
  const cliOn = (name: string, text: string, ...args: string[]) => {
    const file = join(mkdtempSync(join(tmpdir(), "k8s-lint-diagnose-")), name);
    writeFileSync(file, text);
    return cli(["diagnose", file, "--no-color", ...args]);
  };
  test("a dump of healthy pods has no cause to report and exits 0", async () => {
    const text = dataDocs(/^ {2}name: db-0$/m);
    const d = await diagnose(text);
    expect(d.pods.map((p) => p.likelyCause)).toEqual([null]);
    const r = await cliOn("healthy.yaml", text);
    expect(r.code).toBe(0);
    expect(r.out).toContain("✔ 1 pod: 0 with a problem, 1 healthy");
  });
  test("a workload below desired is a problem even when the pods in the dump are healthy: ✖ and exit 1", async () => {
    const r = await cliOn("short.yaml", dataDocs(/^ {2}name: db-0$|^kind: StatefulSet$/m));
    expect(r.out).toMatch(/StatefulSet data\/db {2}1\/3 ready/);
    expect(r.out).toContain("✖ 1 pod: 0 with a problem, 1 healthy; 1 workload, 1 below desired");
    expect(r.code).toBe(1);
  });
  test("a Job with active pods is running, not below desired", async () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata: {name: backfill, namespace: data, uid: 7c}
spec: {completions: 2}
status: {active: 1, succeeded: 1}
`;
    const r = await cliOn("job.yaml", job);
    expect(r.out).toMatch(/Job data\/backfill {2}1\/2 succeeded, 1 active/);
    expect(r.out).toContain("✔ 0 pods: 0 with a problem, 0 healthy; 1 workload, 0 below desired");
    expect(r.code).toBe(0);
    const failed = await cliOn("job.yaml", job.replace("active: 1", "failed: 6"));
    expect(failed.out).toContain("1 below desired");
    expect(failed.code).toBe(1);
  });
  describe("objects without status are manifests, not live objects", () => {
    test("a file of manifests exits 2 and says to lint it instead", async () => {
      const r = await cli(["diagnose", "fixtures/diagnose/manifest.yml"]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toContain("Deployment kube-system/descheduler and 1 more: no status: this is a manifest, not `kubectl get -o yaml` output; lint it with `k8s-lint <file>`");
    });
    test("beside live objects they are left out, named, and never counted below desired", async () => {
      const d = await analyze([{ text: read("manifest.yml"), path: "fixtures/diagnose/manifest.yml" }, { text: dataDocs(/^ {2}name: db-0$/m) }]);
      expect(d.result.workloads).toEqual([]);
      expect(d.result.pods.map((p) => p.name)).toEqual(["db-0"]);
      expect(d.manifests).toEqual([
        { kind: "Deployment", name: "descheduler", namespace: "kube-system", source: "fixtures/diagnose/manifest.yml" },
        { kind: "Pod", name: "debug", namespace: "default", source: "fixtures/diagnose/manifest.yml" },
      ]);
      const text = renderDiagnosis(d, { color: false, width: 200 });
      expect(text).toContain("Deployment kube-system/descheduler in fixtures/diagnose/manifest.yml: no status: this is a manifest");
      expect(text).toContain("✔ 1 pod: 0 with a problem, 1 healthy; 0 workloads, 0 below desired; 2 manifests left out");
      const json = await cli(["diagnose", "fixtures/diagnose/manifest.yml", "fixtures/diagnose/shop.yaml", "-f", "json"]);
      expect(JSON.parse(json.out).workloads.map((w: { name: string }) => w.name)).not.toContain("descheduler");
      expect(json.err).toContain("left out Deployment kube-system/descheduler in fixtures/diagnose/manifest.yml: no status");
    });
    test("a live object with an empty status (just created) is still read", async () => {
      const d = await diagnose("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop, uid: 1a}\nspec: {replicas: 2}\nstatus: {}\n");
      expect(d.workloads).toEqual([{ kind: "Deployment", name: "web", namespace: "shop", desired: 2, ready: 0 }]);
    });
  });
  test("the config file applies to the static findings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-diagnose-config-"));
    writeFileSync(join(dir, "pods.yaml"), read("shop.yaml"));
    const ruleIds = async (cwd: string) => {
      let out = "";
      let err = "";
      await run(["diagnose", "pods.yaml", "-f", "json"], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, env: {}, isTTY: false });
      if (!out) throw new Error(err);
      return new Set(JSON.parse(out).pods.flatMap((p: PodReport) => p.findings.map((f) => f.ruleId)));
    };
    const before = await ruleIds(dir);
    const silenced = [...before][0] as string;
    expect(silenced).toBeDefined();
    writeFileSync(join(dir, ".k8s-lint.yaml"), `rules:\n  ${silenced}: off\n`);
    expect((await ruleIds(dir)).has(silenced)).toBe(false);
    writeFileSync(join(dir, ".k8s-lint.yaml"), "rulez: {}\n");
    let err = "";
    const code = await run(["diagnose", "pods.yaml"], { stdout: () => undefined, stderr: (t) => (err += t), cwd: dir, env: {}, isTTY: false });
    expect(code).toBe(2);
    expect(err).toContain('unknown key "rulez"');
  });
  test("a missing file, bad YAML or an input without pods exits 2", async () => {
    expect((await cli(["diagnose", "fixtures/diagnose/nope.yaml"])).code).toBe(2);
    expect((await cli(["diagnose"])).code).toBe(2);
    expect((await cli(["diagnose", "package.json"])).err).toMatch(/no pods or workloads found/);
  });
});
