/** docs/advisor/*.md must match the advisor's data: regenerate with `npm run gen:docs`. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import {
  ADVISOR_DIR,
  ADVISOR_INDEX_PATH,
  DIAGNOSE_EXAMPLE_DIR,
  DIAGNOSE_EXAMPLE_NOW,
  EXIT_CODES_PATH,
  advisorPages,
  renderAdvisorIndex,
  topicDocPath,
} from "../src/docs/advisor-docs.js";
import { analyze } from "../src/explain/diagnose.js";
import { renderDiagnosis } from "../src/explain/diagnose-render.js";
import { explainTopic } from "../src/explain/lookup.js";
import { statusTopics } from "../src/explain/topics/index.js";
import { ROOT } from "./harness.js";

const read = (p: string) => (existsSync(join(ROOT, p)) ? readFileSync(join(ROOT, p), "utf8") : "(missing)");
const pages = advisorPages();

/** What `k8s-lint diagnose --no-color fixtures/diagnose/*.yaml` prints with the clock at DIAGNOSE_EXAMPLE_NOW. */
async function diagnoseExample() {
  const files = readdirSync(join(ROOT, DIAGNOSE_EXAMPLE_DIR)).filter((f) => f.endsWith(".yaml")).sort();
  const sources = files.map((f) => ({ path: `${DIAGNOSE_EXAMPLE_DIR}/${f}`, text: readFileSync(join(ROOT, DIAGNOSE_EXAMPLE_DIR, f), "utf8") }));
  const diagnosis = await analyze(sources, { cwd: ROOT });
  return { command: `k8s-lint diagnose ${DIAGNOSE_EXAMPLE_DIR}/*.yaml`, output: renderDiagnosis(diagnosis, { color: false, now: Date.parse(DIAGNOSE_EXAMPLE_NOW) }) };
}

test.each(pages.map((p) => [p.path, p.text] as const))("%s is current", (path, text) => {
  expect(read(path)).toBe(text);
});

test(`${ADVISOR_INDEX_PATH} is current, with the real diagnose output`, async () => {
  const example = await diagnoseExample();
  expect(example.output).toMatch(/CrashLoopBackOff/);
  expect(read(ADVISOR_INDEX_PATH)).toBe(renderAdvisorIndex(example));
});

test(`${ADVISOR_DIR}/ holds exactly the generated pages`, () => {
  const expected = [...pages.map((p) => p.path), ADVISOR_INDEX_PATH].map((p) => p.slice(ADVISOR_DIR.length + 1));
  expect(new Set(expected).size).toBe(expected.length);
  expect(readdirSync(join(ROOT, ADVISOR_DIR)).sort()).toEqual(expected.sort());
});

test("every status topic has a page, and every page's rules are what `explain` answers", () => {
  for (const topic of statusTopics) {
    const page = pages.find((p) => p.path === topicDocPath(topic));
    expect(page).toBeDefined();
    const answer = explainTopic(topic.name);
    expect(answer.type).toBe("status");
    if (answer.type !== "status") continue;
    const linked = [...page!.text.matchAll(/\]\(\.\.\/rules\/([a-z0-9-]+)\.md\)/g)].map((m) => m[1]);
    expect([topic.name, linked]).toEqual([topic.name, answer.rules.map((r) => r.id)]);
  }
});

test("the exit-code page explains 137 as SIGKILL and 143 as SIGTERM", () => {
  const text = read(EXIT_CODES_PATH);
  expect(text).toMatch(/\| 137 \| 9 SIGKILL \|/);
  expect(text).toMatch(/\| 143 \| 15 SIGTERM \|/);
  expect(text).toContain("## Exit code 127");
});

test("every relative link of the advisor pages resolves", () => {
  for (const file of readdirSync(join(ROOT, ADVISOR_DIR))) {
    const page = `${ADVISOR_DIR}/${file}`;
    const text = read(page);
    for (const [, target, anchor] of text.matchAll(/\]\(([^)#\s]*)(#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const resolved = target ? resolve(ROOT, dirname(page), target) : join(ROOT, page);
      expect([page, target, existsSync(resolved)]).toEqual([page, target, true]);
      if (anchor?.startsWith("#exit-code-")) {
        expect([page, anchor, readFileSync(resolved, "utf8").includes(`## Exit code ${anchor.slice("#exit-code-".length)}\n`)]).toEqual([page, anchor, true]);
      }
    }
  }
});
