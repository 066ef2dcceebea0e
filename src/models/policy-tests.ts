/**
 * The files policy test suites feed to policies: objects a test submits to a policy as if they
 * were applied, often broken on purpose, never applied themselves.
 *
 * - gator, Gatekeeper's test runner: a Suite (test.gatekeeper.sh/v1alpha1) lists per test its
 *   cases, each with the `object` it reviews and the `inventory` objects the policy may look up
 *   (github.com/open-policy-agent/gatekeeper/pkg/gator/verify/suite.go, Case), relative to the
 *   Suite's file.
 * - the Kyverno CLI: a Test (cli.kyverno.io/v1alpha1) lists the `resources` its policies are
 *   applied to, with `targetResources`, `paramResources` and `clusterResources` for what they
 *   may look up, and per result the objects it expects them to produce (`patchedResources`, once
 *   `patchedResource`, `generatedResource`, `generatedResources`, `cloneSourceResource`)
 *   (github.com/kyverno/kyverno/cmd/cli/kubectl-kyverno/apis/v1alpha1/test.go, test_result.go),
 *   relative to the Test's file.
 * - Chainsaw, Kyverno's end-to-end test runner: the operations of a Test's steps (a TestStep's
 *   spec) in try, catch, finally and cleanup name files (github.com/kyverno/chainsaw
 *   pkg/apis/v1alpha1 test_step.go, operation.go). An `assert` or `error` file is a partial
 *   object the cluster's objects are compared with, a `patch` file one merged into an object;
 *   what `apply`, `create` and `update` send is often partial too (applied onto an object an
 *   earlier step made), holds Chainsaw's expressions (`($namespace)`), or is meant to be
 *   rejected (an `expect` on `$error`). A glob or an expression in place of a path names no one
 *   file.
 *
 * The template, constraint and policies a suite tests are what a cluster runs; they are not
 * test inputs, and are linted. But the Kyverno CLI applies the policies a Test lists to that
 * Test's resources only (policyTestSubjects): a ValidatingAdmissionPolicy and its binding kept
 * in one test's folder are not what the cluster applies to the rest of the repository.
 */
import { groupOf } from "./api-groups.js";

type Obj = Record<string, unknown>;

const isMap = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string" && s !== "") : typeof v === "string" && v !== "" ? [v] : []);
const maps = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isMap) : []);

export interface PolicyTestInput {
  /** As written: relative to the folder of the file that names it. */
  path: string;
  /** What reads it, for the listing of recognised documents. */
  tool: string;
}

/** The test inputs a document names, when it is a gator Suite, a Kyverno CLI Test, a Chainsaw Test or a clusterloader2 config; none otherwise. */
export function policyTestInputs(value: Obj): PolicyTestInput[] {
  const apiVersion = typeof value.apiVersion === "string" ? value.apiVersion : "";
  const group = groupOf(apiVersion);
  if (group === "test.gatekeeper.sh" && value.kind === "Suite") {
    return maps(value.tests).flatMap((t) => maps(t.cases).flatMap((c) => [...strings(c.object), ...strings(c.inventory)])).map((path) => ({ path, tool: "gator Suite test case" }));
  }
  if (group === "cli.kyverno.io" && value.kind === "Test") {
    const inputs = KYVERNO_TEST_INPUTS.flatMap((field) => strings(value[field]));
    const outputs = maps(value.results).flatMap((r) => KYVERNO_TEST_OUTPUTS.flatMap((field) => strings(r[field])));
    return [...inputs.map((path) => ({ path, tool: "Kyverno CLI test resource" })), ...outputs.map((path) => ({ path, tool: "Kyverno CLI expected resource" }))];
  }
  if (group === "chainsaw.kyverno.io" && isMap(value.spec)) {
    if (value.kind === "Test") return maps(value.spec.steps).flatMap((step) => (isMap(step) ? chainsawStepFiles(step) : []));
    if (value.kind === "TestStep") return chainsawStepFiles(value.spec);
  }
  if (apiVersion === "" && value.kind === undefined) return clusterLoaderTemplates(value).map((path) => ({ path, tool: "clusterloader2 object template" }));
  return [];
}

/**
 * The object templates a clusterloader2 test config names (kubernetes/perf-tests
 * clusterloader2/api/types.go: steps[].phases[].objectBundle[].objectTemplatePath): Go templates
 * it fills in (`{{.Name}}`) for each object it creates, never applied as written.
 */
function clusterLoaderTemplates(value: Obj): string[] {
  return maps(value.steps).flatMap((step) => maps(step.phases).flatMap((phase) => maps(phase.objectBundle).flatMap((bundle) => strings(bundle.objectTemplatePath))));
}

