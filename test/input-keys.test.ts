/**
 * Names from the input that every JavaScript object answers to (`constructor`, `toString`,
 * `__proto__`...) are data: they never reach Object.prototype, so they are reported like any
 * other unknown name and never print a JavaScript internal.
 */
import type { CliIO } from "../src/cli/io.js";
import { run } from "../src/cli/run.js";
import { lint } from "../src/engine/lint.js";
import { ROOT } from "./harness.js";

const MEMBER_FIXTURES = [
  "fixtures/rules/unknown-field/object-member-names.yaml",
  "fixtures/rules/unknown-api-version/object-member-kinds.set",
  "fixtures/rules/invalid-cron-schedule/object-member-names.yaml",
  "fixtures/rules/image-invalid/object-member-names.yaml",
  "fixtures/rules/hpa-invalid-metric/object-member-names.yaml",
];

test("no message or hint about an object-member name shows a JavaScript internal", async () => {
  const result = await lint(MEMBER_FIXTURES, { cwd: ROOT, config: {} });
  const said = result.files.flatMap((f) => f.diagnostics.map((d) => `${d.ruleId}: ${d.message} ${d.hint ?? ""}`));
  expect(said.length).toBeGreaterThan(10);
  expect(said.filter((s) => /native code|function\s*\w*\(|internal-error/.test(s))).toEqual([]);
});

test("what is said about object-member names names them", async () => {
  const result = await lint(MEMBER_FIXTURES, { cwd: ROOT, config: {} });
  const messages = result.files.flatMap((f) => f.diagnostics.map((d) => d.message));
  expect(messages).toEqual(
    expect.arrayContaining([
      'kind "constructor" is not a built-in kind of "v1"',
      'unknown field "constructor" in metadata',
      'unknown field "__proto__" in metadata',
      'unknown field "hasOwnProperty" in spec.template.spec.containers[0]',
      'unknown field "constructor" in spec: CustomResourceDefinition "widgets.example.com" does not define it',
      'metric type "constructor" is not one of Resource, ContainerResource, Pods, Object, External',
    ]),
  );
});

test("a kind named like an object member in one document leaves the rest of the run linted", async () => {
  const result = await lint(["-"], {
    stdin: "apiVersion: v1\nkind: constructor\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext: {privileged: true}\n",
    config: {},
  });
  const ids = result.files[0].diagnostics.map((d) => `${d.line}:${d.ruleId}`);
  expect(ids).toEqual(expect.arrayContaining(["2:unknown-api-version", "14:privileged-container"]));
});

describe("the command line", () => {
  const io = () => {
    const out: string[] = [];
    const cli: CliIO = { cwd: ROOT, stdout: (t) => out.push(t), stderr: (t) => out.push(t), isTTY: false, env: {} };
    return { out, cli };
  };

  test("a path named like an object member is a path, not a subcommand", async () => {
    const { out, cli } = io();
    const code = await run(["constructor"], cli);
    expect(code).toBe(2);
    expect(out.join("")).toMatch(/constructor/);
    expect(out.join("")).not.toMatch(/internal error/);
  });

  test("--rule __proto__=off is an unknown rule", async () => {
    const { out, cli } = io();
    const code = await run(["--rule", "__proto__=off", "fixtures/positions/tabs.yaml"], cli);
    expect({ code, said: out.join("") }).toEqual({ code: 2, said: expect.stringContaining('unknown rule "__proto__"') });
  });
});
