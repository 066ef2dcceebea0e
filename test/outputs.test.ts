/**
 * How a run writes its reports: several formats from one run, files written through a
 * temporary file and never over an input, I/O failures in one line, reports in chunks, and
 * the name `--stdin-filename` gives to `-`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { Log } from "sarif";
import { writeReports } from "../src/cli/reports.js";
import { run } from "../src/cli/run.js";
import { lint } from "../src/engine/lint.js";
import { ruleDescriptions } from "../src/engine/registry.js";
import { format as githubReport } from "../src/formatters/github.js";
import { format as jsonReport } from "../src/formatters/json.js";
import { format as junitReport } from "../src/formatters/junit.js";
import { format as sarifReport } from "../src/formatters/sarif.js";
import type { Report } from "../src/formatters/types.js";
import type { Diagnostic, LintResult, RelatedLocation } from "../src/types.js";
import { FIXTURES, ROOT } from "./harness.js";

const BIN = join(ROOT, "dist/bin/k8s-lint.js");
const CLEAN = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n";
/** One error (invalid-name): a ConfigMap name with an upper-case letter. */
const BROKEN = CLEAN.replace("name: settings", "name: Settings");

beforeAll(() => {
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

const text = (report: Report) => Array.from(report).join("");

/** A project folder with a clean file and a file with one error. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-outputs-"));
  mkdirSync(join(dir, "manifests"));
  writeFileSync(join(dir, "manifests", "clean.yaml"), CLEAN.replace("settings", "other"));
  writeFileSync(join(dir, "manifests", "broken.yaml"), BROKEN);
  return dir;
}

/** The CLI in-process, with its output kept. */
async function cli(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: {}, isTTY: false });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

/** The built CLI, for what only a real process shows (stdin, streams, stack traces). */
function bin(args: string[], opts: { cwd?: string; input?: string; stdout?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? "",
    stdio: ["pipe", opts.stdout ?? "pipe", "pipe"],
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr };
}

/** A result with `n` findings in one file, as gen-million-findings gives (there 1,000,000). */
function many(n: number): LintResult {
  const diagnostics: Diagnostic[] = Array.from({ length: n }, (_, i) => ({
    ruleId: "label-key-invalid",
    severity: "error",
    message: `label key "b${i} " is not a valid qualified name`,
    line: i + 6,
    column: 5,
    endLine: i + 6,
    endColumn: 10,
    resource: { apiVersion: "v1", kind: "ConfigMap", name: "x", namespace: "default" },
    path: `metadata.labels["b${i} "]`,
  }));
  return { version: 1, kubernetesVersion: "1.33", files: [{ path: "big.yaml", resources: 1, diagnostics }], summary: { files: 1, resources: 1, skipped: 0, errors: n, warnings: 0, infos: 0 } };
}

const oneLine = (stderr: string) => {
  expect(stderr).toMatch(/^k8s-lint: [^\n]+\n$/);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe("an output file is never one of the inputs", () => {
  test.each([
    ["its path", (_dir: string) => "manifests/broken.yaml"],
    ["another spelling of its path", (_dir: string) => "./manifests/../manifests/broken.yaml"],
    ["a symbolic link to it", (dir: string) => (symlinkSync(join(dir, "manifests", "broken.yaml"), join(dir, "link.yaml")), "link.yaml")],
    ["a hard link to it", (dir: string) => (linkSync(join(dir, "manifests", "broken.yaml"), join(dir, "hard.yaml")), "hard.yaml")],
  ])("-o naming %s, for an input found in a directory: exit 2, the input unchanged", async (_what, output) => {
    const dir = project();
    const r = await cli(["manifests", "-f", "json", "-o", output(dir)], dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain("it is one of the files the run reads");
    expect(readFileSync(join(dir, "manifests", "broken.yaml"), "utf8")).toBe(BROKEN);
  });

  test.each([
    ["a --context file", { "ctx/c.yaml": CLEAN }, ["--context", "ctx", "x.yaml", "-o", "ctx/c.yaml"], "ctx/c.yaml"],
    ["the -c config file", { "cfg.yaml": "maxWarnings: 3\n" }, ["-c", "cfg.yaml", "x.yaml", "-o", "cfg.yaml"], "cfg.yaml"],
    ["the config file found", { ".k8s-lint.yaml": "maxWarnings: 3\n" }, ["x.yaml", "-f", "stylish", "-f", "json:.k8s-lint.yaml"], ".k8s-lint.yaml"],
    ["the ignore file", { ".k8s-lintignore": "tmp/\n" }, ["x.yaml", "-o", ".k8s-lintignore"], ".k8s-lintignore"],
    ["a link to the ignore file", { ".k8s-lintignore": "tmp/\n" }, ["x.yaml", "-o", "ignore-link"], ".k8s-lintignore"],
  ])("-o naming %s, which the run reads too: exit 2, the file unchanged", async (_what, files, args, read) => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-outputs-"));
    writeFileSync(join(dir, "x.yaml"), BROKEN);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    symlinkSync(".k8s-lintignore", join(dir, "ignore-link"));
    const r = await cli(args, dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain("it is one of the files the run reads");
    expect(r.stdout).toBe("");
    expect(readFileSync(join(dir, read), "utf8")).toBe((files as Record<string, string>)[read]);
  });

  test("under --fix, -o naming a hard link to an input: exit 2", async () => {
    const dir = project();
    linkSync(join(dir, "manifests", "broken.yaml"), join(dir, "hard.yaml"));
    const r = await cli(["manifests", "--fix", "-f", "json", "-o", "hard.yaml"], dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain("it is one of the files the run reads");
  });

  test("--format name:file is checked the same way", async () => {
    const dir = project();
    const r = await cli(["manifests/broken.yaml", "-f", "stylish", "-f", "json:manifests/broken.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(readFileSync(join(dir, "manifests", "broken.yaml"), "utf8")).toBe(BROKEN);
  });
});

describe("writing report files", () => {
  test("-o creates missing folders and leaves no temporary file", async () => {
    const dir = project();
    const r = await cli(["manifests", "-f", "sarif", "-o", "out/deep/report.sarif"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(readdirSync(join(dir, "out", "deep"))).toEqual(["report.sarif"]);
    expect((JSON.parse(readFileSync(join(dir, "out", "deep", "report.sarif"), "utf8")) as Log).runs[0].results).toHaveLength(1);
  });

  test("a report file of many pieces with characters of 2, 3 and 4 UTF-8 bytes is the stdout report byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-outputs-"));
    // Invalid label values are quoted in the messages: each report holds several hundred KB of non-ASCII text.
    const value = "café-日本-🚀".repeat(3);
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `m${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  labels:\n    tier: "${value}"\n`);
    const toStdout = await cli(["-f", "json", "."], dir);
    const toFile = await cli(["-f", "json", "-o", "report.json", "."], dir);
    expect(toFile.code).toBe(toStdout.code);
    const written = readFileSync(join(dir, "report.json"));
    expect(written.length).toBeGreaterThan(256 * 1024);
    expect(written.toString("utf8")).toContain(value);
    expect(written.equals(Buffer.from(toStdout.stdout, "utf8"))).toBe(true);
  });

  test("an existing report is replaced; a symbolic link at the report path is replaced itself, its target untouched", async () => {
    const dir = project();
    const victim = mkdtempSync(join(tmpdir(), "k8s-lint-victim-"));
    writeFileSync(join(victim, "important.txt"), "not a report");
    writeFileSync(join(dir, "old.json"), "the previous report");
    symlinkSync(join(victim, "important.txt"), join(dir, "k8s-lint.sarif"));
    expect((await cli(["manifests", "-f", "json:old.json", "-f", "sarif:k8s-lint.sarif"], dir)).code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, "old.json"), "utf8")).summary.errors).toBe(1);
    expect(readFileSync(join(victim, "important.txt"), "utf8")).toBe("not a report");
    expect(lstatSync(join(dir, "k8s-lint.sarif")).isFile()).toBe(true);
    expect((JSON.parse(readFileSync(join(dir, "k8s-lint.sarif"), "utf8")) as Log).runs[0].results).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(["k8s-lint.sarif", "manifests", "old.json"]);
  });

  describe("a report path that exists and is no regular file", () => {
    test.each([
      ["a named pipe (FIFO)", (path: string) => expect(spawnSync("mkfifo", [path]).status).toBe(0)],
      ["a directory", (path: string) => mkdirSync(path)],
    ])("%s: refused, one line, exit 2, left as it was", async (kind, make) => {
      const dir = project();
      make(join(dir, "report.txt"));
      const r = bin(["manifests", "-o", "report.txt"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`k8s-lint: refusing to write the report to "report.txt": it is ${kind}, not a regular file\n`);
      expect(readdirSync(dir).sort()).toEqual(["manifests", "report.txt"]);
    });

    test("a socket: refused, one line, exit 2", async () => {
      const dir = project();
      const server = createServer();
      await new Promise<void>((done) => server.listen(join(dir, "report.sock"), done));
      try {
        const r = await cli(["manifests", "-f", "json:report.sock"], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('k8s-lint: refusing to write the report to "report.sock": it is a socket, not a regular file\n');
        expect(lstatSync(join(dir, "report.sock")).isSocket()).toBe(true);
      } finally {
        await new Promise((done) => server.close(done));
      }
    });

    test("/dev/null is written in place: still the device, no temporary file in /dev", () => {
      const before = readdirSync("/dev").filter((name) => name.startsWith(".null."));
      const r = bin(["-", "-f", "json", "-o", "/dev/null"], { input: BROKEN });
      expect(r).toEqual({ code: 1, stdout: "", stderr: "" });
      expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
      expect(readdirSync("/dev").filter((name) => name.startsWith(".null."))).toEqual(before);
    });

    test.each([["/dev/stdout", 1], ["/dev/stderr", 2]])("%s is written in place: the report arrives in the file that stream is", (device, fd) => {
      const dir = mkdtempSync(join(tmpdir(), "k8s-lint-outputs-"));
      const alone = bin(["-", "-f", "json"], { input: BROKEN }).stdout;
      const stream = openSync(join(dir, "stream.txt"), "w");
      try {
        const r = spawnSync(process.execPath, [BIN, "-", "-f", "json", "-o", device], { input: BROKEN, stdio: ["pipe", fd === 1 ? stream : "pipe", fd === 2 ? stream : "pipe"] });
        expect(r.status).toBe(1);
      } finally {
        closeSync(stream);
      }
      expect(JSON.parse(alone).summary.errors).toBe(1);
      expect(readFileSync(join(dir, "stream.txt"), "utf8")).toBe(alone);
      expect(readdirSync(dir)).toEqual(["stream.txt"]);
    });
  });

  test("a full disk (Linux's /dev/full): one line naming the file and the error, exit 2", () => {
    const r = bin(["-", "-f", "json", "-o", "/dev/full"], { input: BROKEN });
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toBe("k8s-lint: cannot write /dev/full: ENOSPC: no space left on device\n");
  });

  test("stdout on a full disk: one line, exit 2", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = bin(["-", "-f", "json"], { input: BROKEN, stdout: full });
      expect(r.code).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toContain("cannot write stdout: ENOSPC");
    } finally {
      closeSync(full);
    }
  });

  test("a report that fails half-way leaves the previous file and no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-outputs-"));
    writeFileSync(join(dir, "r.txt"), "the previous report");
    const result = many(2_000);
    // More than one 64 KiB piece is written before the broken finding makes the formatter throw.
    result.files[0].diagnostics.push({ ...result.files[0].diagnostics[0], related: {} as RelatedLocation });
    await expect(writeReports(result, [{ format: "github", file: "r.txt" }], { cwd: dir, stdout: () => undefined }, { color: false })).rejects.toThrow(TypeError);
    expect(readFileSync(join(dir, "r.txt"), "utf8")).toBe("the previous report");
    expect(readdirSync(dir)).toEqual(["r.txt"]);
  });

  test("a folder that cannot be made: one line, exit 2", async () => {
    const dir = project();
    const r = await cli(["manifests", "-o", "manifests/clean.yaml/report.txt"], dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/^k8s-lint: cannot write manifests\/clean\.yaml\/report\.txt: E[A-Z]+: /);
  });
});

