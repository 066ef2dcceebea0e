/**
 * Rule scope and the run context: the engine calls a rule only for the kinds its `appliesTo`
 * names, only a cross-resource rule sees the index, and per-run data is built once per run.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { lint } from "../src/engine/lint.js";
import { memoKey } from "../src/models/run-memo.js";
import { POD_SPEC_KINDS, WORKLOAD_KINDS } from "../src/models/workloads.js";
import { describeScope } from "../src/rules/scope.js";
import { defineRule, type RuleMeta } from "../src/rules/types.js";
import { ROOT } from "./harness.js";

const META: Omit<RuleMeta, "id" | "crossResource"> = { category: "meta", severity: "error", summary: "a rule of the scope tests", explanation: "", fix: "", preventsStatus: [] };

const doc = (kind: string, apiVersion = "v1") => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`;
const INPUT = [
  doc("Pod") + "spec:\n  containers:\n    - name: a\n      image: nginx:1.27\n",
  doc("PodTemplate") + "template:\n  spec:\n    containers:\n      - name: a\n        image: nginx:1.27\n",
  doc("Deployment", "apps/v1"),
  doc("Service"),
  doc("ConfigMap"),
].join("---\n");

async function kindsSeen(appliesTo: RuleMeta["appliesTo"]): Promise<string[]> {
  const seen: string[] = [];
  const rule = defineRule({ ...META, id: "records-kinds", appliesTo, check: ({ resource }) => void seen.push(resource.kind) });
  await lint(["-"], { stdin: INPUT, config: {}, ruleSet: [rule] });
  return seen;
}

test("a rule is called for the kinds of its scope only", async () => {
  expect(await kindsSeen(undefined)).toEqual(["Pod", "PodTemplate", "Deployment", "Service", "ConfigMap"]);
  expect(await kindsSeen("workloads")).toEqual(["Pod", "Deployment"]);
  expect(await kindsSeen("pod-templates")).toEqual(["Pod", "PodTemplate", "Deployment"]);
  expect(await kindsSeen(["Service", "ConfigMap"])).toEqual(["Service", "ConfigMap"]);
  expect(await kindsSeen(["Service", "workloads"])).toEqual(["Pod", "Deployment", "Service"]);
});

test("a bare PodTemplate carries a pod spec but runs no pods", () => {
  expect(WORKLOAD_KINDS.has("PodTemplate")).toBe(false);
  expect(POD_SPEC_KINDS.has("PodTemplate")).toBe(true);
  for (const kind of WORKLOAD_KINDS) expect(POD_SPEC_KINDS.has(kind)).toBe(true);
  expect(describeScope("workloads")).toBe("workloads (Pod, Deployment, ReplicaSet, ReplicationController, StatefulSet, DaemonSet, Job, CronJob, Rollout)");
  expect(describeScope(["Service", "Ingress"])).toBe("Service, Ingress");
  expect(describeScope(undefined)).toBe("every resource");
});

test("only a rule whose meta says crossResource gets the index", async () => {
  const contexts: Record<string, boolean> = {};
  const single = defineRule({ ...META, id: "single", check: (ctx) => void (contexts.single = "index" in ctx) });
  const cross = defineRule({ ...META, id: "cross", crossResource: true, check: (ctx) => void (contexts.cross = ctx.index.ofKind("Service").length === 1) });
  await lint(["-"], { stdin: INPUT, config: {}, ruleSet: [single, cross] });
  expect(contexts).toEqual({ single: false, cross: true });
});

test("ctx.memo builds a value once per run, for every rule and resource of it", async () => {
  const KEY = memoKey<number>("a counter");
  let builds = 0;
  const memoRule = (id: string) => defineRule({ ...META, id, check: ({ memo }) => void memo(KEY, () => ++builds) });
  await lint(["-"], { stdin: INPUT, config: {}, ruleSet: [memoRule("first"), memoRule("second")] });
  expect(builds).toBe(1);
  await lint(["-"], { stdin: INPUT, config: {}, ruleSet: [memoRule("first")] });
  expect(builds).toBe(2);
});

/** The acceptance of issue 13, kept: what `appliesTo` and `ctx.memo` replace does not come back. */
describe("rule sources", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? files(join(dir, e)) : e.endsWith(".ts") ? [join(dir, e)] : []));
  const sources = files(join(ROOT, "src/rules")).map((f) => ({ f, text: readFileSync(f, "utf8") }));

  test("no module-level cache: per-run data goes through the memo", () => {
    expect(sources.filter(({ text }) => /new WeakMap\b/.test(text)).map(({ f }) => f)).toEqual([]);
  });

  test("no check opens with a kind or pod-template guard", () => {
    const guard = /check\([^)]*\)\s*\{\s*(?:const \{[^}]*\} = ctx;\s*)?(?:if \(resource\.kind [!=]==|const tpl = (?:resource\.podTemplate|runningPods\(resource\));\s*if \(!tpl)/;
    expect(sources.filter(({ text }) => guard.test(text)).map(({ f }) => f)).toEqual([]);
  });

});

test("the compiler rejects a single-resource rule that reads the index (checked by `npm run typecheck`)", () => {
  const rule = defineRule({
    ...META,
    id: "reads-index-unannounced",
    // @ts-expect-error: the index is only in the context of a rule with crossResource: true
    check: ({ index }) => void index.all,
  });
  expect(rule.meta.crossResource).toBeUndefined();
});
