/**
 * Values from the input cannot forge lines of the output: no line of any format starts with a
 * GitHub Actions workflow command (`::` after leading whitespace, as the runner reads it) unless
 * the github format wrote it, and no control character reaches a terminal unescaped.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { printable } from "../src/printable.js";
import { ROOT } from "./harness.js";

const BIN = join(ROOT, "dist/bin/k8s-lint.js");

beforeAll(() => {
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

/** A newline and a word-initial `::` (a wrapped line may start with it), a terminal escape, a bidi override. */
const P = "x\n::error file=forged.yaml,line=1::forged\r\n ::warning title=t::y \u001b]0;title\u0007\u001b[2J \u202e\u2028 ::notice::z";

const named = (kind: string, apiVersion: string, rest: object) => ({ apiVersion, kind, metadata: { name: P, namespace: "shop" }, ...rest });

function manifests(): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-injection-"));
  const write = (name: string, value: object) => writeFileSync(join(dir, name), JSON.stringify(value));
  write(
    "deploy.json",
    named("Deployment", "apps/v1", {
      metadata: { name: P, namespace: "shop", labels: { [`k${P}`]: P }, annotations: { [P]: P, "k8s-lint.io/ignore": P } },
      spec: {
        selector: { matchLabels: { app: P } },
        template: {
          metadata: { labels: { app: `${P}2` } },
          spec: {
            [P]: P,
            containers: [{ name: P, image: P, env: [{ name: P, valueFrom: { configMapKeyRef: { name: "cm", key: P } } }], ports: [{ name: P, containerPort: 80 }] }],
          },
        },
      },
    }),
  );
  write("service.json", named("Service", "v1", { spec: { selector: { app: P }, ports: [{ port: 80, targetPort: P }] } }));
  write("cm.json", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", namespace: "shop" }, data: { [P]: P } });
  write("::error file=named.yaml,line=1::named.json", named("ConfigMap", "v1", { data: { a: "b" } }));
  write("nl\n::error file=nl.yaml::x.json", named("ConfigMap", "v1", { data: { a: "b" } }));
  write("esc\u001b[31m\u202e.json", named("ConfigMap", "v1", { data: { a: "b" } }));
  return dir;
}

function dump(): string {
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: P, namespace: P, uid: "u1" },
    spec: { nodeName: P, containers: [{ name: P, image: P }] },
    status: {
      phase: "Running",
      containerStatuses: [
        {
          name: P,
          ready: false,
          restartCount: 3,
          image: P,
          state: { waiting: { reason: "CrashLoopBackOff", message: P } },
          lastState: { terminated: { exitCode: 1, reason: P, message: P, finishedAt: "2024-05-14T08:00:00Z" } },
        },
      ],
    },
  };
  const event = { apiVersion: "v1", kind: "Event", type: "Warning", reason: P, message: P, count: 4, involvedObject: { kind: "Pod", name: P, namespace: P } };
  const deploy = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: P, namespace: P }, spec: { replicas: 2 }, status: { replicas: 1, readyReplicas: 0 } };
  return JSON.stringify({ apiVersion: "v1", kind: "List", items: [pod, event, deploy] });
}

function run(args: string[], cwd: string, input = "") {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, env, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Lines the Actions runner would take for a workflow command. */
const commandLines = (text: string) => text.split(/\r?\n|\r/).filter((line) => line.trimStart().startsWith("::"));
/** Control characters a terminal would act on (the human formats must show them escaped). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const dir = manifests();

describe.each(["stylish", "json", "sarif", "junit"])("lint -f %s", (format) => {
  test("no line starts a workflow command", () => {
    const r = run([".", "-f", format, "--no-color", "--explain"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(1000);
    expect(commandLines(r.stdout)).toEqual([]);
    expect(commandLines(r.stderr)).toEqual([]);
    if (format === "stylish") {
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stdout).toContain(printable(P).slice(0, 20));
    }
  });
});

/** A config file whose values a pull request wrote: --print-config shows them. */
function configured(): string {
  const config = { defaultNamespace: `ns${P}`, kubernetesVersion: "1.30", ignore: [P], exclude: [{ kind: P, name: `n${P}`, namespace: P, rules: ["*"] }] };
  const cwd = mkdtempSync(join(tmpdir(), "k8s-lint-injection-"));
  writeFileSync(join(cwd, ".k8s-lint.json"), JSON.stringify(config));
  return cwd;
}

test("lint -f github: no raw control character in the annotations (the Actions log renders ANSI escapes)", () => {
  const r = run([".", "-f", "github"], dir);
  expect(r.code).toBe(1);
  expect(r.stdout.length).toBeGreaterThan(1000);
  expect(r.stdout).not.toMatch(RAW_CONTROL);
  expect(r.stdout).toMatch(/\\x1b\]0;title\\x07/);
});

describe.each([["--print-config", []], ["--print-config -f json", ["-f", "json"]]])("%s of a config file from the input", (_name, extra) => {
  test("no line starts a workflow command, no raw control character; JSON stays exact", () => {
    const r = run(["--print-config", "x.yaml", ...extra], configured());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("defaultNamespace");
    expect(commandLines(r.stdout)).toEqual([]);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    if (extra.includes("json")) expect(JSON.parse(r.stdout).defaultNamespace).toBe(`ns${P}`);
    else expect(r.stdout).toContain(printable(`ns${P}`));
  });
});

test("lint -f github: the only workflow commands are its own, one per finding", () => {
  const json = JSON.parse(run([".", "-f", "json"], dir).stdout);
  const r = run([".", "-f", "github"], dir);
  const ours = /^::(error|warning|notice) file=[^,:]*,line=\d+,(col=\d+,endLine=\d+,endColumn=\d+|endLine=\d+),title=[a-z-]+::/;
  const lines = commandLines(r.stdout);
  expect(lines.length).toBe(json.summary.errors + json.summary.warnings + json.summary.infos);
  for (const line of lines) expect(line).toMatch(ours);
});

describe.each([
  ["qos", ["qos", "."]],
  ["qos json", ["qos", ".", "-f", "json"]],
  ["diagnose", ["diagnose", "-", "--no-color"]],
  ["diagnose json", ["diagnose", "-", "-f", "json"]],
  ["explain", ["explain", "CrashLoopBackOff", "--no-color"]],
  ["explain json", ["explain", "137", "-f", "json"]],
  ["explain of an unknown topic", ["explain", P]],
  ["explain json of an unknown topic", ["explain", P, "-f", "json"]],
  ["an unknown option", [`--${P}`]],
  ["a path that does not exist", [P]],
])("%s", (_name, args) => {
  test("no line starts a workflow command, no raw control character", () => {
    const r = run(args, dir, dump());
    expect(r.stdout.length + r.stderr.length).toBeGreaterThan(20);
    expect(commandLines(r.stdout)).toEqual([]);
    expect(commandLines(r.stderr)).toEqual([]);
    if (!args.includes("json")) expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  });
});

test("printable shows control characters as escapes and keeps a word from starting with ::", () => {
  expect(printable("a\nb\tc\u001b[2J\u007f\u0085\u202e\u2028")).toBe("a\\nb\\tc\\x1b[2J\\x7f\\x85\\u202e\\u2028");
  expect(printable("::error x ::warning y::z")).toBe("\\x3a:error x \\x3a:warning y::z");
  expect(printable("std::string 日本語 ünïcode")).toBe("std::string 日本語 ünïcode");
});
