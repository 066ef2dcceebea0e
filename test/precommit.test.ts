/**
 * The real pre-commit (https://pre-commit.com) installs this checkout's hook and runs it in a
 * throw-away repository, with the configuration docs/ci.md documents. pre-commit clones a git
 * repository, so what is installed is this checkout's committed HEAD: commit before running this
 * locally. One hook install (about a minute; it builds k8s-lint) serves every case: they share
 * PRE_COMMIT_HOME and run in order. Under CI=true a missing pre-commit fails the test (.ci/run
 * installs it); elsewhere the test is skipped with the reason in its title.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { ROOT } from "./harness.js";

const INSTALL_TIMEOUT = 15 * 60_000;
const RUN_TIMEOUT = 2 * 60_000;

const preCommitVersion = spawnSync("pre-commit", ["--version"], { encoding: "utf8" });
const available = preCommitVersion.status === 0;
const inCI = process.env.CI === "true";

/** The first yaml block of the pre-commit section of docs/ci.md. */
function documentedConfig(): string {
  const ci = readFileSync(join(ROOT, "docs/ci.md"), "utf8");
  const section = ci.slice(ci.indexOf("## pre-commit"));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error("docs/ci.md has no yaml block in its pre-commit section");
  return block[1];
}

/** The documented configuration, pointed at this checkout's HEAD instead of GitHub. */
function configForThisCheckout(head: string): string {
  const documented = documentedConfig();
  const local = documented.replace(/repo: https:\/\/github\.com\/k8s-lint\/k8s-lint\n/, `repo: ${JSON.stringify(ROOT)}\n`).replace(/rev: main\b.*\n/, `rev: ${head}\n`);
  // The snippet must keep the shape the replacements expect, or the test would not be of the documented one.
  expect(local).not.toBe(documented);
  expect(local).toContain(head);
  expect(local).not.toContain("github.com");
  return local;
}

/** Stylish rows wrapped at 80 columns (hook output is not a terminal), joined back into one line each. */
const unwrapped = (text: string) => text.replace(/\n {4,}/g, " ");

const service = (name: string, headless: boolean) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:${headless ? "\n  clusterIP: None" : ""}
  selector:
    app: ${name}
  ports:
    - name: main
      port: 5432
`;
const statefulSet = (name: string, serviceName: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${serviceName}
  replicas: 3
  selector:
    matchLabels:
      app: ${serviceName}
  template:
    metadata:
      labels:
        app: ${serviceName}
    spec:
      containers:
        - name: main
          image: ghcr.io/acme/${name}:1.0.0
          ports:
            - name: main
              containerPort: 5432
`;

const HOW_TO_INSTALL = "apt-get install pre-commit, or pip install pre-commit";

