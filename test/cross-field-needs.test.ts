/**
 * A cross-field constraint's `needs` (walk.ts) only skips work: every fixture, every row of the
 * cross-field table and mutations of the fixtures give the same findings of the constraints'
 * rules with the needs as with every constraint run on every resource of its kinds.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { lint } from "../src/engine/lint.js";
import { CONSTRAINTS } from "../src/rules/api-validation/cross-field/constraints.js";
import type { Need } from "../src/rules/api-validation/cross-field/walk.js";
import { ROWS } from "./api-validation-cross.rows.js";
import { FIXTURES } from "./harness.js";
import { manifests, mutate, mutations } from "./mutations.js";

const RULES = new Set<string>(CONSTRAINTS.map((c) => c.rule));
const NEEDS: ReadonlyArray<Need | undefined> = CONSTRAINTS.map((c) => c.needs);

async function findings(text: string): Promise<string[]> {
  const result = await lint(["-"], { stdin: text, config: {} });
  return result.files.flatMap((f) => f.diagnostics.filter((d) => RULES.has(d.ruleId)).map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`));
}

/** The findings of `text` without any constraint's needs (each constraint runs on every resource of its kinds). */
async function findingsWithoutNeeds(text: string): Promise<string[]> {
  for (const c of CONSTRAINTS) c.needs = undefined;
  try {
    return await findings(text);
  } finally {
    CONSTRAINTS.forEach((c, i) => (c.needs = NEEDS[i]));
  }
}

const inputs = [
  ...manifests(FIXTURES).map((file) => ({ name: file.slice(FIXTURES.length + 1), text: readFileSync(file, "utf8") })),
  ...ROWS.map((row, i) => ({ name: `cross-field row ${i + 1}`, text: JSON.stringify(row.manifest) })),
];

test("most pod-spec constraints name what they need", () => {
  expect(NEEDS.filter(Boolean).length).toBeGreaterThanOrEqual(40);
});

test("the fixtures and the table rows give the same findings with the needs as without them", async () => {
  let compared = 0;
  for (const input of inputs) {
    const without = await findingsWithoutNeeds(input.text);
    expect({ input: input.name, findings: await findings(input.text) }).toEqual({ input: input.name, findings: without });
    compared += without.length;
  }
  // The comparison means something only if the inputs draw findings of these rules.
  expect(compared).toBeGreaterThan(200);
});

test("mutated fixtures give the same findings with the needs as without them", async () => {
  const fixtures = inputs.filter((input) => !input.name.startsWith("cross-field row"));
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: fixtures.length - 1 }), fc.array(fc.oneof(...Object.values(mutations)), { minLength: 1, maxLength: 3 }), async (index, steps) => {
      const text = steps.reduce(mutate, fixtures[index].text);
      expect(await findings(text)).toEqual(await findingsWithoutNeeds(text));
    }),
    { numRuns: 300, seed: 20261201 },
  );
});