/** An objectTemplatePath line of a clusterloader2 config, its path written plain or quoted (no template action in it). */
const OBJECT_TEMPLATE_LINE = /^[ \t]*(?:-[ \t]+)?objectTemplatePath:[ \t]*(["']?)([^"'\s#{}]+)\1[ \t]*(?:#.*)?$/gm;

/**
 * The object templates a clusterloader2 config names when the config is itself a Go template
 * (`{{$jobs := DefaultParam .CL2_JOBS 10}}` lines before the YAML, as clusterloader2 renders its
 * configs before reading them, which YAML cannot parse): read from the text, in a file whose
 * text has an objectBundle.
 */
export function templatedClusterLoaderTemplates(text: string): Array<{ path: string; tool: string }> {
  if (!text.includes("objectBundle")) return [];
  return [...text.matchAll(OBJECT_TEMPLATE_LINE)].map((m) => ({ path: m[2], tool: "clusterloader2 object template" }));
}

/** The fields of a Kyverno CLI Test that list the objects its policies are applied to or look up. */
const KYVERNO_TEST_INPUTS = ["resources", "targetResources", "paramResources", "clusterResources"];
/** The fields of a Kyverno CLI Test's result that name the objects its policies are expected to produce. */
const KYVERNO_TEST_OUTPUTS = ["patchedResources", "patchedResource", "generatedResource", "generatedResources", "cloneSourceResource"];

/** The policy files a Kyverno CLI Test applies to its resources (Test.policies, relative to the Test's file); none for another document. */
export function policyTestSubjects(value: Obj): string[] {
  const group = groupOf(typeof value.apiVersion === "string" ? value.apiVersion : "");
  return group === "cli.kyverno.io" && value.kind === "Test" ? strings(value.policies) : [];
}

/** The Chainsaw operations that name a file (FileRef). */
const CHAINSAW_FILE_OPERATIONS = ["apply", "create", "update", "patch", "assert", "error", "delete"];

/** A path that names one file: no glob, no Chainsaw expression, no URL, not standard input. */
const isFilePath = (path: string): boolean => path !== "" && path !== "-" && !/[*?[($]/.test(path) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(path);

/**
 * The files one step names: its operations' `file` (CHAINSAW_FILE_OPERATIONS; a step's blocks are
 * lists of operations), the files its scripts give to kubectl (scriptFiles), and a binding of a
 * step template it uses whose value is a YAML or JSON file (`use: {template:
 * ../_step-templates/create-policy.yaml, with: {bindings: [{name: file, value: policy.yaml}]}}`,
 * as kyverno's conformance tests apply their policies).
 */
function chainsawStepFiles(step: Obj): PolicyTestInput[] {
  const out: PolicyTestInput[] = [];
  for (const block of ["try", "catch", "finally", "cleanup"]) {
    for (const operation of maps(step[block])) {
      for (const name of CHAINSAW_FILE_OPERATIONS) {
        const action = operation[name];
        const file = isMap(action) ? action.file : undefined;
        if (typeof file === "string" && isFilePath(file)) out.push({ path: file, tool: `Chainsaw ${name} file` });
      }
      const script = operation.script;
      if (isMap(script) && typeof script.content === "string") for (const path of scriptFiles(script.content)) out.push({ path, tool: "Chainsaw script's kubectl file" });
    }
  }
  const use = isMap(step.use) && isMap(step.use.with) ? step.use.with : undefined;
  for (const binding of maps(use?.bindings)) {
    const value = binding.value;
    if (typeof value === "string" && /\.(?:ya?ml|json)$/i.test(value) && isFilePath(value)) out.push({ path: value, tool: "Chainsaw step template file" });
  }
  return out;
}

/** A kubectl command that sends files to the cluster, up to the end of its command (a newline, ";", "|" or "&"). */
const KUBECTL_FILE_COMMAND = /\bkubectl\s+(?:apply|create|replace|delete)\b[^\n;|&]*/g;
/** A file argument of such a command: `-f x.yaml`, `-f=x.yaml`, `--filename x.yaml`, `--filename=x.yaml`. */
const FILE_ARGUMENT = /(?:^|\s)(?:-f|--filename)(?:\s+|=)(\S+)/g;

/** The files a Chainsaw script gives to kubectl (`kubectl apply -f new-deployment.yaml`), unquoted, that name one file each. */
function scriptFiles(content: string): string[] {
  const out: string[] = [];
  for (const command of content.matchAll(KUBECTL_FILE_COMMAND)) {
    for (const argument of command[0].matchAll(FILE_ARGUMENT)) {
      const path = argument[1].replace(/^(["'])(.*)\1$/, "$2");
      if (isFilePath(path)) out.push(path);
    }
  }
  return out;
}
