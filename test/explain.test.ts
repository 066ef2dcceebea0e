/**
 * `explain`: every status reason of SPEC §6, every rule id and every exit code has an answer;
 * topic <-> rule links come from the registry in both directions; unknown topics exit 2 with
 * suggestions.
 */
import { explainExitCode } from "../src/explain/exit-codes.js";
import { explainTopic, findStatusTopic, rulesForTopic } from "../src/explain/index.js";
import { statusTopics } from "../src/explain/topics/index.js";
import { run } from "../src/cli/run.js";
import { lint } from "../src/engine/lint.js";
import { allRules, getRule } from "../src/rules/index.js";
import { ruleExamples } from "../src/rules/examples.js";

const SPEC_REASONS = [
  "Pending", "ContainerCreating", "PodInitializing", "Init:N/M", "Init:Error", "Init:CrashLoopBackOff",
  "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull",
  "RegistryUnavailable", "ImageInspectError", "CreateContainerConfigError", "CreateContainerError",
  "RunContainerError", "StartError", "OOMKilled", "Error", "Completed", "Evicted", "Terminating", "Unknown",
  "NodeLost", "OutOfcpu", "OutOfmemory", "Unschedulable", "CreatePodSandboxError", "ContainerStatusUnknown",
];

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: process.cwd(), env: {}, isTTY: false });
  return { code, out, err };
}

describe.each(SPEC_REASONS)("status %s", (reason) => {
  test("has its own topic, complete", () => {
    const e = explainTopic(reason);
    expect(e.type).toBe("status");
    if (e.type !== "status") return;
    expect(e.name).toBe(reason);
    expect(e.phase.length).toBeGreaterThan(3);
    expect(e.meaning.length).toBeGreaterThan(120);
    expect(e.causes.length).toBeGreaterThanOrEqual(2);
    expect(e.commands.length).toBeGreaterThanOrEqual(2);
    for (const c of e.commands) expect(c).toMatch(/^kubectl /);
  });

  test("is found in any case", () => {
    expect(explainTopic(reason.toLowerCase())).toMatchObject({ type: "status", name: reason });
    expect(explainTopic(reason.toUpperCase())).toMatchObject({ type: "status", name: reason });
  });
});

test("topic names and aliases are unique across topics", () => {
  const seen = new Map<string, string>();
  for (const t of statusTopics) {
    for (const n of [t.name, ...(t.aliases ?? [])]) {
      const k = n.toLowerCase();
      expect(seen.get(k) ?? t.name).toBe(t.name);
      seen.set(k, t.name);
    }
  }
});

test("the rule-to-status link is kept in rule meta only: a topic's rules are exactly those whose preventsStatus names it", () => {
  for (const t of statusTopics) {
    const naming = allRules.filter((r) => r.meta.preventsStatus.some((s) => findStatusTopic(s)?.topic === t)).map((r) => r.meta.id);
    expect([t.name, rulesForTopic(t).map((l) => l.id)]).toEqual([t.name, naming]);
    expect(Object.keys(t)).not.toContain("rules");
  }
});

test("every status reason a rule prevents has a topic", () => {
  const orphans = allRules.flatMap((r) => r.meta.preventsStatus.filter((s) => !findStatusTopic(s)).map((s) => `${r.meta.id} -> ${s}`));
  expect(orphans).toEqual([]);
});

test("a rule's preventsStatus shows up in the topic it names", () => {
  for (const r of allRules) {
    for (const s of r.meta.preventsStatus) {
      const topic = findStatusTopic(s)!.topic;
      expect(rulesForTopic(topic).map((l) => l.id)).toContain(r.meta.id);
    }
  }
});

test("see-also entries resolve", () => {
  for (const t of statusTopics) for (const s of t.seeAlso ?? []) expect([t.name, s, explainTopic(s).type]).not.toContain("unknown");
});

