/** QoS derivation as the kubelet computes it, and the `k8s-lint qos` command. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { runQos } from "../src/cli/commands/qos.js";
import type { CliIO } from "../src/cli/io.js";
import { lint } from "../src/engine/lint.js";
import { PodSpec } from "../src/models/k8s.js";
import { fieldServedAt } from "../src/models/catalogue/history.js";
import { POD_LEVEL_RESOURCES_STAGES, defaultedPodLevelResources, podLevelResourcesKept } from "../src/models/pod-level-resources.js";
import { deriveQos, type QosClass } from "../src/models/qos.js";

const spec = (yaml: string) => PodSpec.parse(parse(yaml));

type Case = [string, string, QosClass, string | undefined];
const cases: Case[] = [
  ["no resources", "containers: [{name: a}]", "BestEffort", undefined],
  ["limits only: requests default to limits", "containers: [{name: a, resources: {limits: {cpu: 1, memory: 1Gi}}}]", "Guaranteed", undefined],
  ["equal requests and limits", "containers: [{name: a, resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {cpu: '0.5', memory: 1024Mi}}}]", "Guaranteed", undefined],
  ["requests below limits", "containers: [{name: a, resources: {requests: {cpu: 250m, memory: 1Gi}, limits: {cpu: 500m, memory: 1Gi}}}]", "Burstable", "a"],
  ["requests only", "containers: [{name: a, resources: {requests: {memory: 64Mi}}}]", "Burstable", "a"],
  ["cpu limit only", "containers: [{name: a, resources: {limits: {cpu: 1}}}]", "Burstable", "a"],
  ["memory limit only", "containers: [{name: a, resources: {limits: {memory: 1Gi}}}]", "Burstable", "a"],
  ["second container without resources", "containers: [{name: a, resources: {limits: {cpu: 1, memory: 1Gi}}}, {name: b}]", "Burstable", "b"],
  ["init container without resources", "initContainers: [{name: init}]\ncontainers: [{name: a, resources: {limits: {cpu: 1, memory: 1Gi}}}]", "Burstable", "init"],
  ["init container with equal limits", "initContainers: [{name: init, resources: {limits: {cpu: 100m, memory: 64Mi}}}]\ncontainers: [{name: a, resources: {limits: {cpu: 1, memory: 1Gi}}}]", "Guaranteed", undefined],
  ["only an init container sets resources", "initContainers: [{name: init, resources: {requests: {cpu: 100m}}}]\ncontainers: [{name: a}]", "Burstable", "init"],
  ["explicit zero request is not defaulted", "containers: [{name: a, resources: {requests: {cpu: '0'}, limits: {cpu: 1, memory: 1Gi}}}]", "Burstable", "a"],
  ["zero requests and limits count as unset", "containers: [{name: a, resources: {requests: {cpu: '0', memory: '0'}}}]", "BestEffort", undefined],
  ["other resources do not count", "containers: [{name: a, resources: {limits: {ephemeral-storage: 1Gi, nvidia.com/gpu: 1}}}]", "BestEffort", undefined],
  ["ephemeral containers do not count", "containers: [{name: a, resources: {limits: {cpu: 1, memory: 1Gi}}}]\nephemeralContainers: [{name: debug}]", "Guaranteed", undefined],
  ["pod-level resources decide", "resources: {limits: {cpu: 2, memory: 2Gi}}\ncontainers: [{name: a}, {name: b}]", "Guaranteed", undefined],
  ["pod-level without a memory limit", "resources: {requests: {cpu: 1}, limits: {cpu: 1}}\ncontainers: [{name: a, resources: {limits: {cpu: 1, memory: 1Gi}}}]", "Burstable", "(pod)"],
  ["pod-level limits, container requests below them: the pod-level requests default to their sum", "resources: {limits: {cpu: 1, memory: 512Mi}}\ncontainers: [{name: a, resources: {requests: {cpu: 100m, memory: 64Mi}}}]", "Burstable", "(pod)"],
  ["pod-level limits, container requests adding up to them", "resources: {limits: {cpu: 1, memory: 512Mi}}\ncontainers: [{name: a, resources: {requests: {cpu: 400m, memory: 256Mi}}}, {name: b, resources: {limits: {cpu: 600m, memory: 256Mi}}}]", "Guaranteed", undefined],
  ["pod-level limits, an init container's request counts by the larger", "resources: {limits: {cpu: 1, memory: 512Mi}}\ninitContainers: [{name: i, resources: {requests: {cpu: 1, memory: 512Mi}}}]\ncontainers: [{name: a, resources: {requests: {cpu: 100m, memory: 64Mi}}}]", "Guaranteed", undefined],
  ["pod-level limits, a sidecar's request adds to the app container's", "resources: {limits: {cpu: 1, memory: 512Mi}}\ninitContainers: [{name: s, restartPolicy: Always, resources: {requests: {cpu: 500m, memory: 256Mi}}}]\ncontainers: [{name: a, resources: {requests: {cpu: 500m, memory: 128Mi}}}]", "Burstable", "(pod)"],
  ["pod-level requests without limits are not defaulted", "resources: {requests: {cpu: 1, memory: 1Gi}}\ncontainers: [{name: a, resources: {limits: {cpu: 1, memory: 1Gi}}}]", "Burstable", "(pod)"],
  ["equal by value, different notation", "containers: [{name: a, resources: {requests: {memory: 1073741824}, limits: {memory: 1Gi, cpu: 1}}}]", "Guaranteed", undefined],
];

test.each(cases)("%s", (_name, yaml, qosClass, deciding) => {
  const d = deriveQos(spec(yaml));
  expect(d.qosClass).toBe(qosClass);
  expect(d.decidingContainer).toBe(deciding);
});

// defaultPodRequests and defaultHugePagePodLimits (pkg/apis/core/v1/defaults.go): [name, pod spec, requests, limits, summed].
const podLevelCases: Array<[string, string, Record<string, string>, Record<string, string>, string[]]> = [
  ["no pod-level limits: nothing defaulted", "resources: {requests: {cpu: 1}}\ncontainers: [{name: a, resources: {requests: {cpu: 2, memory: 1Gi}}}]", { cpu: "1" }, {}, []],
  ["requests summed where a container requests, else the limit", "resources: {limits: {cpu: 2, memory: 1Gi}}\ncontainers: [{name: a, resources: {requests: {cpu: 250m}}}, {name: b, resources: {limits: {cpu: 250m}}}]", { cpu: "500m", memory: "1Gi" }, { cpu: "2", memory: "1Gi" }, ["cpu"]],
  ["a written request is kept", "resources: {requests: {cpu: 1}, limits: {cpu: 2}}\ncontainers: [{name: a, resources: {requests: {cpu: 250m}}}]", { cpu: "1" }, { cpu: "2" }, []],
  ["an explicit zero container request counts", "resources: {limits: {cpu: 2}}\ncontainers: [{name: a, resources: {requests: {cpu: '0'}}}]", { cpu: "0" }, { cpu: "2" }, ["cpu"]],
  ["a hugepages limit from the containers lets the requests default", "resources: {requests: {cpu: 1}}\ncontainers: [{name: a, resources: {requests: {memory: 64Mi}, limits: {hugepages-2Mi: 4Mi}}}]", { cpu: "1", memory: "64Mi", "hugepages-2Mi": "4Mi" }, { "hugepages-2Mi": "4Mi" }, ["memory"]],
  ["a written hugepages request stops the hugepages limit", "resources: {requests: {cpu: 1, hugepages-2Mi: 2Mi}}\ncontainers: [{name: a, resources: {requests: {memory: 64Mi}, limits: {hugepages-2Mi: 4Mi}}}]", { cpu: "1", "hugepages-2Mi": "2Mi" }, {}, []],
];

test.each(podLevelCases)("pod-level defaults: %s", (_name, yaml, requests, limits, summed) => {
  const d = defaultedPodLevelResources(spec(yaml))!;
  expect(d.requests).toEqual(requests);
  expect(d.limits).toEqual(limits);
  expect([...d.summedFromContainers]).toEqual(summed);
});

test("the deciding path points into the template", () => {
  const d = deriveQos(spec("initContainers: [{name: init}]\ncontainers: [{name: a, resources: {limits: {cpu: 1, memory: 1Gi}}}]"), ["spec", "template", "spec"]);
  expect(d.decidingPath).toEqual(["spec", "template", "spec", "initContainers", 0]);
  expect(d.decidingInit).toBe(true);
  expect(d.reason).toContain('init container "init"');
});

const ACCEPTANCE = `apiVersion: v1
kind: Pod
metadata:
  name: limits-only
spec:
  containers:
    - name: app
      image: ghcr.io/acme/app:1.0.0
      resources:
        limits: {cpu: 500m, memory: 256Mi}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: burstable
  namespace: shop
spec:
  selector: {matchLabels: {app: b}}
  template:
    metadata: {labels: {app: b}}
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/app:1.0.0
          resources:
            requests: {cpu: 250m, memory: 128Mi}
            limits: {cpu: 500m, memory: 256Mi}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: besteffort
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: app
          image: ghcr.io/acme/app:1.0.0
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  annotations:
    k8s-lint.io/expected-qos: Guaranteed
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      initContainers:
        - name: init-permissions
          image: busybox:1.36
      containers:
        - name: db
          image: postgres:16.4
          resources:
            limits: {cpu: "2", memory: 4Gi}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: not-a-workload
`;

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {}, isTTY: false };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

describe("k8s-lint qos", () => {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-qos-"));
  writeFileSync(join(dir, "apps.yaml"), ACCEPTANCE);

  test("json: every workload with its class and the deciding container", async () => {
    const t = io(dir);
    expect(await runQos(["-f", "json", "apps.yaml"], t.cli)).toBe(0);
    const { workloads, summary } = JSON.parse(t.out());
    const byName = Object.fromEntries(workloads.map((w: { name: string }) => [w.name, w]));
    expect(Object.keys(byName).sort()).toEqual(["besteffort", "burstable", "db", "limits-only"]);
    expect(byName["limits-only"]).toMatchObject({ kind: "Pod", qosClass: "Guaranteed", file: "apps.yaml", line: 4 });
    expect(byName.burstable).toMatchObject({ kind: "Deployment", namespace: "shop", qosClass: "Burstable", container: "app", resource: "cpu" });
    expect(byName.besteffort).toMatchObject({ kind: "Job", qosClass: "BestEffort" });
    expect(byName.db).toMatchObject({ qosClass: "Burstable", container: "init-permissions", init: true, expected: "Guaranteed" });
    expect(summary).toEqual({ Guaranteed: 1, Burstable: 2, BestEffort: 1 });
  });

  test("table: one row per workload naming the deciding container", async () => {
    const t = io(dir);
    // A terminal wide enough for the whole table; narrower ones are tested with the wrapping.
    expect(await runQos(["apps.yaml"], { ...t.cli, isTTY: true, columns: 160 })).toBe(0);
    const text = t.out();
    expect(text).toMatch(/apps\.yaml:4\s+Pod\s+default\/limits-only\s+Guaranteed/);
    expect(text).toMatch(/StatefulSet\s+default\/db\s+Burstable \(expected Guaranteed\)\s+init container "init-permissions" \(cpu\)/);
    expect(text).toContain("4 workloads: 1 Guaranteed, 2 Burstable, 1 BestEffort");
  });

  test("a workload's line is where lint findings about the whole resource point: its metadata.name", async () => {
    const pods = "apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {app: a}\n  name: twin\nspec:\n  containers: [{name: a, image: nginx:1.27}]\n";
    writeFileSync(join(dir, "twins.yaml"), `${pods}---\n${pods}`);
    const t = io(dir);
    expect(await runQos(["-f", "json", "twins.yaml"], t.cli)).toBe(0);
    const lines = JSON.parse(t.out()).workloads.map((w: { line: number }) => w.line);
    const linted = await lint(["twins.yaml"], { cwd: dir, config: {} });
    const duplicate = linted.files[0].diagnostics.find((d) => d.ruleId === "duplicate-resource")!;
    expect(lines).toEqual([5, 13]);
    expect(lines).toContain(duplicate.line);
  });

  test("a workload whose findings are suppressed still gets the line of its name", async () => {
    // The command once learnt lines from findings, so a suppression lost them (line 2 here: the document's number).
    const suppressed = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n# k8s-lint-disable\napiVersion: v1\nkind: Pod\nmetadata:\n  name: quiet\n  annotations: {k8s-lint.io/ignore: \"*\"}\nspec:\n  containers: [{name: a, image: nginx:1.27}]\n";
    writeFileSync(join(dir, "suppressed.yaml"), suppressed);
    const t = io(dir);
    expect(await runQos(["-f", "json", "suppressed.yaml"], t.cli)).toBe(0);
    expect(JSON.parse(t.out()).workloads).toMatchObject([{ name: "quiet", line: 9 }]);
  });

  test("LimitRange defaults of the namespace count: admission writes them into every container", async () => {
    // The reviewer's repro: without its LimitRange the Deployment would be BestEffort.
    const limitRange = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults, namespace: team}\nspec:\n  limits:\n    - type: Container\n      defaultRequest: {cpu: 100m, memory: 128Mi}\n      default: {memory: 256Mi}\n";
    const deployment = (ns: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers:\n        - {name: api, image: "ghcr.io/acme/api:1.0"}\n`;
    writeFileSync(join(dir, "limitrange.yaml"), `${limitRange}---\n${deployment("team")}---\n${deployment("other")}`);
    const t = io(dir);
    expect(await runQos(["-f", "json", "limitrange.yaml"], t.cli)).toBe(0);
    const { workloads } = JSON.parse(t.out());
    expect(workloads).toMatchObject([
      { namespace: "team", qosClass: "Burstable", container: "api", resource: "cpu", reason: 'container "api" requests cpu 100m (the defaultRequest of LimitRange "defaults") but sets no cpu limit' },
      { namespace: "other", qosClass: "BestEffort" },
    ]);
  });

  test("the namespace of namespace-less workloads is the one the lint judges them in: the flag, else the config's", async () => {
    // The review's repro: with defaultNamespace team in the config, the lint applied team's LimitRange defaults and qos did not.
    const limitRange = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults, namespace: team}\nspec:\n  limits:\n    - type: Container\n      default: {cpu: 500m, memory: 256Mi}\n      defaultRequest: {cpu: 500m, memory: 256Mi}\n";
    const deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: \"ghcr.io/acme/api:1.0\"}]\n";
    const project = mkdtempSync(join(tmpdir(), "k8s-lint-qos-config-"));
    writeFileSync(join(project, "all.yaml"), `${limitRange}---\n${deployment}`);
    const classOf = async (args: string[]) => {
      const t = io(project);
      expect(await runQos(["-f", "json", ...args, "all.yaml"], t.cli)).toBe(0);
      return JSON.parse(t.out()).workloads.map((w: { namespace: string; qosClass: string }) => `${w.namespace} ${w.qosClass}`);
    };
    expect(await classOf([])).toEqual(["default BestEffort"]);
    expect(await classOf(["--default-namespace", "team"])).toEqual(["team Guaranteed"]);
    writeFileSync(join(project, ".k8s-lint.yaml"), "defaultNamespace: team\n");
    expect(await classOf([])).toEqual(["team Guaranteed"]);
    expect(await classOf(["--default-namespace", "other"])).toEqual(["other BestEffort"]);
    const lintResult = await lint([join(project, "all.yaml")], { config: { defaultNamespace: "team" } });
    expect(lintResult.files[0].diagnostics.filter((d) => d.ruleId.startsWith("qos-")).map((d) => `${d.ruleId} ${d.message.split(":")[0]}`)).toEqual(['qos-class pods get QoS class "Guaranteed"']);
  });

  test("pod-level resources count where the target release keeps them: --kubernetes-version, else the config's", async () => {
    // Only pod-level resources: Guaranteed from 1.34; before, the pods are created without them (dropped at 1.32-1.33, not served before).
    const deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cache}\nspec:\n  selector: {matchLabels: {app: cache}}\n  template:\n    metadata: {labels: {app: cache}}\n    spec:\n      resources:\n        limits: {cpu: \"1\", memory: 1Gi}\n      containers: [{name: cache, image: \"redis:7.4\"}]\n";
    const project = mkdtempSync(join(tmpdir(), "k8s-lint-qos-release-"));
    writeFileSync(join(project, "cache.yaml"), deployment);
    const rowOf = async (args: string[]) => {
      const t = io(project);
      expect(await runQos(["-f", "json", ...args, "cache.yaml"], t.cli)).toBe(0);
      return JSON.parse(t.out()).workloads[0];
    };
    expect(await rowOf([])).toMatchObject({ qosClass: "Guaranteed", reason: "the pod-level resources set cpu and memory limits, with requests equal to them" });
    expect(await rowOf(["--kubernetes-version", "1.34"])).toMatchObject({ qosClass: "Guaranteed" });
    for (const [asked, judged] of [["1.33", "1.33"], ["v1.31.4", "1.31"]]) {
      const row = await rowOf(["--kubernetes-version", asked]);
      expect(row.qosClass).toBe("BestEffort");
      expect(row.reason).toContain(`Kubernetes ${judged} does not keep the pod-level resources`);
    }
    writeFileSync(join(project, ".k8s-lint.yaml"), "kubernetesVersion: \"1.32\"\n");
    expect(await rowOf([])).toMatchObject({ qosClass: "BestEffort" });
    expect(await rowOf(["--kubernetes-version", "1.35"])).toMatchObject({ qosClass: "Guaranteed" });
    await expect(runQos(["--kubernetes-version", "1.x", "cache.yaml"], io(project).cli)).rejects.toThrow(/--kubernetes-version expects/);
  });

  test("an unset pod-level request is the containers' requests summed, from 1.34 (the reviewer's manifest)", async () => {
    const deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: mixed, annotations: {k8s-lint.io/expected-qos: Burstable}}\nspec:\n  selector: {matchLabels: {app: m}}\n  template:\n    metadata: {labels: {app: m}}\n    spec:\n      resources: {limits: {cpu: \"1\", memory: 512Mi}}\n      containers:\n      - name: a\n        image: nginx:1.25\n        resources: {requests: {cpu: 100m, memory: 64Mi}}\n";
    writeFileSync(join(dir, "mixed.yaml"), deployment);
    const t = io(dir);
    expect(await runQos(["-f", "json", "--kubernetes-version", "1.34", "mixed.yaml"], t.cli)).toBe(0);
    expect(JSON.parse(t.out()).workloads[0]).toMatchObject({
      qosClass: "Burstable",
      container: "(pod)",
      resource: "cpu",
      reason: "the pod-level resources request cpu 100m (unset, so the API server fills in the containers' requests, summed) but their limit is 1",
      expected: "Burstable",
    });
    const lintResult = await lint([join(dir, "mixed.yaml")], { config: { kubernetesVersion: "1.34" } });
    expect(lintResult.files[0].diagnostics.filter((d) => d.ruleId.startsWith("qos-")).map((d) => d.ruleId)).toEqual(["qos-class"]);
  });

  test("a restartable init container is a sidecar container from 1.29, an init container before", async () => {
    const deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      initContainers:\n      - name: proxy\n        image: envoyproxy/envoy:v1.30.0\n        restartPolicy: Always\n        resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}\n      containers:\n      - {name: app, image: nginx:1.25, resources: {limits: {cpu: 100m, memory: 64Mi}}}\n";
    writeFileSync(join(dir, "sidecar.yaml"), deployment);
    for (const [release, kind] of [["1.28", "init container"], ["1.29", "sidecar container"]]) {
      const json = io(dir);
      expect(await runQos(["-f", "json", "--kubernetes-version", release, "sidecar.yaml"], json.cli)).toBe(0);
      expect(JSON.parse(json.out()).workloads[0]).toMatchObject({ container: "proxy", init: true, sidecar: kind === "sidecar container", reason: `${kind} "proxy" requests cpu 50m but its limit is 100m` });
      const table = io(dir);
      expect(await runQos(["--kubernetes-version", release, "sidecar.yaml"], { ...table.cli, isTTY: true, columns: 200 })).toBe(0);
      expect(table.out()).toContain(`${kind} "proxy" (cpu)`);
    }
  });

  test("the PodLevelResources gate is as old as the field: before it, the release does not serve spec.resources", () => {
    // podLevelResourcesKept reads the gate alone; this pins that a release before the gate does not serve the field either.
    const firstGateRelease = POD_LEVEL_RESOURCES_STAGES[0].from;
    expect(fieldServedAt("v1", "Pod", "spec.resources", firstGateRelease)).toBe(true);
    expect(fieldServedAt("v1", "Pod", "spec.resources", "1.31")).toBe(false);
    expect(["1.31", "1.32", "1.33", "1.34", "1.36"].map(podLevelResourcesKept)).toEqual([false, false, false, true, true]);
  });

  test("an unknown format is a usage error", async () => {
    await expect(runQos(["-f", "xml", "apps.yaml"], io(dir).cli)).rejects.toThrow(/unknown format "xml"/);
  });

  test("qos-expected-mismatch names the init container that breaks Guaranteed", async () => {
    const result = await lint(["-"], { stdin: ACCEPTANCE, config: {} });
    const d = result.files[0].diagnostics.filter((x) => x.ruleId === "qos-expected-mismatch");
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('init container "init-permissions"');
    expect(d[0].path).toBe("spec.template.spec.initContainers[0].name");
    expect(d[0].severity).toBe("error");
  });
});
