/**
 * Hostile input, through the built bin as users run it: every case must end in bounded time
 * and memory (a timeout and a capped heap), with a clear message, never a stack trace, and
 * exit 2 only for genuine I/O failures (a FIFO, an unreadable path). Inputs are generated
 * into a temporary directory at test time.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./harness.js";

const BIN = join(ROOT, "dist/bin/k8s-lint.js");
/** Every case runs with this heap cap: running out of it fails the case. */
const HEAP_MB = 1024;

let dir: string;

beforeAll(() => {
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "k8s-lint-hostile-"));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Diag {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the bin in `cwd` (default: the temporary directory); `stdin` is a file to open as its standard input. */
function cli(args: string[], timeoutMs: number, options: { cwd?: string; stdin?: string } = {}): Run {
  const t0 = Date.now();
  const stdinFd = options.stdin === undefined ? undefined : openSync(options.stdin, "r");
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, ...args], {
    cwd: options.cwd ?? dir,
    stdio: [stdinFd ?? "pipe", "pipe", "pipe"],
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (stdinFd !== undefined) closeSync(stdinFd);
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms: Date.now() - t0 };
}

/** Lints one file with --format json; asserts it ended normally (exit 0 or 1, no trace). */
function lintFile(name: string, timeoutMs = 20_000) {
  const r = cli(["--format", "json", name], timeoutMs);
  expect({ signal: r.signal, stderr: r.stderr }).toEqual({ signal: null, stderr: "" });
  expect([0, 1]).toContain(r.code);
  const out = JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Diag[] }>; summary: Record<string, number> };
  return { ...r, out, diagnostics: out.files.flatMap((f) => f.diagnostics) };
}

/** An I/O failure: exit 2, one clear line on stderr, no stack trace. */
function expectIoFailure(r: Run, message: RegExp) {
  expect(r.signal).toBeNull();
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
}

function write(name: string, content: string | Buffer) {
  writeFileSync(join(dir, name), content);
  return name;
}

/** Writes a big file in pieces without building the whole string. */
function writeChunks(name: string, chunks: Iterable<string>) {
  const fd = openSync(join(dir, name), "w");
  try {
    for (const c of chunks) writeSync(fd, c);
  } finally {
    closeSync(fd);
  }
  return name;
}

function syntaxErrors(diagnostics: Diag[]) {
  return diagnostics.filter((d) => d.ruleId === "yaml-syntax");
}

