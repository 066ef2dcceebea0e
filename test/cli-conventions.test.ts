/** The conventions users look for: did-you-mean, --print-config, unmatched patterns, help and version words. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { run } from "../src/cli/run.js";
import { allRules } from "../src/rules/index.js";
import { ROOT } from "./harness.js";

async function cli(args: string[], cwd = ROOT) {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, env: {}, isTTY: false });
  return { code, out, err };
}

const CLEAN = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n";

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-conventions-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("a mistyped option names the nearest real one, on every command", () => {
  test.each([
    [["--max-warning", "1", "fixtures/demo"], "--max-warnings", "k8s-lint --help"],
    [["--kube-version", "1.30", "fixtures/demo"], "--kubernetes-version", "k8s-lint --help"],
    [["--no-colour", "fixtures/demo"], "--no-color", "k8s-lint --help"],
    [["--print-confg", "a.yaml"], "--print-config", "k8s-lint --help"],
    [["qos", "--default-namespce", "x", "fixtures/demo"], "--default-namespace", "k8s-lint qos --help"],
    [["explain", "--lst"], "--list", "k8s-lint explain --help"],
    [["diagnose", "--formt", "json", "-"], "--format", "k8s-lint diagnose --help"],
    [["rules", "--fromat", "json"], "--format", "k8s-lint rules --help"],
  ])("%j", async (args, nearest, help) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`k8s-lint: unknown option "${args.find((a) => a.startsWith("--"))}" (did you mean "${nearest}"?); \`${help}\` lists the options\n`);
  });

  test("an option nothing resembles gets no guess", async () => {
    const r = await cli(["--frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('k8s-lint: unknown option "--frobnicate"; `k8s-lint --help` lists the options\n');
  });
});

describe("unknown rule ids", () => {
  test("--rule names the nearest rule", async () => {
    const r = await cli(["--rule", "image-latst-tag=off", "fixtures/demo"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('k8s-lint: unknown rule "image-latst-tag" (did you mean "image-latest-tag"?); `k8s-lint rules` lists them\n');
  });

  test("a config file's rules: names the key's file:line:col and the nearest rule", async () => {
    const dir = project({ ".k8s-lint.yaml": "kubernetesVersion: \"1.30\"\nrules:\n  image-latest-tag: off\n  missing-livenes-probe: warning\n", "cm.yaml": CLEAN });
    const r = await cli(["cm.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `k8s-lint: ${join(dir, ".k8s-lint.yaml")}:4:3: unknown rule "missing-livenes-probe" (did you mean "missing-liveness-probe"?) at "rules.missing-livenes-probe"\n`,
    );
  });

  test("exclude[].rules: an unknown id names its file:line:col and the nearest rule; \"*\" is every rule", async () => {
    const config = 'exclude:\n  - kind: Deployment\n    rules: ["*", image-latest-tag, missing-livenes-probe]\n';
    const dir = project({ ".k8s-lint.yaml": config, "cm.yaml": CLEAN });
    const r = await cli(["cm.yaml", "-c", ".k8s-lint.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('k8s-lint: .k8s-lint.yaml:3:36: unknown rule "missing-livenes-probe" (did you mean "missing-liveness-probe"?) at "exclude.0.rules.2"\n');
  });

  test("a config with a value error and unknown rule ids reports each, in file order", async () => {
    const config = "rules:\n  image-latst-tag: off\nmaxWarnings: -1\nexclude:\n  - rules: [nosuch-rule]\n";
    const dir = project({ ".k8s-lint.yaml": config, "cm.yaml": CLEAN });
    const r = await cli(["cm.yaml", "-c", ".k8s-lint.yaml"], dir);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('k8s-lint: .k8s-lint.yaml:2:3: unknown rule "image-latst-tag" (did you mean "image-latest-tag"?) at "rules.image-latst-tag"');
    expect(lines[1]).toMatch(/^\.k8s-lint\.yaml:3:14: .+ at "maxWarnings"$/);
    expect(lines[2]).toBe('.k8s-lint.yaml:5:13: unknown rule "nosuch-rule" at "exclude.0.rules.0"');
  });

  test("every config error is one printable line: ids and keys from the file are escaped", async () => {
    const config = JSON.stringify({ rules: { "image-latest\n::error::x": "off" }, ["max\u001b[2JWarnings\n::warning::y"]: 1, exclude: [{ rules: ["a\u2028::notice::z"] }] });
    const dir = project({ ".k8s-lint.json": config, "cm.yaml": CLEAN });
    const r = await cli(["cm.yaml"], dir);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^(k8s-lint: )?\S+\.k8s-lint\.json:1:\d+: (unknown rule|unknown key) /);
    expect(r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u2028]/);
    expect(r.err).toContain('unknown rule "image-latest\\n::error::x"');
  });

  test("a misspelled config key names the nearest key too", async () => {
    const dir = project({ ".k8s-lint.yaml": "rules: {}\nmaxWarning: 3\n", "cm.yaml": CLEAN });
    const r = await cli(["cm.yaml", "-c", ".k8s-lint.yaml"], dir);
    expect(r.err).toBe('k8s-lint: .k8s-lint.yaml:2:1: unknown key "maxWarning" (did you mean "maxWarnings"?) at "maxWarning"\n');
  });
});

describe("--print-config <file>", () => {
  const dir = project({ ".k8s-lint.yaml": "rules:\n  image-latest-tag: error\nmaxWarnings: 3\nignore: [\"charts/**\"]\n", "apps/web.yaml": CLEAN });

  test("prints the config file found, the options over it and every rule's severity as YAML; exit 0", async () => {
    const r = await cli(["--print-config", "apps/web.yaml", "--rule", "missing-liveness-probe=off", "--kubernetes-version", "1.29", "--ignore-pattern", "tmp/**"], dir);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const shown = parse(r.out);
    expect(shown).toMatchObject({ file: "apps/web.yaml", configFile: ".k8s-lint.yaml", kubernetesVersion: "1.29", defaultNamespace: "default", maxWarnings: 3, ignore: ["charts/**"], ignorePatterns: ["tmp/**"] });
    expect(Object.keys(shown.rules)).toEqual(allRules.map((r) => r.meta.id));
    expect(shown.rules["image-latest-tag"]).toBe("error");
    expect(shown.rules["missing-liveness-probe"]).toBe("off");
    expect(shown.rules["unused-suppression"]).toBe("warning");
  });

  test("-f json prints the same as JSON", async () => {
    const yaml = parse((await cli(["--print-config", "apps/web.yaml"], dir)).out);
    const json = await cli(["--print-config", "apps/web.yaml", "-f", "json"], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(yaml);
  });

  test("without a config file, configFile is null and the rules keep their defaults (a preset's rules are off)", async () => {
    const r = await cli(["--print-config", "x.yaml", "-f", "json"], project({}));
    const shown = JSON.parse(r.out);
    expect(shown.configFile).toBeNull();
    for (const { meta } of allRules) expect(shown.rules[meta.id]).toBe(meta.presets ? "off" : meta.severity);
  });
});

describe("--no-error-on-unmatched-pattern", () => {
  const dir = project({ "k8s/cm.yaml": CLEAN, "empty/README.md": "nothing here\n" });
  test.each([["no/such/path"], ["k8s/**/*.nomatch"], ["empty"]])("%s: exit 2 without it, passed over with it", async (path) => {
    expect((await cli([path, "k8s"], dir)).code).toBe(2);
    const r = await cli([path, "k8s", "--no-error-on-unmatched-pattern"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("no problems in 1 resource, 1 file");
  });
});