describe.each(allRules.map((r) => r.meta.id))("rule %s", (id) => {
  test("explains the rule with its fix, examples and prevented statuses", () => {
    const e = explainTopic(id);
    expect(e.type).toBe("rule");
    if (e.type !== "rule") return;
    const meta = getRule(id)!.meta;
    expect(e.explanation).toBe(meta.explanation);
    expect(e.fix).toBe(meta.fix);
    expect(e.preventsStatus).toEqual(meta.preventsStatus);
    expect(e.examples).toEqual(ruleExamples(id));
    if (id !== "internal-error") expect(e.examples?.good).toContain("apiVersion");
  });
});

describe("rule explanations say what the kubelet and the scheduler do", () => {
  const said = (id: string) => getRule(id)!.meta.explanation.replace(/\s+/g, " ");
  test("probe-timeout-exceeds-period: one attempt at a time, the next starts late, missed ticks dropped", () => {
    expect(said("probe-timeout-exceeds-period")).not.toMatch(/queue/);
    expect(said("probe-timeout-exceeds-period")).toContain("the next attempt starts late, right after it ends, and the ticks missed meanwhile are dropped (attempts never overlap)");
  });
  test("pvc-rwo-shared: a node-local volume puts the pods on one node, reported as info", async () => {
    expect(said("pvc-rwo-shared")).toContain("A node-local ReadWriteOnce volume (a local PersistentVolume, or a StorageClass provisioned by rancher.io/local-path or kubernetes.io/no-provisioner) cannot hang that way");
    const result = await lint(["fixtures/rules/pvc-rwo-shared/node-local.yaml"], { cwd: process.cwd(), config: {} });
    const found = result.files[0].diagnostics.filter((d) => d.ruleId === "pvc-rwo-shared").map((d) => [d.line, d.severity, d.message]);
    expect(found).toEqual([
      [49, "info", 'ReadWriteOnce claim "cache" is mounted by 2 replicas of Deployment "cache": its volume is node-local (StorageClass "local-path" provisions with rancher.io/local-path), so every pod runs on that one node'],
      [105, "info", 'ReadWriteOnce claim "scratch" is mounted by 3 replicas of Deployment "indexer": its volume is node-local (PersistentVolume "disk-node-1" is a local volume), so every pod runs on that one node'],
      [144, "warning", 'ReadWriteOncePod claim "ledger" is mounted by 2 replicas of Deployment "ledger"'],
    ]);
    const deployment = (name: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: a, image: "nginx:1.27", volumeMounts: [{name: d, mountPath: /d}]}]\n      volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]\n`;
    const claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {storageClassName: local, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n";
    const storageClass = "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n";
    const two = await lint(["-"], { stdin: [storageClass, claim, deployment("reader"), deployment("writer")].join("---\n"), config: {} });
    expect(two.files[0].diagnostics.filter((d) => d.ruleId === "pvc-rwo-shared").map((d) => [d.severity, d.message])).toEqual([
      ["info", 'ReadWriteOnce claim "data" is also mounted by Deployment "writer": its volume is node-local (StorageClass "local" provisions with kubernetes.io/no-provisioner), so their pods all run on that one node'],
      ["info", 'ReadWriteOnce claim "data" is also mounted by Deployment "reader": its volume is node-local (StorageClass "local" provisions with kubernetes.io/no-provisioner), so their pods all run on that one node'],
    ]);
  });
});

test("every exit code 0-255 has an explanation", () => {
  for (let code = 0; code <= 255; code++) {
    const e = explainExitCode(code);
    expect(e.code).toBe(code);
    expect(e.title.length).toBeGreaterThan(3);
    expect(e.meaning.length).toBeGreaterThan(40);
  }
});

test.each([
  [137, "SIGKILL", 9],
  [143, "SIGTERM", 15],
  [139, "SIGSEGV", 11],
  [130, "SIGINT", 2],
  [134, "SIGABRT", 6],
  [129, "SIGHUP", 1],
  [159, "SIGSYS", 31],
])("exit code %i is signal %s", (code, name, n) => {
  expect(explainExitCode(code).signal).toMatchObject({ name, number: n });
});

test("137 mentions OOMKilled; 126 and 127 are not executable / not found", () => {
  expect(explainExitCode(137).causes[0]).toMatch(/OOMKilled/);
  expect(explainExitCode(126).title).toMatch(/not executable/);
  expect(explainExitCode(127).title).toMatch(/not found/);
  expect(explainExitCode(0).title).toBe("success");
  expect(explainExitCode(1).signal).toBeUndefined();
  expect(explainExitCode(200).signal).toBeUndefined();
});

test.each([
  ["Init:0/3", "status", "Init:N/M"],
  ["init:2/2", "status", "Init:N/M"],
  ["Init:OOMKilled", "status", "OOMKilled"],
  ["Init:ExitCode:3", "exitCode", 3],
  ["ExitCode:127", "exitCode", 127],
  ["Signal:9", "exitCode", 137],
  ["SIGTERM", "exitCode", 143],
  ["OutOfpods", "status", "OutOfmemory"],
  ["BackOff", "status", "CrashLoopBackOff"],
  ["FailedScheduling", "status", "Unschedulable"],
  ["SchedulingGated", "status", "SchedulingGated"],
  ["NotReady", "status", "NotReady"],
  ["-1", "exitCode", 255],
])("%s resolves to %s %s", (query, type, target) => {
  const e = explainTopic(query);
  expect(e.type).toBe(type);
  expect(e.type === "exitCode" ? e.code : e.type === "status" ? e.name : undefined).toBe(target);
});

test("near misses get did-you-mean suggestions", () => {
  expect(explainTopic("CrashLoopBakOff")).toMatchObject({ type: "unknown", suggestions: expect.arrayContaining(["CrashLoopBackOff"]) });
  expect(explainTopic("ImagePullBakcOff")).toMatchObject({ type: "unknown", suggestions: expect.arrayContaining(["ImagePullBackOff"]) });
  expect(explainTopic("OOMKiled")).toMatchObject({ type: "unknown", suggestions: expect.arrayContaining(["OOMKilled"]) });
  expect(explainTopic("unrendered-templat")).toMatchObject({ type: "unknown", suggestions: expect.arrayContaining(["unrendered-template"]) });
});

describe("CLI", () => {
  test("explain <reason> prints the topic", async () => {
    const r = await cli(["explain", "crashloopbackoff"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^CrashLoopBackOff: /);
    expect(r.out).toContain("Common causes, most likely first");
    expect(r.out).toContain("kubectl logs <pod> -n <ns> -c <container> --previous");
  });

  test("explain <rule> prints explanation, fix and examples", async () => {
    const id = "image-latest-tag";
    const r = await cli(["explain", id]);
    expect(r.code).toBe(0);
    expect(r.out.replace(/\s+/g, " ")).toContain(getRule(id)!.meta.summary);
    expect(r.out).toContain("Fix");
    expect(r.out).toContain("Pod statuses it prevents");
    expect(r.out).toContain("Fails");
    expect(r.out).toContain(`  | ${ruleExamples(id)!.good.split("\n")[0]}`);
    expect(r.out).not.toContain("# expect:");
  });

  test("explain 137 names SIGKILL and OOMKilled", async () => {
    const r = await cli(["explain", "137"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("SIGKILL");
    expect(r.out).toContain("OOMKilled");
  });

  test("an unknown topic exits 2 with suggestions", async () => {
    const r = await cli(["explain", "CrashLoopBakOff"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain('did you mean "CrashLoopBackOff"');
  });

  test("--format json gives the structured answer", async () => {
    const r = await cli(["explain", "OOMKilled", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ type: "status", name: "OOMKilled", causes: expect.any(Array) });
  });

  test("--list lists every status topic and rule", async () => {
    const r = await cli(["explain", "--list"]);
    expect(r.code).toBe(0);
    for (const t of statusTopics) expect(r.out).toContain(t.name);
    for (const rule of allRules) expect(r.out).toContain(rule.meta.id);
  });

  test("no topic is a usage error", async () => {
    expect((await cli(["explain"])).code).toBe(2);
  });
});