test("an alias bomb (billion laughs) is stopped with a position", () => {
  const lines = ["  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let i = 1; i < 10; i++) lines.push(`  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]`);
  const r = lintFile(write("bomb.yaml", `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n${lines.join("\n")}\n`));
  const [d] = syntaxErrors(r.diagnostics);
  expect(d.message).toMatch(/aliases expand to more than/);
  expect(d.line).toBeGreaterThanOrEqual(6);
  expect(r.code).toBe(1);
});

test("a self-referencing and an undefined alias are syntax errors, not crashes", () => {
  const r = lintFile(write("alias-loop.yaml", "a: &a [*a]\n---\nb: *nowhere\n"));
  expect(syntaxErrors(r.diagnostics).length).toBeGreaterThanOrEqual(1);
  for (const d of r.diagnostics) expect(d.ruleId).not.toBe("internal-error");
});

test.each([
  ["flow sequences", "deep-flow-seq.yaml", () => `${"[".repeat(20_000)}${"]".repeat(20_000)}\n`],
  ["flow mappings", "deep-flow-map.yaml", () => `${"{a: ".repeat(20_000)}1${"}".repeat(20_000)}\n`],
  ["block sequences", "deep-block-seq.yaml", () => `${"- ".repeat(20_000)}x\n`],
  // Indented block nesting grows quadratically in bytes: 1,000 levels is already 500 kB.
  ["block sequences on their own lines (1,000 levels)", "deep-block-lines.yaml", () => Array.from({ length: 1_000 }, (_, i) => `${" ".repeat(i)}-`).join("\n") + " x\n"],
  ["block mappings (1,000 levels)", "deep-block-map.yaml", () => Array.from({ length: 1_000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " 1\n"],
])("deep nesting (20,000 levels unless said): %s", (_what, name, make) => {
  const r = lintFile(write(name, make()), 30_000);
  const errors = syntaxErrors(r.diagnostics);
  expect(errors.length).toBeGreaterThanOrEqual(1);
  expect(errors[0].message).toMatch(/nested (more than \d+ levels deep|too deeply)/);
  expect(r.code).toBe(1);
});

test("a 20 MB file (dashboards in ConfigMaps) is linted", () => {
  const row = '      {"type": "graph", "title": "requests per second", "targets": [{"expr": "sum(rate(http_requests_total[5m]))"}]},\n';
  const perDoc = Math.ceil((1 << 20) / row.length);
  const name = writeChunks(
    "big20.yaml",
    (function* () {
      for (let i = 0; i < 20; i++) {
        yield `${i ? "---\n" : ""}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dashboard-${i}\ndata:\n  dashboard.json: |\n`;
        yield row.repeat(perDoc);
      }
    })(),
  );
  const r = lintFile(name, 30_000);
  expect(r.out.summary.resources).toBe(20);
  expect(syntaxErrors(r.diagnostics)).toEqual([]);
});

test("a 50 MB file is linted", () => {
  const row = "    line of an embedded script or certificate bundle, 64 bytes long....\n";
  const perDoc = Math.ceil((1 << 20) / row.length);
  const name = writeChunks(
    "big50.yaml",
    (function* () {
      for (let i = 0; i < 50; i++) {
        yield `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blob-${i}\n  namespace: shop\ndata:\n  blob: |\n`;
        yield row.repeat(perDoc);
      }
    })(),
  );
  const r = lintFile(name, 45_000);
  expect(r.out.summary.resources).toBe(50);
  expect(syntaxErrors(r.diagnostics)).toEqual([]);
});

test("one mapping with 200,000 keys stays linear (duplicate-key detection)", () => {
  const name = writeChunks(
    "wide.yaml",
    (function* () {
      yield "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n";
      for (let i = 0; i < 200_000; i++) yield `  key-${i}: value-${i}\n`;
      yield "  key-7: again\n";
    })(),
  );
  const r = lintFile(name, 30_000);
  const [d] = syntaxErrors(r.diagnostics);
  expect(d).toMatchObject({ line: 200_006, column: 3 });
});

test("100,000 tiny documents in one file", () => {
  const name = writeChunks(
    "tiny.yaml",
    (function* () {
      for (let i = 0; i < 100_000; i++) yield `---\n{apiVersion: v1, kind: ConfigMap, metadata: {name: c${i}}}\n`;
    })(),
  );
  const r = lintFile(name, 45_000);
  expect(r.out.summary.resources).toBe(100_000);
});

test("very long lines: a 5 MB value, and a syntax error a million columns in", () => {
  const long = lintFile(write("long.yaml", `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: long\ndata:\n  k: ${"x".repeat(5_000_000)}\n`));
  expect(syntaxErrors(long.diagnostics)).toEqual([]);
  expect(long.out.summary.resources).toBe(1);

  const broken = lintFile(write("long-broken.yaml", `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {a: ${"y".repeat(1_000_000)}, b: [}}\n`));
  const [d] = syntaxErrors(broken.diagnostics);
  expect(d.line).toBe(3);
  expect(d.column).toBeGreaterThan(1_000_000);
});

test("invalid UTF-8 is reported at the bad byte", () => {
  const r = lintFile(write("latin1.yaml", Buffer.from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xe9\n", "latin1")));
  const [d] = syntaxErrors(r.diagnostics);
  expect(d.message).toMatch(/UTF-8/);
  expect(d).toMatchObject({ line: 4, column: 12 });
  expect(r.code).toBe(1);
});

test("a binary file (NUL bytes) is reported, not parsed", () => {
  const bytes = Buffer.concat([Buffer.from("apiVersion: v1\n"), Buffer.from([0, 1, 2, 0xff, 0xfe, 0]), Buffer.alloc(4096, 7)]);
  const r = lintFile(write("image.yaml", bytes));
  const [d] = syntaxErrors(r.diagnostics);
  expect(d.message).toMatch(/binary/);
  expect(d.line).toBe(2);
});

test.each([
  ["empty", ""],
  ["whitespace and comments only", "\n   \n# nothing here\n"],
  ["document markers only", "---\n---\n...\n"],
])("an empty file: %s", (_what, content) => {
  const r = lintFile(write(`empty-${content.length}.yaml`, content));
  expect(r.code).toBe(0);
  expect(r.diagnostics).toEqual([]);
  expect(r.out.summary.resources).toBe(0);
});

test("a directory with symlink loops terminates and lints each file once", () => {
  const root = join(dir, "looped");
  mkdirSync(join(root, "sub"), { recursive: true });
  writeFileSync(join(root, "app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n");
  // Three links to the parent: a walker without loop detection grows as 3^depth.
  for (const l of ["up1", "up2", "up3"]) symlinkSync("..", join(root, "sub", l));
  symlinkSync(root, join(root, "self"));
  const r = cli(["--format", "json", "looped"], 15_000);
  expect({ signal: r.signal, code: r.code, stderr: r.stderr }).toEqual({ signal: null, code: 0, stderr: "" });
  const out = JSON.parse(r.stdout);
  expect(out.files.map((f: { path: string }) => f.path)).toEqual(["looped/app.yaml"]);
});

test("an unreadable file named explicitly is a clear exit-2 error", () => {
  if (process.getuid?.() === 0) {
    // root reads through chmod 000; a path through a file cannot be read by anyone.
    write("plain.yaml", "a: 1\n");
    expectIoFailure(cli(["plain.yaml/inner.yaml"], 10_000), /^k8s-lint: (cannot read|no such file).*plain\.yaml\/inner\.yaml/);
    // A regular file whose read fails (EIO) even for root.
    if (existsSync("/proc/self/mem")) expectIoFailure(cli(["/proc/self/mem"], 10_000), /^k8s-lint: cannot read \/proc\/self\/mem: EIO/);
  } else {
    const name = write("secret.yaml", "a: 1\n");
    chmodSync(join(dir, name), 0o000);
    expectIoFailure(cli([name], 10_000), /^k8s-lint: cannot read secret\.yaml: EACCES/);
  }
});

test("a directory named like a manifest, with no manifests in it, is a clear exit-2 error", () => {
  mkdirSync(join(dir, "x.yaml"));
  expectIoFailure(cli(["x.yaml"], 10_000), /^k8s-lint: no manifests .* x\.yaml/);
});

test("a directory whose manifests are all in dot-directories names one, which a run must name to lint", () => {
  mkdirSync(join(dir, "policies", ".chainsaw-test", "cases"), { recursive: true });
  writeFileSync(join(dir, "policies", ".chainsaw-test", "cases", "pod.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
  writeFileSync(join(dir, "policies", ".chainsaw-test", "cases", "pod2.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n");
  // A dot file is tool configuration, not a manifest in a dot-directory: not counted.
  writeFileSync(join(dir, "policies", ".yamllint.yaml"), "rules: {}\n");
  expectIoFailure(cli(["policies"], 10_000), /^k8s-lint: no manifests .* policies \(2 files are in dot-directories, which are not searched, such as policies\/\.chainsaw-test: name one to lint it\)$/m);
});

test("a directory search passes over testdata directories, which a run lints when it names one", () => {
  // Go's convention: the inputs of a package's tests, here an object missing its name.
  mkdirSync(join(dir, "operator", "testdata"), { recursive: true });
  writeFileSync(join(dir, "operator", "testdata", "broken.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
  expectIoFailure(cli(["operator"], 10_000), /^k8s-lint: no manifests .* operator \(1 file is in test data directories, which are not searched, such as operator\/testdata: name one to lint it\)$/m);
  writeFileSync(join(dir, "operator", "config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
  const walked = cli(["operator", "--format", "json"], 10_000);
  expect(walked.code).toBe(0);
  expect(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path)).toEqual(["operator/config.yaml"]);
  const named = cli(["operator/testdata", "--format", "json"], 10_000);
  expect(named.code).toBe(1);
  expect(JSON.parse(named.stdout).files.map((f: { path: string }) => f.path)).toEqual(["operator/testdata/broken.yaml"]);
});

test("a directory search passes over Maven's src/test/resources, and not a resources folder elsewhere", () => {
  // The standard directory layout's test resources: strimzi's hold custom resources each CEL rule must reject.
  mkdirSync(join(dir, "kafka-operator", "src", "test", "resources"), { recursive: true });
  mkdirSync(join(dir, "kafka-operator", "src", "main", "resources"), { recursive: true });
  writeFileSync(join(dir, "kafka-operator", "src", "test", "resources", "broken.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
  expectIoFailure(cli(["kafka-operator"], 10_000), /^k8s-lint: no manifests .* kafka-operator \(1 file is in test data directories, which are not searched, such as kafka-operator\/src\/test\/resources: name one to lint it\)$/m);
  writeFileSync(join(dir, "kafka-operator", "src", "main", "resources", "config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
  const walked = cli(["kafka-operator", "--format", "json"], 10_000);
  expect(walked.code).toBe(0);
  expect(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path)).toEqual(["kafka-operator/src/main/resources/config.yaml"]);
  const named = cli(["kafka-operator/src/test/resources", "--format", "json"], 10_000);
  expect(named.code).toBe(1);
  expect(JSON.parse(named.stdout).files.map((f: { path: string }) => f.path)).toEqual(["kafka-operator/src/test/resources/broken.yaml"]);
});

test("a directory search passes over a fixtures or data folder beside test code, and Go's _testdata", () => {
  // traefik's provider packages read fixtures/*.yml from their *_test.go; Gatekeeper's Bats suites and pytest suites do the same.
  const suites: Array<[string, string]> = [["gateway", "httproute_test.go"], ["gator", "test.bats"], ["e2e", "conftest.py"], ["web", "ingress.spec.ts"]];
  for (const [pkg, code] of suites) {
    const folder = pkg === "e2e" ? "data" : "fixtures";
    mkdirSync(join(dir, "suites", pkg, folder), { recursive: true });
    writeFileSync(join(dir, "suites", pkg, code), "");
    writeFileSync(join(dir, "suites", pkg, folder, "broken.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
  }
  mkdirSync(join(dir, "suites", "cli", "_testdata"), { recursive: true });
  writeFileSync(join(dir, "suites", "cli", "_testdata", "broken.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
  expectIoFailure(cli(["suites"], 10_000), /^k8s-lint: no manifests .* suites \(5 files are in test data directories, which are not searched, such as suites\/cli\/_testdata: name one to lint it\)$/m);
  // A fixtures folder with no test code beside it, and test code whose folder is not named for test inputs, are searched;
  // so is a Go package's data folder (kubevirt's virt-operator embeds and deploys components/data).
  mkdirSync(join(dir, "suites", "deploy", "fixtures"), { recursive: true });
  writeFileSync(join(dir, "suites", "deploy", "fixtures", "app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n");
  mkdirSync(join(dir, "suites", "components", "data"), { recursive: true });
  writeFileSync(join(dir, "suites", "components", "crds_test.go"), "");
  writeFileSync(join(dir, "suites", "components", "data", "operator.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: operator\n");
  mkdirSync(join(dir, "suites", "gateway", "manifests"), { recursive: true });
  writeFileSync(join(dir, "suites", "gateway", "manifests", "route.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: route\n");
  const walked = cli(["suites", "--format", "json"], 10_000);
  expect(walked.code).toBe(0);
  expect(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path).sort()).toEqual(["suites/components/data/operator.yaml", "suites/deploy/fixtures/app.yaml", "suites/gateway/manifests/route.yaml"]);
  const named = cli(["suites/gateway/fixtures", "--format", "json"], 10_000);
  expect(named.code).toBe(1);
  expect(JSON.parse(named.stdout).files.map((f: { path: string }) => f.path)).toEqual(["suites/gateway/fixtures/broken.yaml"]);
});

test("a directory search passes over a test suite's folders of expected outputs and made-up inputs, not such a folder elsewhere", () => {
  // Percona's operators compare the objects an e2e test reads back with e2e-tests/<test>/compare/*.yml (no names, fields stripped).
  // Calico's confd/tests/mock_data, consul-k8s' acceptance/tests/fixtures (the tests' code in folders beside it), OLM's test/e2e/data,
  // Argo Rollouts' test/e2e/expectedfailures (inputs meant to be refused).
  for (const [suite, folder] of [["e2e-tests/limits", "compare"], ["test/render", "golden"], ["tests", "expected"], ["confd/tests", "mock_data"], ["acceptance/tests", "fixtures"], ["test/e2e", "data"], ["test/e2e", "expectedfailures"], ["tests/schema", "invalid"]]) {
    mkdirSync(join(dir, "percona", suite, folder), { recursive: true });
    writeFileSync(join(dir, "percona", suite, folder, "statefulset.yml"), "apiVersion: apps/v1\nkind: StatefulSet\nspec: {}\n");
  }
  expectIoFailure(cli(["percona"], 10_000), /^k8s-lint: no manifests .* percona \(8 files are in test data directories, which are not searched, such as percona\/acceptance\/tests\/fixtures: name one to lint it\)$/m);
  // Outside a test suite, such a name is an ordinary folder.
  mkdirSync(join(dir, "percona", "deploy", "expected"), { recursive: true });
  writeFileSync(join(dir, "percona", "deploy", "expected", "app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n");
  mkdirSync(join(dir, "percona", "deploy", "broken"), { recursive: true });
  writeFileSync(join(dir, "percona", "deploy", "broken", "app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n");
  const walked = cli(["percona", "--format", "json"], 10_000);
  expect(walked.code).toBe(0);
  expect(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path)).toEqual(["percona/deploy/broken/app.yaml", "percona/deploy/expected/app.yaml"]);
});

test("a directory search passes over the data folder of a Go package of test doubles, not a data folder of other Go code", () => {
  // linkerd's controller/proxy-injector/fake/data: pods with apiVersion apps/v1 that fake/factory.go decodes for webhook_test.go.
  mkdirSync(join(dir, "injector", "fake", "data"), { recursive: true });
  writeFileSync(join(dir, "injector", "fake", "factory.go"), "package fake\n");
  writeFileSync(join(dir, "injector", "fake", "data", "pod.yaml"), "apiVersion: apps/v1\nkind: Pod\n");
  expectIoFailure(cli(["injector"], 10_000), /^k8s-lint: no manifests .* injector \(1 file is in test data directories, which are not searched, such as injector\/fake\/data: name one to lint it\)$/m);
  // A fake folder without Go code, or a data folder of another Go package, is searched.
  mkdirSync(join(dir, "injector", "site", "fake", "data"), { recursive: true });
  writeFileSync(join(dir, "injector", "site", "fake", "data", "app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n");
  mkdirSync(join(dir, "injector", "operator", "data"), { recursive: true });
  writeFileSync(join(dir, "injector", "operator", "operator.go"), "package operator\n");
  writeFileSync(join(dir, "injector", "operator", "data", "crd.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: crd\n");
  const walked = cli(["injector", "--format", "json"], 10_000);
  expect(walked.code).toBe(0);
  expect(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path).sort()).toEqual(["injector/operator/data/crd.yaml", "injector/site/fake/data/app.yaml"]);
});

test("a directory search passes over the snapshot folders of snapshot tests", () => {
  // external-secrets keeps a generated sample of every CRD, each field "string", in tests/__snapshot__.
  for (const folder of ["__snapshot__", "__snapshots__"]) {
    mkdirSync(join(dir, "snapshots", "tests", folder), { recursive: true });
    writeFileSync(join(dir, "snapshots", "tests", folder, "sample.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");
  }
  expectIoFailure(cli(["snapshots"], 10_000), /^k8s-lint: no manifests .* snapshots \(2 files are in test data directories, which are not searched, such as snapshots\/tests\/__snapshot__: name one to lint it\)$/m);
});

test("a directory search passes over a Go module's vendor directory, not a vendor folder of manifests", () => {
  // `go mod vendor` writes vendor/modules.txt beside copies of the dependencies (kubevirt vendors openshift/api's old CRDs).
  mkdirSync(join(dir, "gomod", "vendor", "github.com", "openshift"), { recursive: true });
  writeFileSync(join(dir, "gomod", "vendor", "modules.txt"), "# github.com/openshift/api v0.0.0\n");
  writeFileSync(join(dir, "gomod", "vendor", "github.com", "openshift", "crd.yaml"), "apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\n");
  writeFileSync(join(dir, "gomod", "app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
  // Carvel's vendir syncs deployed manifests into vendor/: searched.
  mkdirSync(join(dir, "gomod", "deploy", "vendor"), { recursive: true });
  writeFileSync(join(dir, "gomod", "deploy", "vendor", "synced.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: synced\n");
  const walked = cli(["gomod", "--format", "json"], 10_000);
  expect(walked.code).toBe(0);
  expect(JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path).sort()).toEqual(["gomod/app.yaml", "gomod/deploy/vendor/synced.yaml"]);
  const named = cli(["gomod/vendor", "--format", "json"], 10_000);
  expect(named.code).toBe(1);
});

test("a FIFO named explicitly is rejected without being opened", () => {
  const made = spawnSync("mkfifo", [join(dir, "pipe.yaml")]);
  expect(made.status).toBe(0);
  const r = cli(["pipe.yaml"], 10_000);
  expect(r.ms).toBeLessThan(10_000);
  expectIoFailure(r, /^k8s-lint: cannot read pipe\.yaml: not a regular file/);
});

test("a manifest a directory walk cannot read is reported, never opened, and the run goes on", () => {
  const walked = join(dir, "withpipe");
  mkdirSync(walked);
  writeFileSync(join(walked, "ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n");
  expect(spawnSync("mkfifo", [join(walked, "pipe.yaml")]).status).toBe(0);
  symlinkSync("moved.yaml", join(walked, "dangling.yaml"));
  symlinkSync("loop-b.yaml", join(walked, "loop-a.yaml"));
  symlinkSync("loop-a.yaml", join(walked, "loop-b.yaml"));
  symlinkSync("/dev/zero", join(walked, "zero.yaml"));
  // Not named like a manifest: not the walk's business.
  symlinkSync("gone", join(walked, "notes.txt"));
  const r = cli(["--format", "json", "withpipe"], 10_000);
  expect({ signal: r.signal, code: r.code, stderr: r.stderr }).toEqual({ signal: null, code: 1, stderr: "" });
  const files: Array<{ path: string; diagnostics: Array<{ ruleId: string; line: number; message: string }> }> = JSON.parse(r.stdout).files;
  expect(files.map((f) => [f.path, f.diagnostics.map((d) => `${d.ruleId} ${d.line} ${d.message}`)])).toEqual([
    ["withpipe/dangling.yaml", ['yaml-syntax 1 symbolic link to a missing file "moved.yaml": not linted']],
    ["withpipe/loop-a.yaml", ["yaml-syntax 1 symbolic link loop: not linted"]],
    ["withpipe/loop-b.yaml", ["yaml-syntax 1 symbolic link loop: not linted"]],
    ["withpipe/ok.yaml", []],
    ["withpipe/pipe.yaml", ["yaml-syntax 1 not a regular file (a FIFO): not linted"]],
    ["withpipe/zero.yaml", ["yaml-syntax 1 not a regular file (a character device): not linted"]],
  ]);
});

test("keys that name Object.prototype members stay plain data", () => {
  const r = lintFile(
    write(
      "proto.yaml",
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: proto\n  __proto__: {polluted: true}\n  constructor: x\ndata:\n  toString: a\n  hasOwnProperty: b\n  __proto__: c\n",
    ),
  );
  for (const d of r.diagnostics) expect(d.ruleId).not.toBe("internal-error");
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

// One bounded reader for every input channel: a FIFO or a device named as a path is refused at
// once, and nothing is read past its channel's limit (64 MB for manifests, stdin and diagnose
// dumps; 1 MB for config and ignore files).
describe("every input channel is bounded", () => {
  let channels: string;
  beforeAll(() => {
    channels = join(dir, "channels");
    mkdirSync(channels);
    writeFileSync(join(channels, "ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n");
    expect(spawnSync("mkfifo", [join(channels, "fifo")]).status).toBe(0);
  });
  const run = (args: string[], stdin?: string) => {
    const r = cli(args, 30_000, { cwd: channels, stdin });
    expect(r.signal).toBeNull();
    return r;
  };

  test.each([
    ["a FIFO as -c", ["-c", "fifo", "ok.yaml"], /^k8s-lint: cannot read config file fifo: not a regular file$/m],
    ["/dev/zero as -c", ["-c", "/dev/zero", "ok.yaml"], /^k8s-lint: cannot read config file \/dev\/zero: not a regular file$/m],
    ["a FIFO given to diagnose", ["diagnose", "fifo"], /^k8s-lint: cannot read fifo: not a regular file$/m],
    ["/dev/zero given to diagnose", ["diagnose", "/dev/zero"], /^k8s-lint: cannot read \/dev\/zero: not a regular file$/m],
    ["/dev/zero named as a manifest", ["/dev/zero"], /^k8s-lint: cannot read \/dev\/zero: not a regular file$/m],
  ])("%s: exit 2 with one line", (_what, args, message) => {
    expectIoFailure(run(args), message);
  });

  test("a config file over 1 MB: exit 2 with one line", () => {
    writeFileSync(join(channels, "big-config.yaml"), `# ${"x".repeat(2 * 1024 * 1024)}\nrules: {}\n`);
    expectIoFailure(run(["-c", "big-config.yaml", "ok.yaml"]), /^k8s-lint: config file big-config\.yaml is 2 MB, over the 1 MB limit$/m);
  });

  test("a FIFO as .k8s-lintignore: exit 2 with one line", () => {
    const sub = join(channels, "ignorefifo");
    mkdirSync(sub);
    writeFileSync(join(sub, "ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n");
    expect(spawnSync("mkfifo", [join(sub, ".k8s-lintignore")]).status).toBe(0);
    const r = cli(["ok.yaml"], 30_000, { cwd: sub });
    expect(r.signal).toBeNull();
    expectIoFailure(r, /^k8s-lint: cannot read \.k8s-lintignore: not a regular file$/m);
  });

  test("endless stdin (- < /dev/zero) is cut at 64 MB: a finding on <stdin>, exit 1", () => {
    const r = run(["--format", "json", "-"], "/dev/zero");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: "" });
    const [file] = JSON.parse(r.stdout).files;
    expect(file.path).toBe("<stdin>");
    expect(file.diagnostics.map((d: Diag) => `${d.ruleId}: ${d.message}`)).toEqual(["yaml-syntax: input is over the 64 MB limit: not linted"]);
  });

  test("endless stdin to diagnose (diagnose - < /dev/zero): exit 2 with one line", () => {
    expectIoFailure(run(["diagnose", "-"], "/dev/zero"), /^k8s-lint: standard input is over the 64 MB limit$/m);
  });

  test("stdin from a pipe is still read (helm template | k8s-lint -)", () => {
    const r = spawnSync(process.execPath, [BIN, "--format", "json", "-"], {
      cwd: channels,
      input: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: piped\n",
      encoding: "utf8",
      timeout: 30_000,
      killSignal: "SIGKILL",
    });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout).summary.resources).toBe(1);
  });
});

describe("what a run reads", () => {
  const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
  /** Writes files (path -> content) under a fresh directory of the temporary directory. */
  const tree = (name: string, files: Record<string, string>) => {
    const root = join(dir, name);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return root;
  };
  /** The linted files of a JSON run that must end normally. */
  const linted = (args: string[], cwd: string) => {
    const r = cli(["--format", "json", ...args], 15_000, { cwd });
    expect({ signal: r.signal, stderr: r.stderr }).toEqual({ signal: null, stderr: "" });
    expect([0, 1]).toContain(r.code);
    return (JSON.parse(r.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path);
  };

  describe("symbolic links out of the linted directories", () => {
    let base: string;
    beforeAll(() => {
      // Never a link to a real system folder: "outside" stands for /usr.
      base = tree("links", { "outside/secret.yaml": cm("secret"), "outside/file.yaml": cm("file"), "repo/app.yaml": cm("app"), "repo/sub/real.yaml": cm("real"), "other/o.yaml": cm("o") });
      symlinkSync(join(base, "outside"), join(base, "repo", "out"));
      symlinkSync(join(base, "outside", "file.yaml"), join(base, "repo", "outfile.yaml"));
      symlinkSync(join(base, "repo", "sub"), join(base, "repo", "alias"));
      symlinkSync(join(base, "other"), join(base, "repo", "to-other"));
      mkdirSync(join(base, "only-links"));
      symlinkSync(join(base, "outside"), join(base, "only-links", "out"));
    });

    test("are not followed by default; links inside stay followed, each file once", () => {
      expect(linted(["repo"], base)).toEqual(["repo/app.yaml", "repo/sub/real.yaml"]);
    });

    test("the links passed over are counted in the summary and named in the footer", () => {
      // out/ and to-other/ lead to folders, outfile.yaml to a manifest; alias/ stays inside.
      const summary = (args: string[]) => (JSON.parse(cli(["--format", "json", ...args], 15_000, { cwd: base }).stdout) as { summary: { linksNotFollowed?: number } }).summary;
      expect(summary(["repo"]).linksNotFollowed).toBe(3);
      expect(summary(["--follow-symlinks", "repo"]).linksNotFollowed).toBeUndefined();
      expect(summary(["repo", "other"]).linksNotFollowed).toBe(2);
      expect(cli(["repo"], 15_000, { cwd: base }).stdout.replace(/\s+/g, " ")).toContain("not read: 3 symbolic links out of the linted directories (links within their git repository are followed; --follow-symlinks follows them all)");
    });

    test("a link into another directory named in the run is inside the roots", () => {
      expect(linted(["repo", "other"], base)).toEqual(["repo/app.yaml", "repo/sub/real.yaml", "repo/to-other/o.yaml"]);
    });

    test("are followed with --follow-symlinks (a file reached twice is linted once)", () => {
      expect(linted(["--follow-symlinks", "repo"], base)).toEqual(["repo/app.yaml", "repo/out/file.yaml", "repo/out/secret.yaml", "repo/sub/real.yaml", "repo/to-other/o.yaml"]);
    });

    test("a file named beside its directory, or through a link to it, is linted once", () => {
      expect(linted(["repo", "repo/app.yaml", "repo/sub/../app.yaml"], base)).toEqual(["repo/app.yaml", "repo/sub/real.yaml"]);
      expect(linted(["repo/sub", "repo/alias/real.yaml"], base)).toEqual(["repo/sub/real.yaml"]);
      expect(linted(["--follow-symlinks", "repo/outfile.yaml", "outside"], base)).toEqual(["repo/outfile.yaml", "outside/secret.yaml"]);
    });

    test("a link named on the command line is read as given", () => {
      expect(linted(["repo/outfile.yaml"], base)).toEqual(["repo/outfile.yaml"]);
      expect(linted(["repo/out"], base)).toEqual(["repo/out/file.yaml", "repo/out/secret.yaml"]);
    });

    test("a link into another folder of the same git repository is followed; out of it, not", () => {
      const checkout = tree("checkout", { "examples/app/ingress.yaml": cm("ingress"), "common/secret.yaml": cm("shared-secret")});
      mkdirSync(join(checkout, "examples", ".git"));
      // Only the sample folder's own repository counts: examples/ is the working tree here, common/ lies outside it.
      symlinkSync(join(checkout, "common", "secret.yaml"), join(checkout, "examples", "app", "secret.yaml"));
      expect(linted(["examples/app"], checkout)).toEqual(["examples/app/ingress.yaml"]);
      rmSync(join(checkout, "examples", ".git"), { recursive: true });
      writeFileSync(join(checkout, ".git"), "gitdir: ../elsewhere/.git/worktrees/checkout\n");
      symlinkSync(join(base, "outside", "secret.yaml"), join(checkout, "examples", "app", "escape.yaml"));
      expect(linted(["examples/app"], checkout)).toEqual(["examples/app/ingress.yaml", "examples/app/secret.yaml"]);
    });

    test("a directory whose manifests are all behind such links says so", () => {
      expectIoFailure(cli(["only-links"], 15_000, { cwd: base }), /^k8s-lint: no manifests .* only-links \(1 symbolic link leads out of the linted directories; --follow-symlinks follows them\)$/m);
    });
  });

  describe("negated patterns exclude, as in ESLint", () => {
    let root: string;
    beforeAll(() => {
      root = tree("negated", { "app.yaml": cm("app"), "charts/db/templates/x.yaml": cm("x"), "base/charts/y.yaml": cm("y"), "base/svc.yaml": cm("svc") });
    });

    test.each([
      ["after a path", [".", "!**/charts/**"]],
      ["before a path", ["!**/charts/**", "."]],
      ["alone: applied to the default path", ["!**/charts/**"]],
      ["naming a directory by its name", [".", "!**/charts"]],
    ])("%s", (_what, args) => {
      expect(linted(args, root)).toEqual(["app.yaml", "base/svc.yaml"]);
    });

    test("a negation of a path under the working directory", () => {
      expect(linted(["!base"], root)).toEqual(["app.yaml", "charts/db/templates/x.yaml"]);
    });
  });

  test("a config file's ignore globs are relative to its directory, run from a subdirectory", () => {
    const root = tree("config-relative", {
      ".k8s-lint.yaml": 'ignore:\n  - "app/charts/**"\n',
      "app/main.yaml": cm("main"),
      "app/charts/chart.yaml": cm("chart"),
      "other/charts/kept.yaml": cm("kept"),
    });
    expect(linted(["."], join(root, "app"))).toEqual(["main.yaml"]);
    expect(linted(["-c", "../.k8s-lint.yaml", "."], join(root, "app"))).toEqual(["main.yaml"]);
    expect(linted(["."], root)).toEqual(["app/main.yaml", "other/charts/kept.yaml"]);
    // --ignore-pattern stays relative to the working directory.
    expect(linted(["--ignore-pattern", "charts/**", "."], join(root, "other"))).toEqual([]);
  });
});