test("a report folder that can never be made (under Linux's /proc): one line, exit 2, never a loop", () => {
  // Node's recursive mkdir retried such a path forever at full CPU; a hang here fails at the timeout.
  const r = spawnSync(process.execPath, [BIN, "-", "-f", "json", "-o", "/proc/k8s-lint-none/report.json"], { cwd: ROOT, input: BROKEN, encoding: "utf8", timeout: 60_000 });
  expect(r.status).toBe(2);
  expect(r.stderr).toBe("k8s-lint: cannot write /proc/k8s-lint-none/report.json: ENOENT: no such file or directory\n");
});

describe("several reports from one run", () => {
  test("stylish on stdout, SARIF, JSON and JUnit in files: each as a run with that format alone gives it", async () => {
    const dir = project();
    const r = await cli(["manifests", "-f", "stylish", "-f", "sarif:out/r.sarif", "-f", "json:r.json", "-f", "junit:r.xml"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe((await cli(["manifests"], dir)).stdout);
    for (const [format, file] of [["sarif", "out/r.sarif"], ["json", "r.json"], ["junit", "r.xml"]]) {
      expect(readFileSync(join(dir, file), "utf8")).toBe((await cli(["manifests", "-f", format], dir)).stdout);
    }
    // JUnit lists the clean resources too: the run collected them for it among the other formats.
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(dir, "r.xml"), "utf8"));
    expect(xml.testsuites["@_tests"]).toBe("2");
  });

  test("only files: nothing on stdout; -o moves the stdout report", async () => {
    const dir = project();
    const r = await cli(["manifests", "-f", "json:a.json", "-f", "github", "-o", "b.txt"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(readFileSync(join(dir, "b.txt"), "utf8")).toMatch(/^::error file=manifests\/broken\.yaml,/);
    expect(JSON.parse(readFileSync(join(dir, "a.json"), "utf8")).summary.errors).toBe(1);
  });

  test.each([
    [["-f", "stylsh"], 'unknown format "stylsh" (did you mean "stylish"?); one of: stylish, json, sarif, github, junit'],
    [["-f", "xml:out.xml"], 'unknown format "xml"; one of: stylish, json, sarif, github, junit'],
    [["-f", "stylish", "-f", "json"], 'only one report can go to stdout, got "stylish" and "json" (write the others to files: --format json:<file>)'],
    [["-f", "sarif:"], '--format "sarif:" names no file after the colon'],
    [["-f", "json:a.json", "-o", "b.json"], "--output-file sends the stdout report to a file, but every --format names its own file"],
    [["-f", "json:r.out", "-f", "sarif:./r.out"], 'two reports would be written to the same file: "r.out" and "./r.out"'],
    [["-f", "json", "--stdin-filename", "x.yaml"], '--stdin-filename names the "-" input, and no path is "-"'],
  ])("%j is a usage error, before anything is written", async (args, message) => {
    const dir = project();
    const r = await cli(["manifests", ...args], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`k8s-lint: ${message}\n`);
    expect(r.stdout).toBe("");
    expect(readdirSync(dir)).toEqual(["manifests"]);
  });
});

describe("reports in chunks", () => {
  let fixtures: LintResult;
  beforeAll(async () => {
    fixtures = await lint([FIXTURES], { cwd: ROOT });
  });

  test("JSON is byte for byte JSON.stringify(result, null, 2) on every fixture", () => {
    expect(fixtures.summary.errors).toBeGreaterThan(100);
    expect(text(jsonReport(fixtures, { color: false, rules: ruleDescriptions }))).toBe(`${JSON.stringify(fixtures, null, 2)}\n`);
  });

  test.each([
    ["json", jsonReport],
    ["sarif", sarifReport],
    ["junit", junitReport],
    ["github", githubReport],
  ])("%s of 20,000 findings comes in many small chunks and reads back whole", (name, formatter) => {
    const result = many(20_000);
    const chunks = [...formatter(result, { color: false, rules: ruleDescriptions })];
    expect(chunks.length).toBeGreaterThan(100);
    // No chunk is the report: none is over 64 KiB, since no single finding or rule descriptor is (a value that would take a chunk past it starts the next).
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(64 * 1024);
    const whole = chunks.join("");
    if (name === "json") expect(whole).toBe(`${JSON.stringify(result, null, 2)}\n`);
    if (name === "sarif") expect((JSON.parse(whole) as Log).runs[0].results).toHaveLength(20_000);
    if (name === "junit") expect(whole.match(/label key &quot;b\d+ &quot;/g)).toHaveLength(20_000 + 1);
    if (name === "github") expect(whole.split("\n")).toHaveLength(20_000 + 1);
  });
});

describe("--stdin-filename", () => {
  const NAME = "charts/web/rendered.yaml";

  test("findings, JSON, SARIF and annotations name the file instead of <stdin>", () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-stdin-"));
    const r = bin(["-", "--stdin-filename", NAME, "-f", "stylish", "-f", "json:r.json", "-f", "sarif:r.sarif", "-f", "github:r.txt"], { cwd: dir, input: BROKEN });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^  ${NAME}:\\d+:\\d+ `, "m"));
    expect(r.stdout).not.toContain("<stdin>");
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).files[0].path).toBe(NAME);
    const log = JSON.parse(readFileSync(join(dir, "r.sarif"), "utf8")) as Log;
    expect(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri).toBe(NAME);
    expect(readFileSync(join(dir, "r.txt"), "utf8")).toMatch(new RegExp(`^::error file=${NAME},line=\\d+,`));
  });

  test("the name is relative to the working directory, like every path", () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-stdin-"));
    const r = bin(["-", "--stdin-filename", join(dir, "a", "..", NAME), "-f", "json"], { cwd: dir, input: BROKEN });
    expect(JSON.parse(r.stdout).files[0].path).toBe(NAME);
  });

  test("ignore patterns match the name: an ignored stdin is not linted", () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-stdin-"));
    const ignored = bin(["-", "--stdin-filename", NAME, "--ignore-pattern", "charts/**", "-f", "json"], { cwd: dir, input: BROKEN });
    expect(ignored.code).toBe(0);
    expect(JSON.parse(ignored.stdout).files).toEqual([]);
    writeFileSync(join(dir, ".k8s-lintignore"), "charts/web/\n");
    expect(bin(["-", "--stdin-filename", NAME], { cwd: dir, input: BROKEN }).code).toBe(0);
    expect(bin(["-", "--stdin-filename", "other.yaml"], { cwd: dir, input: BROKEN }).code).toBe(1);
  });

  test("a name that is also a linted file is exit 2", () => {
    const dir = project();
    const r = bin(["-", "manifests", "--stdin-filename", "manifests/clean.yaml"], { cwd: dir, input: BROKEN });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('k8s-lint: --stdin-filename "manifests/clean.yaml" names a file that is linted too\n');
  });
});