describe("help and version", () => {
  const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
  test("`version` is --version", async () => {
    expect(await cli(["version"])).toEqual({ code: 0, out: `${version}\n`, err: "" });
  });

  test("`help` is --help, `help <command>` is that command's --help", async () => {
    const lintHelp = (await cli(["--help"])).out;
    expect(lintHelp).toContain("Usage: k8s-lint [options] [paths...]");
    expect((await cli(["help"])).out).toBe(lintHelp);
    for (const command of ["rules", "qos", "explain", "diagnose", "lsp"]) {
      const own = await cli([command, "--help"]);
      expect(own.code).toBe(0);
      expect(own.out).toMatch(new RegExp(`^Usage: k8s-lint ${command}`));
      expect((await cli(["help", command])).out).toBe(own.out);
    }
  });

  test("`help <unknown command>` is a usage error naming the nearest command, exit 2", async () => {
    expect(await cli(["help", "explian"])).toEqual({ code: 2, out: "", err: 'k8s-lint: unknown command "explian" (did you mean "explain"?); one of: lint, rules, explain, diagnose, qos, graph, lsp\n' });
    const r = await cli(["help", "nosuch"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe("k8s-lint: unknown command \"nosuch\"; one of: lint, rules, explain, diagnose, qos, graph, lsp\n");
    expect((await cli(["help", "lint"])).out).toBe((await cli(["--help"])).out);
  });

  test("rules takes no paths", async () => {
    const r = await cli(["rules", "fixtures/demo"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('rules takes no arguments, got "fixtures/demo"');
  });
});

test("an unused suppression is a warning in a default run, and counts against --max-warnings", async () => {
  const dir = project({ "cm.yaml": CLEAN.replace("  name: settings\n", "  # k8s-lint-disable-next-line duplicate-resource\n  name: settings\n") });
  const r = await cli(["cm.yaml"], dir);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/cm\.yaml:4:\d+ {2}warning {2}suppression of "duplicate-resource" silences nothing\s+here {2}unused-suppression/);
  expect(r.out).toContain("1 problem (0 errors, 1 warning)");
  expect((await cli(["cm.yaml", "--max-warnings", "0"], dir)).code).toBe(1);
});

describe("a command written after options", () => {
  test("is linted as a path; when no such path exists, the hint puts the command first", async () => {
    const r = await cli(["--no-color", "qos", "fixtures/demo"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("k8s-lint: no such file or directory: qos\nhint: the command comes first: k8s-lint qos --no-color fixtures/demo\n");
  });

  test("a file of that name is linted, with no hint", async () => {
    const dir = project({ qos: CLEAN });
    const r = await cli(["--no-color", "qos"], dir);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
  });

  test("a command named like a path of the folder runs, and a note says how to lint the path", async () => {
    const dir = project({ "rules/cm.yaml": CLEAN });
    const r = await cli(["rules"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("yaml-syntax");
    expect(r.err).toBe('k8s-lint: note: "rules" runs the rules command; to lint the path "rules", write ./rules\n');
    const linted = await cli(["./rules"], dir);
    expect({ code: linted.code, err: linted.err }).toEqual({ code: 0, err: "" });
    expect(linted.out).toContain("no problems");
  });

  test("the command the hint gives runs", async () => {
    const r = await cli(["qos", "--no-color", "fixtures/demo"]);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
  });

  test.each([
    [["fixtures/demo"]],
    [["qos", "fixtures/demo"]],
    [["graph", "-f", "json", "fixtures/demo"]],
    [["rules"]],
    [["explain", "image-latest-tag"]],
    [["diagnose", "fixtures/diagnose/data.yaml"]],
  ])("every command that prints takes --no-color: %j", async (args) => {
    const r = await cli([...args, "--no-color"]);
    expect(r.err).not.toMatch(/unknown option/);
    expect(r.code).not.toBe(2);
  });

  test("a missing path that is no command name gets no hint", async () => {
    const r = await cli(["--no-color", "qoz"]);
    expect(r.err).toBe("k8s-lint: no such file or directory: qoz\n");
  });
});
