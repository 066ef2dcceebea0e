/**
 * A configured severity sets the rule's level and keeps the rule's own lowering: the finding a
 * rule reports below its default moves with the rule, by the same number of steps, never below
 * info (src/engine/severity.ts). Proven through `--rule` and through a config file on
 * fixtures/severity/lowered-findings.yaml, where privileged-container (default warning) lowers
 * the DaemonSet's finding to info.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../src/cli/run.js";
import { reportedSeverity } from "../src/engine/severity.js";
import type { Diagnostic, LintResult, Severity, SeveritySetting } from "../src/types.js";
import { ROOT } from "./harness.js";

const FIXTURE = join(ROOT, "fixtures", "severity", "lowered-findings.yaml");

async function cli(args: string[]): Promise<LintResult> {
  let out = "";
  await run(["-f", "json", ...args], { stdout: (t) => (out += t), stderr: () => {}, cwd: ROOT, env: {}, isTTY: false });
  return JSON.parse(out) as LintResult;
}

/** Severity of the privileged-container finding per kind: { Pod, DaemonSet }. */
function byKind(result: LintResult): Record<string, Severity> {
  const found: Diagnostic[] = result.files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === "privileged-container");
  return Object.fromEntries(found.map((d) => [d.resource.kind, d.severity]));
}

function configFile(severity: SeveritySetting): string {
  const file = join(mkdtempSync(join(tmpdir(), "k8s-lint-severity-")), ".k8s-lint.yaml");
  writeFileSync(file, `rules:\n  privileged-container: ${severity}\n`);
  return file;
}

const cases: Array<[SeveritySetting | "default", Record<string, Severity>]> = [
  ["default", { Pod: "warning", DaemonSet: "info" }],
  // The rule's own level: nothing moves (the lowered finding was raised to warning before).
  ["warning", { Pod: "warning", DaemonSet: "info" }],
  ["error", { Pod: "error", DaemonSet: "warning" }],
  ["info", { Pod: "info", DaemonSet: "info" }],
];

describe.each(cases)("privileged-container at %s", (severity, expected) => {
  test("through --rule", async () => {
    const args = severity === "default" ? [] : ["--rule", `privileged-container=${severity}`];
    expect(byKind(await cli([...args, FIXTURE]))).toEqual(expected);
  });
  test("through a config file", async () => {
    if (severity === "default") return expect(byKind(await cli([FIXTURE]))).toEqual(expected);
    expect(byKind(await cli(["-c", configFile(severity), FIXTURE]))).toEqual(expected);
  });
});

test("--rule wins over the config file, with the same semantics", async () => {
  expect(byKind(await cli(["-c", configFile("info"), "--rule", "privileged-container=error", FIXTURE]))).toEqual({ Pod: "error", DaemonSet: "warning" });
});

test("off silences the lowered findings too", async () => {
  expect(byKind(await cli(["--rule", "privileged-container=off", FIXTURE]))).toEqual({});
});

describe("reportedSeverity", () => {
  test.each([
    // found, rule default, configured -> reported
    ["info", "warning", undefined, "info"],
    ["info", "warning", "error", "warning"],
    ["info", "error", "warning", "info"],
    ["warning", "error", "warning", "info"],
    ["warning", "error", "info", "info"],
    ["info", "error", "error", "info"],
    ["error", "warning", "info", "warning"],
    ["error", "warning", "error", "error"],
    [undefined, "warning", "error", "error"],
    [undefined, "warning", undefined, "warning"],
    ["warning", undefined, "info", "info"],
    [undefined, undefined, undefined, "error"],
  ] as const)("%s finding of a %s rule configured %s is %s", (found, ruleDefault, configured, reported) => {
    expect(reportedSeverity(found, ruleDefault, configured)).toBe(reported);
  });
});

test("webhook-service-missing: an error when failurePolicy is Fail (the admissionregistration.k8s.io/v1 default), a warning when Ignore (the v1beta1 default) and for the conversion webhook of a CRD with one version", async () => {
  const severities = async (file: string, version: string) => {
    const result = await cli(["--kubernetes-version", version, join(ROOT, "fixtures", "rules", "webhook-service-missing", file)]);
    return result.files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === "webhook-service-missing").map((d) => `${d.line} ${d.severity}`);
  };
  expect(await severities("admission-webhooks.yaml", "1.34")).toEqual(["39 error", "47 error", "56 warning", "82 warning"]);
  expect(await severities("ports.yaml", "1.34")).toEqual(["46 error", "51 error", "62 warning"]);
  expect(await severities("v1beta1.yaml", "1.21")).toEqual(["27 warning", "46 error", "71 error"]);
  // A CRD with one version: the API server does not call its conversion webhook yet.
  expect(await severities("crd-conversion-one-version.yaml", "1.21")).toEqual(["43 warning", "72 warning", "92 warning"]);
  expect(await severities("crd-conversion.yaml", "1.34")).toEqual(["47 error"]);
});
