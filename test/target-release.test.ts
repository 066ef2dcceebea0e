/** The target release: its syntax on the command line and in the config, its range, the default. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../src/cli/run.js";
import fc from "fast-check";
import { compareVersions, releaseOf, targetRelease } from "../src/models/catalogue/releases.js";
import { CATALOGUE_KUBERNETES_VERSION, OLDEST_KUBERNETES_VERSION } from "../src/models/kubernetes-version.js";
import type { LintResult } from "../src/types.js";
import { ROOT } from "./harness.js";

async function cli(args: string[], cwd = ROOT) {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, env: {}, isTTY: false });
  return { code, out, err };
}

const SIDECAR = "fixtures/rules/feature-gated-field/sidecar.yaml";
const ruleIds = (out: string) => (JSON.parse(out) as LintResult).files.flatMap((f) => f.diagnostics.map((d) => `${d.line} ${d.ruleId}`));

test.each([
  ["1.30", "1.30"],
  ["v1.30", "1.30"],
  ["1.30.2", "1.30"],
  ["v1.30.2", "1.30"],
  // What `kubectl version` prints on managed and packaged clusters: judged by major.minor.
  ["v1.30.2-gke.1", "1.30"],
  ["v1.30.2+k3s1", "1.30"],
  ["v1.29.8-eks-a737599", "1.29"],
  ["v1.31.1-aks.2", "1.31"],
  ["v1.30.0-rc.1", "1.30"],
  ["1.30-gke.1", undefined],
  [" 1.28 ", "1.28"],
  ["latest", undefined],
  ["1", undefined],
  ["1.30.2.1", undefined],
  ["1.x", undefined],
])("%j names the release %j", (text, release) => {
  expect(releaseOf(text)).toBe(release);
});

test("the config schema takes the syntax the flag takes", async () => {
  const { configSchema } = await import("../src/config/schema.js");
  const { RELEASE_SYNTAX } = await import("../src/models/catalogue/releases.js");
  for (const v of ["1.30", "v1.30.2-gke.1", "v1.30.2+k3s1", "1.30-rc", "latest"]) {
    expect(configSchema.safeParse({ kubernetesVersion: v }).success).toBe(RELEASE_SYNTAX.test(v));
  }
});

test("a release older than the history is an error naming the range; a newer one is judged as the newest with a warning", () => {
  expect(targetRelease("1.18")).toEqual({ error: `names Kubernetes 1.18, older than the releases k8s-lint knows: ${OLDEST_KUBERNETES_VERSION} to ${CATALOGUE_KUBERNETES_VERSION}` });
  expect(targetRelease(OLDEST_KUBERNETES_VERSION)).toEqual({ release: OLDEST_KUBERNETES_VERSION });
  const newer = `1.${Number(CATALOGUE_KUBERNETES_VERSION.split(".")[1]) + 1}.0`;
  expect(targetRelease(newer)).toEqual({
    release: CATALOGUE_KUBERNETES_VERSION,
    warning: expect.stringContaining(`is newer than the newest release k8s-lint knows (${CATALOGUE_KUBERNETES_VERSION}): judged as ${CATALOGUE_KUBERNETES_VERSION}`),
  });
});

test("--kubernetes-version takes 1.28, v1.28, 1.28.3 and v1.28.3-gke.1200 alike, and reports at that release", async () => {
  const results = await Promise.all(["1.28", "v1.28", "1.28.3", "v1.28.3", "v1.28.3-gke.1200"].map((v) => cli([SIDECAR, "-f", "json", "--kubernetes-version", v])));
  for (const r of results) {
    expect(r.err).toBe("");
    expect((JSON.parse(r.out) as LintResult).kubernetesVersion).toBe("1.28");
    expect(JSON.parse(r.out)).not.toHaveProperty("requestedKubernetesVersion");
    expect(ruleIds(r.out)).toContain("19 feature-gated-field");
  }
  const at127 = await cli([SIDECAR, "-f", "json", "--kubernetes-version", "1.27"]);
  expect(ruleIds(at127.out)).toContain("19 unknown-field");
});

test("at 1.28 a sidecar with a probe or lifecycle hook is refused (an error); one without is dropped to an init container (a warning)", async () => {
  const r = await cli(["fixtures/rules/feature-gated-field/sidecar-refused.yaml", "-f", "json", "--kubernetes-version", "1.28"]);
  const gated = (JSON.parse(r.out) as LintResult).files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === "feature-gated-field").map((d) => `${d.line} ${d.severity}`));
  expect(gated).toEqual(["21 error", "29 warning"]);
});

test("without a target the newest release the catalogue knows is judged", async () => {
  const r = await cli([SIDECAR, "-f", "json"]);
  expect((JSON.parse(r.out) as LintResult).kubernetesVersion).toBe(CATALOGUE_KUBERNETES_VERSION);
  expect(ruleIds(r.out).filter((x) => /unknown-field|feature-gated-field/.test(x))).toEqual([]);
});

test("a target newer than the catalogue is judged as the newest, with one warning", async () => {
  const newer = `1.${Number(CATALOGUE_KUBERNETES_VERSION.split(".")[1]) + 1}`;
  const r = await cli([SIDECAR, "-f", "json", "--kubernetes-version", newer]);
  expect(r.code).toBe(0);
  expect((JSON.parse(r.out) as LintResult).kubernetesVersion).toBe(CATALOGUE_KUBERNETES_VERSION);
  // The JSON names the release asked for too, as it is not the one judged.
  expect((JSON.parse(r.out) as LintResult).requestedKubernetesVersion).toBe(newer);
  expect(r.err).toBe(`k8s-lint: warning: Kubernetes ${newer} is newer than the newest release k8s-lint knows (${CATALOGUE_KUBERNETES_VERSION}): judged as ${CATALOGUE_KUBERNETES_VERSION}\n`);
});

test.each(["1.18", "1.30-rc", "latest"])("--kubernetes-version %s is a usage error, exit 2", async (v) => {
  const r = await cli([SIDECAR, "--kubernetes-version", v]);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err).toMatch(v === "1.18" ? /--kubernetes-version names Kubernetes 1\.18, older than the releases k8s-lint knows: 1\.19 to / : /--kubernetes-version expects a release such as 1\.30, v1\.30 or 1\.30\.2/);
});

describe("the config's kubernetesVersion", () => {
  const project = (version: string) => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-target-"));
    writeFileSync(join(dir, ".k8s-lint.yaml"), `kubernetesVersion: "${version}"\n`);
    writeFileSync(join(dir, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  os: {name: linux}\n  containers: [{name: c, image: \"busybox:1.36\"}]\n");
    return dir;
  };

  test("takes the same syntax and is judged like the flag, which wins over it", async () => {
    const dir = project("v1.22.4");
    const r = await cli(["pod.yaml", "-f", "json"], dir);
    expect((JSON.parse(r.out) as LintResult).kubernetesVersion).toBe("1.22");
    expect(ruleIds(r.out)).toContain("5 unknown-field");
    const flag = await cli(["pod.yaml", "-f", "json", "--kubernetes-version", "1.23"], dir);
    expect(ruleIds(flag.out)).not.toContain("5 unknown-field");
  });

  test("older than the history is a config error naming the range", async () => {
    const r = await cli(["pod.yaml"], project("1.16"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("names Kubernetes 1.16, older than the releases k8s-lint knows: 1.19 to");
  });

  test.each([
    ["1.30", 'kubernetesVersion 1.30 is read as the number 1.3 (YAML drops the trailing zero): quote it, kubernetesVersion: "1.30" at "kubernetesVersion"'],
    ["1.3", 'kubernetesVersion 1.3 is a number, and ambiguous: unquoted, 1.30 is read as 1.3 too; if you mean Kubernetes 1.30, quote it, kubernetesVersion: "1.30" at "kubernetesVersion"'],
    ["1.29", 'kubernetesVersion 1.29 is a number: quote it, kubernetesVersion: "1.29" at "kubernetesVersion"'],
  ])("unquoted %s (a YAML number) is a config error that says to quote it", async (written, message) => {
    const dir = project("1.30");
    writeFileSync(join(dir, ".k8s-lint.yaml"), `# target\nkubernetesVersion: ${written}\n`);
    const r = await cli(["pod.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`.k8s-lint.yaml:2:20: ${message}\n`);
  });

  test("newer than the catalogue warns once", async () => {
    const r = await cli(["pod.yaml", "-f", "json"], project("v1.99.1-gke.3"));
    expect((JSON.parse(r.out) as LintResult).kubernetesVersion).toBe(CATALOGUE_KUBERNETES_VERSION);
    expect((JSON.parse(r.out) as LintResult).requestedKubernetesVersion).toBe("1.99");
    expect(r.err.match(/warning/g)).toHaveLength(1);
  });
});

describe("compareVersions", () => {
  /** The general definition: strip one "v", split on dots, parseInt each part (0 when unparsable), a missing part is 0. */
  const byParts = (a: string, b: string) => {
    const pa = a.replace(/^v/, "").split(".").map((x) => Number.parseInt(x, 10) || 0);
    const pb = b.replace(/^v/, "").split(".").map((x) => Number.parseInt(x, 10) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const d = (pa[i] ?? 0) - (pb[i] ?? 0);
      if (d) return d;
    }
    return 0;
  };

  test.each([
    ["1.30", "1.4", 26],
    ["1.30", "v1.30.0", 0],
    ["1.30", "1.30.", 0],
    ["1.9", "1.10", -1],
    ["", "0", 0],
    ["1.30-rc", "1.30", 0],
    ["x.2", "0.2", 0],
    ["1.0000000000000000000001", "1", 1],
  ])("%s against %s: %d", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(Math.sign(sign));
    expect(compareVersions(a, b)).toBe(byParts(a, b));
  });

  test("the in-place comparison of digits and dots gives what the general definition gives", () => {
    const part = fc.oneof(fc.stringMatching(/^[0-9]{0,3}$/), fc.stringMatching(/^[0-9]{14,18}$/), fc.constantFrom("", "v", "-rc.1", " 2", "+3", "a"));
    const version = fc.tuple(fc.boolean(), fc.array(part, { minLength: 0, maxLength: 4 })).map(([v, parts]) => (v ? "v" : "") + parts.join("."));
    fc.assert(fc.property(version, version, (a, b) => compareVersions(a, b) === byParts(a, b)), { numRuns: 5000 });
  });
});
