/**
 * Every rule is complete: meta that reads well, examples that behave (the bad one fires the
 * rule, the good one lints clean under every default rule), and fixtures both ways under
 * fixtures/rules/<id>/, with their messages and hints pinned in its messages.txt.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { lint } from "../src/engine/lint.js";
import { allRules } from "../src/rules/index.js";
import { ruleExamples } from "../src/rules/examples.js";
import { entryHead, FIXTURES, readMarkers, readMessages, ROOT } from "./harness.js";

/** Rules that no manifest can trigger on purpose; they have engine tests instead. */
const NO_FIXTURE = new Set(["internal-error"]);

const ids = allRules.map((r) => r.meta.id);

test("the examples module is what the example fixtures generate (npm run build)", async () => {
  const gen = (await import(join(ROOT, "scripts", "gen-examples.mjs"))) as { generate(): string; OUTPUT: string };
  expect(readFileSync(gen.OUTPUT, "utf8")).toBe(gen.generate());
});

test("rule ids are unique kebab-case", () => {
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
});

describe.each(allRules.map((r) => [r.meta.id, r] as const))("%s", (id, rule) => {
  test("meta is complete", () => {
    const m = rule.meta;
    expect(m.summary.length).toBeGreaterThan(10);
    expect(m.summary.includes("\n")).toBe(false);
    expect(m.explanation.trim().length).toBeGreaterThan(80);
    expect(m.fix.trim().length).toBeGreaterThan(10);
    expect(Array.isArray(m.preventsStatus)).toBe(true);
  });

  if (!NO_FIXTURE.has(id)) {
    test("its example fixtures: the bad one fires it, the good one lints clean under every default rule", async () => {
      const example = (which: string) => `fixtures/rules/${id}/example.${which}.yaml`;
      // A rule of an opt-in preset is turned on by name, as a config's `rules` does.
      // A Pod Security Standards check is judged at its own level (a baseline check is replaced at restricted by a stricter one).
      const check = rule.meta.podSecurityCheck;
      const config = rule.meta.presets ? { rules: { [id]: rule.meta.severity }, ...(check ? { podSecurity: { level: check.level } } : {}) } : {};
      const findings = async (which: string) => (await lint([example(which)], { cwd: ROOT, config })).files[0].diagnostics;
      expect((await findings("bad")).filter((d) => d.ruleId === id).length).toBeGreaterThan(0);
      // qos-class states the class of every pod, whatever it is: a fact, not a complaint.
      const good = (await findings("good")).filter((d) => d.ruleId !== "qos-class" || d.ruleId === id);
      expect(good.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}`)).toEqual([]);
      expect(ruleExamples(id)).toBeDefined();
    });
  }

  if (!NO_FIXTURE.has(id)) {
    test("has its messages and hints pinned in fixtures/rules/<id>/messages.txt", () => {
      const folder = join(FIXTURES, "rules", id);
      const entries = readMessages(folder);
      expect(entries.filter((e) => entryHead(e).ruleId === id).length).toBeGreaterThan(0);
      // An entry of a fixture that is gone would never be compared.
      expect(entries.map((e) => entryHead(e).file).filter((f) => !existsSync(join(folder, f)))).toEqual([]);
    });

    test("has fixtures that fire it and a near-miss that stays silent", () => {
      const dir = join(FIXTURES, "rules", id);
      expect(existsSync(dir) && statSync(dir).isDirectory() ? "present" : `missing ${dir}`).toBe("present");
      let fires = 0;
      let silent = 0;
      const visit = (d: string) => {
        for (const f of readdirSync(d)) {
          const p = join(d, f);
          if (statSync(p).isDirectory()) {
            visit(p);
            continue;
          }
          if (!/\.(ya?ml|json)$/.test(f)) continue;
          const m = readMarkers(p);
          if (!m.rules.includes(id) && !m.rules.includes("*")) continue;
          if (m.expected.some((e) => e.ruleId === id)) fires++;
          else silent++;
        }
      };
      visit(dir);
      expect({ fires: fires > 0, silent: silent > 0 }).toEqual({ fires: true, silent: true });
    });
  }
});
