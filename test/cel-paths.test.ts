/**
 * Paths users write (a custom rule's `path`, a plugin's `report({ path })` as a string): dotted
 * with numeric list indices or with brackets, placed like built-in findings. Lints
 * fixtures/custom-rules-paths with the built CLI and compares with the `# expect:` markers.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseUserPath } from "../src/rules/policy/field-path.js";
import type { LintResult } from "../src/types.js";
import { ROOT } from "./harness.js";

const BIN = join(ROOT, "dist", "bin", "k8s-lint.js");
const DIR = join(ROOT, "fixtures", "custom-rules-paths");
// unused-suppression too: the directive above a ConfigMap's first line silences its resource-level finding.
const USER_RULES = ["image-digest-pinned", "sidecar-port-named", "owner-annotation-email", "configmap-immutable", "container-name-short", "pull-policy-set", "unused-suppression"];

beforeAll(() => {
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

test("custom rule and plugin paths, dotted or bracketed, land on the lines their markers name; resource-level findings are silenced from above the resource", () => {
  const r = spawnSync(process.execPath, [BIN, "manifests.yaml", "-c", ".k8s-lint.yaml", "-f", "json"], { cwd: DIR, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  expect(r.stderr).toBe("");
  const result = JSON.parse(r.stdout) as LintResult;
  const found = result.files[0].diagnostics.filter((d) => USER_RULES.includes(d.ruleId)).map((d) => `${d.line} ${d.ruleId}`);
  const expected = readFileSync(join(DIR, "manifests.yaml"), "utf8")
    .split("\n")
    .flatMap((line, i) => (/# expect: (.*)$/.exec(line)?.[1].split(",").map((id) => `${i + 1} ${id.trim()}`) ?? []));
  expect(found.sort()).toEqual(expected.sort());
});

test("one reading of a user path: dots, numeric segments, brackets, quoted keys", () => {
  expect(parseUserPath("spec.template.spec.containers.0.image")).toEqual(["spec", "template", "spec", "containers", 0, "image"]);
  expect(parseUserPath(".spec.containers[0].ports[1]")).toEqual(["spec", "containers", 0, "ports", 1]);
  expect(parseUserPath("metadata.annotations['example.com/owner']")).toEqual(["metadata", "annotations", "example.com/owner"]);
  expect(parseUserPath('data["a.b"].x')).toEqual(["data", "a.b", "x"]);
  expect(parseUserPath("metadata.labels.app/name")).toEqual(["metadata", "labels", "app/name"]);
  for (const bad of ["spec..replicas", "spec.containers[x]", "spec[", "spec.", ""]) expect(parseUserPath(bad)).toBeUndefined();
});

test("a custom rule path that does not parse is a config error, not a finding at the kind", () => {
  const dir = mkdtempSync(join(tmpdir(), "cel-paths-"));
  writeFileSync(join(dir, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
  writeFileSync(join(dir, ".k8s-lint.yaml"), "customRules:\n  - id: bad-path\n    expression: has(object.data)\n    message: data\n    path: data..x\n");
  const r = spawnSync(process.execPath, [BIN, "a.yaml"], { cwd: dir, encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('.k8s-lint.yaml:5:11: custom rule "bad-path": path "data..x" does not parse');
});
