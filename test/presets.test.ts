/**
 * Presets (docs/presets.md): `recommended` is what runs without a choice; `extends` and
 * `--preset` enable the opinionated rules of `security`, `production` or `all`; a rule turned
 * on by name runs without its preset; unknown names are exit 2 with the nearest preset.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { run } from "../src/cli/run.js";
import { severityOverrides } from "../src/engine/effective-config.js";
import { lint } from "../src/engine/lint.js";
import { activePresets, presetNamed, presetNote } from "../src/presets.js";
import { allRules } from "../src/rules/index.js";
import { ROOT } from "./harness.js";

async function cli(args: string[], cwd = ROOT) {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, env: {}, isTTY: false });
  return { code, out, err };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-presets-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const presetRules = allRules.filter((r) => r.meta.presets?.length);
const CLEAN = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n";

describe("preset names", () => {
  test("with or without the k8s-lint: prefix", () => {
    expect(presetNamed("k8s-lint:security")).toBe("security");
    expect(presetNamed("production")).toBe("production");
    expect(presetNamed("k8s-lint:strict")).toBeUndefined();
    expect(presetNamed("eslint:recommended")).toBeUndefined();
  });

  test("recommended is always enabled; all enables every preset", () => {
    expect(activePresets([])).toEqual(["recommended"]);
    expect(activePresets(["security"])).toEqual(["recommended", "security"]);
    expect(activePresets(["all"])).toEqual(["recommended", "security", "production", "all"]);
  });
});

describe("which rules run", () => {
  test("without a preset, exactly the rules without presets run: upgrading changes nothing", () => {
    const table = severityOverrides({});
    const running = allRules.filter((r) => table.get(r.meta.id) !== "off").map((r) => r.meta.id);
    expect(running).toEqual(allRules.filter((r) => !r.meta.presets?.length).map((r) => r.meta.id));
  });

  test("--preset all runs every rule but those another running rule stands in for", () => {
    const table = severityOverrides({ presets: ["all"] });
    const superseded = new Set(allRules.flatMap((r) => r.meta.supersedes ?? []));
    expect(allRules.filter((r) => table.get(r.meta.id) === "off").map((r) => r.meta.id)).toEqual(allRules.filter((r) => superseded.has(r.meta.id)).map((r) => r.meta.id));
  });

  test("a rule of a preset runs when its preset is enabled, by extends or --preset, or when named", () => {
    for (const { meta } of presetRules) {
      const preset = meta.presets![0];
      expect(severityOverrides({}).get(meta.id)).toBe("off");
      expect(severityOverrides({ presets: [preset] }).get(meta.id)).toBeUndefined();
      expect(severityOverrides({ config: { extends: [`k8s-lint:${preset}`] } }).get(meta.id)).toBeUndefined();
      expect(severityOverrides({ config: { rules: { [meta.id]: "warning" } } }).get(meta.id)).toBe("warning");
      expect(severityOverrides({ presets: [preset], rules: { [meta.id]: "off" } }).get(meta.id)).toBe("off");
    }
  });

  test("a rule that stands in for another turns it off while it runs, and only then", () => {
    for (const { meta } of allRules.filter((r) => r.meta.supersedes?.length)) {
      const preset = meta.presets![0];
      for (const old of meta.supersedes!) {
        expect(severityOverrides({}).get(old)).toBeUndefined();
        expect(severityOverrides({ presets: [preset] }).get(old)).toBe("off");
        const standIns = allRules.filter((r) => r.meta.supersedes?.includes(old)).map((r) => [r.meta.id, "off"] as const);
        expect(severityOverrides({ presets: [preset], rules: Object.fromEntries(standIns) }).get(old)).toBeUndefined();
      }
    }
  });

  test("a stand-in keeps the severity the user gave the rule it replaces, unless the user named the stand-in", () => {
    for (const { meta } of allRules.filter((r) => r.meta.supersedes?.length)) {
      const preset = meta.presets![0];
      for (const old of meta.supersedes!) {
        const table = severityOverrides({ presets: [preset], config: { rules: { [old]: "error" } } });
        expect([old, table.get(old), table.get(meta.id)]).toEqual([old, "off", "error"]);
        expect(severityOverrides({ presets: [preset], rules: { [old]: "error", [meta.id]: "info" } }).get(meta.id)).toBe("info");
      }
    }
  });

  test("an unknown preset from the Node API is a usage error naming the nearest", async () => {
    await expect(lint(["-"], { cwd: ROOT, stdin: CLEAN, presets: ["securty"] })).rejects.toThrow(
      'unknown preset "securty" (did you mean "k8s-lint:security"?); one of: k8s-lint:recommended, k8s-lint:security, k8s-lint:production, k8s-lint:all',
    );
  });
});

describe("the config's extends", () => {
  test("an unknown name is exit 2 at its line and column, with the nearest preset", async () => {
    const dir = project({ ".k8s-lint.yaml": "extends:\n  - k8s-lint:recommended\n  - k8s-lint:securty\n", "a.yaml": CLEAN });
    const r = await cli(["a.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `k8s-lint: ${join(dir, ".k8s-lint.yaml")}:3:5: unknown preset "k8s-lint:securty" (did you mean "k8s-lint:security"?); one of: k8s-lint:recommended, k8s-lint:security, k8s-lint:production, k8s-lint:all at "extends.1"\n`,
    );
  });

  test("--print-config shows the presets of extends and --preset", async () => {
    const dir = project({ ".k8s-lint.yaml": "extends: [k8s-lint:recommended, security]\n", "a.yaml": CLEAN });
    const yaml = parse((await cli(["--print-config", "a.yaml"], dir)).out);
    expect(yaml.presets).toEqual(["recommended", "security"]);
    const json = JSON.parse((await cli(["--print-config", "a.yaml", "--preset", "production", "-f", "json"], dir)).out);
    expect(json.presets).toEqual(["recommended", "security", "production"]);
    for (const { meta } of presetRules) expect(json.rules[meta.id]).toBe(meta.severity);
  });
});

describe("--preset", () => {
  test("an unknown name is exit 2 with the nearest preset", async () => {
    const r = await cli(["--preset", "prodution", "fixtures/demo"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('k8s-lint: unknown preset "prodution" (did you mean "production"?); one of: recommended, security, production, all\n');
  });

  test("the JSON output names the enabled presets", async () => {
    const dir = project({ "a.yaml": CLEAN });
    expect(JSON.parse((await cli(["a.yaml", "-f", "json"], dir)).out).presets).toEqual(["recommended"]);
    expect(JSON.parse((await cli(["a.yaml", "-f", "json", "--preset", "all"], dir)).out).presets).toEqual(["recommended", "security", "production", "all"]);
  });
});

describe("podSecurity", () => {
  test("--pod-security and the config's podSecurity reach the settings; latest is the target release", async () => {
    const dir = project({ ".k8s-lint.yaml": "podSecurity:\n  level: baseline\nkubernetesVersion: \"1.29\"\n", "a.yaml": CLEAN });
    const shown = JSON.parse((await cli(["--print-config", "a.yaml", "-f", "json"], dir)).out);
    expect(shown.podSecurity).toEqual({ level: "baseline", version: "1.29" });
    // Setting podSecurity enables the baseline checks, not the restricted ones, nor the rest of the preset.
    expect(shown.rules["pss-privileged"]).toBe("warning");
    expect(shown.rules["pss-run-as-non-root"]).toBe("off");
    const flagged = JSON.parse((await cli(["--print-config", "a.yaml", "-f", "json", "--pod-security", "restricted:v1.25"], dir)).out);
    expect(flagged.podSecurity).toEqual({ level: "restricted", version: "1.25" });
    expect(flagged.rules["pss-run-as-non-root"]).toBe("warning");
  });

  test("a bad --pod-security is exit 2 naming the expected form", async () => {
    const r = await cli(["--pod-security", "restricted:1.25x", "fixtures/demo"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('k8s-lint: --pod-security expects <baseline|restricted>[:<latest|v1.NN>], got "restricted:1.25x"\n');
    expect((await cli(["--pod-security", "baseLine", "fixtures/demo"])).err).toContain('(did you mean "baseline"?)');
  });

  test("a misspelled podSecurity key names the nearest one", async () => {
    const dir = project({ ".k8s-lint.yaml": "podSecurity:\n  levl: baseline\n", "a.yaml": CLEAN });
    const r = await cli(["a.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('.k8s-lint.yaml:2:3: unknown key "levl" (did you mean "level"?) at "podSecurity.levl"');
  });
});

describe("what users read about a preset rule", () => {
  test("k8s-lint rules shows each rule's preset", async () => {
    const list = JSON.parse((await cli(["rules", "-f", "json"])).out) as Array<{ id: string; presets: string[] }>;
    for (const entry of list) expect(entry.presets).toEqual([...(allRules.find((r) => r.meta.id === entry.id)!.meta.presets ?? ["recommended"])]);
    const table = (await cli(["rules"])).out;
    // 80 columns stack each summary under its row.
    expect(table.split("\n").slice(0, 3)).toEqual([
      expect.stringMatching(/^RULE\s+SEVERITY\s+CATEGORY\s+PRESET$/),
      "    SUMMARY",
      expect.stringMatching(/^yaml-syntax\s+error\s+syntax\s+recommended$/),
    ]);
  });

  test("explain and --explain name the preset", async () => {
    const explained = await cli(["explain", "pss-privileged"]);
    expect(explained.out).toContain("Part of the security preset: off unless enabled");
    const pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostPID: true\n  containers:\n    - name: web\n      image: nginx:1.27\n";
    const dir = project({ "pod.yaml": pod });
    // The explanation is wrapped under the finding: read it as one line.
    const unwrapped = (text: string) => text.replace(/\n\s*\|\s*/g, " ");
    const byPreset = await cli(["pod.yaml", "--preset", "security", "--explain"], dir);
    expect(unwrapped(byPreset.out)).toContain("Part of the security preset; shown because the security preset is enabled.");
    const byName = await cli(["pod.yaml", "--rule", "pss-host-namespaces=warning", "--explain"], dir);
    expect(unwrapped(byName.out)).toContain("Part of the security preset; shown because the rule is enabled by name in the configuration.");
    // What enabled the rule is named: the Pod Security level asked for, the preset "all".
    const byLevel = await cli(["pod.yaml", "--pod-security", "baseline", "--explain"], dir);
    expect(unwrapped(byLevel.out)).toContain("Part of the security preset; shown because --pod-security baseline enables the Pod Security checks.");
    const byConfig = await cli(["pod.yaml", "--explain"], project({ "pod.yaml": pod, ".k8s-lint.yaml": "podSecurity:\n  level: baseline\n" }));
    expect(unwrapped(byConfig.out)).toContain("Part of the security preset; shown because podSecurity (level baseline) in the config enables the Pod Security checks.");
    const byAll = await cli(["pod.yaml", "--preset", "all", "--explain"], dir);
    expect(unwrapped(byAll.out)).toContain("Part of the security preset; shown because the all preset is enabled.");
    // The recommended rule stands aside only while the PSS rule runs.
    expect(byPreset.out).not.toContain("host-namespace\n");
    expect((await cli(["pod.yaml"], dir)).out).toMatch(/host-namespace\n/);
  });

  test("the note says which preset, and why a finding is shown", () => {
    const meta = { presets: ["security"] as const };
    expect(presetNote({})).toBeUndefined();
    expect(presetNote(meta)).toBe(
      "Part of the security preset: off unless enabled (`--preset security`, `extends: [k8s-lint:security]` in the config, or the rule set to a severity under `rules`).",
    );
    expect(presetNote(meta, ["recommended", "security"])).toBe("Part of the security preset; shown because the security preset is enabled.");
    expect(presetNote(meta, ["recommended", "security", "production", "all"])).toBe("Part of the security preset; shown because the all preset is enabled.");
    const pss = { ...meta, category: "pod-security" };
    expect(presetNote(pss)).toContain("`--pod-security <level>`");
    expect(presetNote(pss, ["recommended"], { level: "restricted", source: "--pod-security" })).toBe("Part of the security preset; shown because --pod-security restricted enables the Pod Security checks.");
    // Only the Pod Security rules are turned on by the level: another security rule shown is named in the configuration.
    expect(presetNote(meta, ["recommended"], { level: "restricted", source: "--pod-security" })).toBe("Part of the security preset; shown because the rule is enabled by name in the configuration.");
    expect(presetNote(meta, ["recommended"])).toBe("Part of the security preset; shown because the rule is enabled by name in the configuration.");
  });
});