if (!available && inCI) {
  test("the real pre-commit is installed (CI=true)", () => {
    throw new Error(`pre-commit is not installed (${preCommitVersion.error?.message ?? preCommitVersion.stderr}): ${HOW_TO_INSTALL}; .ci/run installs it when run as root`);
  });
} else if (!available) {
  test.skip(`the real pre-commit (not installed here: ${HOW_TO_INSTALL}; under CI=true this fails)`, () => {});
} else {
  describe("the real pre-commit", () => {
    let repo = "";
    let home = "";
    let env: NodeJS.ProcessEnv = {};
    const sh = (cmd: string, args: string[], timeout = RUN_TIMEOUT): SpawnSyncReturns<string> =>
      spawnSync(cmd, args, { cwd: repo, env, encoding: "utf8", timeout });
    const output = (r: SpawnSyncReturns<string>) => `${r.stdout}${r.stderr}`;
    const commits = () => Number(sh("git", ["rev-list", "--count", "HEAD"]).stdout.trim());

    beforeAll(() => {
      repo = mkdtempSync(join(tmpdir(), "k8s-lint-pre-commit-repo-"));
      home = mkdtempSync(join(tmpdir(), "k8s-lint-pre-commit-home-"));
      env = {
        ...process.env,
        PRE_COMMIT_HOME: home,
        GIT_AUTHOR_NAME: "k8s-lint test",
        GIT_AUTHOR_EMAIL: "test@example.com",
        GIT_COMMITTER_NAME: "k8s-lint test",
        GIT_COMMITTER_EMAIL: "test@example.com",
        // The npm cache of this checkout's install serves the hook's install where it can.
        npm_config_prefer_offline: "true",
        NO_COLOR: "1",
      };
      const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" });
      expect(head.status).toBe(0);
      expect(sh("git", ["init", "-q"]).status).toBe(0);
      writeFileSync(join(repo, ".pre-commit-config.yaml"), configForThisCheckout(head.stdout.trim()));
      mkdirSync(join(repo, "k8s"));
      writeFileSync(join(repo, "k8s/db-service.yaml"), service("db", true));
      writeFileSync(join(repo, "k8s/db.yaml"), statefulSet("db", "db"));
      writeFileSync(join(repo, "k8s/queue-service.yaml"), service("queue", false));
      expect(sh("git", ["add", "-A"]).status).toBe(0);
    });

    afterAll(() => {
      for (const dir of [repo, home]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test(
      "installs this checkout's hook and passes good files (pre-commit run --all-files)",
      () => {
        const started = Date.now();
        const first = sh("pre-commit", ["run", "--all-files"], INSTALL_TIMEOUT);
        const installSeconds = (Date.now() - started) / 1000;
        expect({ status: first.status, output: output(first) }).toMatchObject({ status: 0 });
        expect(first.stdout).toMatch(/k8s-lint\.+Passed/);
        const warmStart = Date.now();
        const warm = sh("pre-commit", ["run", "--all-files"]);
        expect(warm.status).toBe(0);
        console.log(`pre-commit ${preCommitVersion.stdout.trim()}: first run with install ${installSeconds.toFixed(1)} s, warm run ${((Date.now() - warmStart) / 1000).toFixed(1)} s`);
      },
      INSTALL_TIMEOUT,
    );

    test("a git commit of good files passes the installed git hook", () => {
      expect(sh("pre-commit", ["install"]).status).toBe(0);
      const commit = sh("git", ["commit", "-m", "good manifests"]);
      expect({ status: commit.status, output: output(commit) }).toMatchObject({ status: 0 });
      expect(commits()).toBe(1);
    });

    test("a commit of only a StatefulSet whose Service, in another committed file, is not headless is blocked", () => {
      writeFileSync(join(repo, "k8s/queue.yaml"), statefulSet("queue", "queue"));
      expect(sh("git", ["add", "k8s/queue.yaml"]).status).toBe(0);
      const commit = sh("git", ["commit", "-m", "queue"]);
      expect(commit.status).not.toBe(0);
      // git shows a hook's output on stderr.
      const shown = output(commit);
      expect(shown).toMatch(/k8s-lint\.+Failed/);
      expect(unwrapped(shown)).toMatch(/k8s\/queue\.yaml:6:\d+ .*statefulset-service-not-headless/);
      expect(unwrapped(shown)).toContain("related: Service default/queue at k8s/queue-service.yaml");
      // Only the committed file is reported on, though the whole repository was read.
      expect(shown).not.toMatch(/^ {2}k8s\/(db|db-service|queue-service)\.yaml:\d+:\d+ /m);
      expect(shown).toContain("in 1 resource, 1 file");
      expect(commits()).toBe(1);
    });

    test("pre-commit run --all-files blocks on the bad file too", () => {
      const run = sh("pre-commit", ["run", "--all-files"]);
      expect(run.status).not.toBe(0);
      expect(run.stdout).toContain("statefulset-service-not-headless");
      expect(sh("git", ["reset", "-q", "k8s/queue.yaml"]).status).toBe(0);
      rmSync(join(repo, "k8s/queue.yaml"));
    });

    test("a StatefulSet whose Service is nowhere in the repository is reported", () => {
      writeFileSync(join(repo, "k8s/mailer.yaml"), statefulSet("mailer", "mailer"));
      expect(sh("git", ["add", "k8s/mailer.yaml"]).status).toBe(0);
      // A warning: reported (shown with --verbose, as pre-commit hides the output of passing hooks), not blocking.
      const run = sh("pre-commit", ["run", "--verbose", "--files", "k8s/mailer.yaml"]);
      expect({ status: run.status, output: output(run) }).toMatchObject({ status: 0 });
      expect(unwrapped(run.stdout)).toMatch(/k8s\/mailer\.yaml:6:\d+ .*serviceName "mailer" names no Service in namespace "default".*statefulset-service-missing/);
    });
  });
}

test("the README's pre-commit snippet is the one docs/ci.md documents", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /# \.pre-commit-config\.yaml[^\n]*\n((?: {2}.*\n)+)/.exec(readme);
  expect(block).not.toBeNull();
  expect(parse(block![1])).toEqual((parse(documentedConfig()) as { repos: unknown[] }).repos);
});
