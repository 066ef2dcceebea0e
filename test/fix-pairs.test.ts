/**
 * Fix pairs: fixtures/fix/<rule-id>/<case>.before.yaml and <case>.after.yaml. For a rule with a
 * safe fix, `--fix` restricted to that rule turns the before file into the after file byte for
 * byte; for a rule with suggestions only, the first suggestion of each of its findings does. The
 * after file lints without that rule's finding and without any finding the before file did not
 * have, and fixing it again changes nothing. `UPDATE_FIX_PAIRS=1` writes the after files (read
 * the diff before committing them). A before file's `# options:` header may set kubernetesVersion and
 * podSecurity (the Pod Security rules run only with a level).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyFixes } from "../src/engine/fix/apply.js";
import { fixInMemory } from "../src/engine/fix/run.js";
import { lint, type LintOptions } from "../src/engine/lint.js";
import { getRule } from "../src/rules/index.js";
import type { Diagnostic, LintResult } from "../src/types.js";
import { FIXTURES, readMarkers, ROOT } from "./harness.js";

const DIR = join(FIXTURES, "fix");
const update = process.env.UPDATE_FIX_PAIRS === "1";

interface Pair {
  rule: string;
  name: string;
  before: string;
  after: string;
  options: LintOptions;
}

/** `# options: podSecurity=restricted` (or `baseline:v1.30`) turns the Pod Security rules on, as `--pod-security` does. */
function podSecurityOption(option: string): NonNullable<LintOptions["podSecurity"]> {
  const [level, version] = option.split(":");
  return { level: level as "baseline" | "restricted", ...(version ? { version } : {}) };
}

function pairs(): Pair[] {
  return readdirSync(DIR)
    .sort()
    .flatMap((rule) =>
      readdirSync(join(DIR, rule))
        .filter((f) => f.endsWith(".before.yaml"))
        .sort()
        .map((f) => {
          const before = join(DIR, rule, f);
          const { options } = readMarkers(before);
          return {
            rule,
            name: `${rule}/${f.replace(".before.yaml", "")}`,
            before,
            after: before.replace(".before.yaml", ".after.yaml"),
            options: {
              cwd: ROOT,
              config: {},
              ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
              ...(options.podSecurity ? { podSecurity: podSecurityOption(options.podSecurity) } : {}),
            },
          };
        }),
    );
}

const read = (p: string) => readFileSync(p, "utf8");
const withoutBom = (t: string) => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
const ofRule = (r: LintResult, rule: string) => r.files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === rule);
const described = (d: Diagnostic) => `${d.ruleId} ${d.path}: ${d.message}`;

/** The fixed text: --fix's passes for a rule with safe fixes, else the first suggestion of each finding, in one pass. */
async function fixed(p: Pair, findings: Diagnostic[]): Promise<string> {
  if (findings.some((d) => d.fix)) {
    const run = await fixInMemory([p.before], p.options, { applies: (d) => d.ruleId === p.rule });
    return run.files[0]?.after ?? withoutBom(read(p.before));
  }
  const suggestions = findings.flatMap((d) => (d.suggestions?.length ? [d.suggestions[0].fix] : []));
  return applyFixes(withoutBom(read(p.before)), suggestions).text;
}

const all = pairs();

test("every rule with fixes or suggestions has fix pairs, and every pair folder names such a rule", () => {
  const folders = new Set(all.map((p) => p.rule));
  for (const rule of folders) {
    const meta = getRule(rule)?.meta;
    expect({ rule, fixes: Boolean(meta?.fixable || meta?.hasSuggestions) }).toEqual({ rule, fixes: true });
  }
  expect(folders.size).toBeGreaterThanOrEqual(20);
});

test("each rule with a safe fix has a commented, a CRLF and a flow-style pair", () => {
  const fixable = [...new Set(all.map((p) => p.rule))].filter((r) => getRule(r)?.meta.fixable);
  for (const rule of fixable) {
    const names = all.filter((p) => p.rule === rule).map((p) => p.name.split("/")[1]);
    expect({ rule, names: ["commented", "crlf", "flow"].filter((n) => names.includes(n)) }).toEqual({ rule, names: ["commented", "crlf", "flow"] });
  }
});

describe.each(all.map((p) => [p.name, p] as const))("%s", (_name, p) => {
  test("the fix turns before into after; after lints without that finding and without a new one; fixing again changes nothing", async () => {
    const before = await lint([p.before], p.options);
    const findings = ofRule(before, p.rule);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((d) => d.fix || d.suggestions?.length)).toBe(true);
    const output = await fixed(p, findings);
    expect(output).not.toBe(withoutBom(read(p.before)));
    if (update) writeFileSync(p.after, (read(p.before).startsWith("\uFEFF") ? "\uFEFF" : "") + output);
    expect(existsSync(p.after)).toBe(true);
    // Byte for byte, BOM included: the fix keeps the file's encoding and line endings.
    expect((read(p.before).startsWith("\uFEFF") ? "\uFEFF" : "") + output).toBe(read(p.after));
    if (read(p.before).includes("\r\n")) expect(output.replace(/\r\n/g, "")).not.toContain("\n");

    const after = await lint([p.after], p.options);
    expect(ofRule(after, p.rule).map(described)).toEqual([]);
    const known = new Set(before.files.flatMap((f) => f.diagnostics).map(described));
    expect(after.files.flatMap((f) => f.diagnostics).map(described).filter((d) => !known.has(d))).toEqual([]);

    const again = await fixInMemory([p.after], p.options);
    expect(again.files).toEqual([]);
  });
});
