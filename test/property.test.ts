/**
 * Property: however a fixture is mangled (lines deleted, duplicated, retyped, reindented or
 * swapped, keys renamed, kinds and apiVersions replaced, the text truncated, garbage
 * inserted), the engine neither throws nor reports `internal-error`, every position it
 * reports lies inside the text, and no message shows a function's source, which is what an
 * input key that reached an Object.prototype member looks like when printed.
 *
 * Runs 10,000 cases with a fixed seed, so CI is repeatable; PROPERTY_SEED and PROPERTY_RUNS
 * (a multiplier) explore further: `PROPERTY_SEED=$RANDOM PROPERTY_RUNS=5 npm test -- property`.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { lint } from "../src/engine/lint.js";
import type { Diagnostic } from "../src/types.js";
import { FIXTURES } from "./harness.js";
import { lines, manifests, mutate, mutations, type Mutation } from "./mutations.js";

const SEED = Number(process.env.PROPERTY_SEED ?? 20240611);
const SCALE = Number(process.env.PROPERTY_RUNS ?? 1);

const fixtures = manifests(FIXTURES).map((file) => ({ file: file.slice(FIXTURES.length + 1), text: readFileSync(file, "utf8") }));

/** Positions must lie inside the text: line <= line count, column <= line length + 1. */
function outside(text: string, d: { line: number; column: number }, what: string): string | undefined {
  const l = lines(text);
  if (!Number.isInteger(d.line) || d.line < 1 || d.line > l.length) return `${what} line ${d.line} of ${l.length}`;
  const max = l[d.line - 1].length + 1;
  if (!Number.isInteger(d.column) || d.column < 1 || d.column > max) return `${what} column ${d.column} of line ${d.line} (length ${max - 1})`;
  return undefined;
}

/** What an Object.prototype member looks like when an input key reaches it and it is printed. */
const INTERNALS = /\[native code\]|\bfunction\s*\w*\s*\(/;

function problemsOf(text: string, diagnostics: Diagnostic[]): string[] {
  const out: string[] = [];
  for (const d of diagnostics) {
    if (d.ruleId === "internal-error") out.push(`internal-error: ${d.message}`);
    for (const said of [d.message, d.hint ?? ""]) if (INTERNALS.test(said) && !INTERNALS.test(text)) out.push(`${d.ruleId} says ${JSON.stringify(said)}`);
    const bad =
      outside(text, d, `${d.ruleId} start`) ??
      outside(text, { line: d.endLine, column: d.endColumn }, `${d.ruleId} end`) ??
      (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column) ? `${d.ruleId} ends before it starts` : undefined) ??
      (d.related && d.related.file === "<stdin>" ? outside(text, d.related, `${d.ruleId} related`) : undefined);
    if (bad) out.push(bad);
  }
  return out;
}

async function check(fixture: { file: string; text: string }, steps: Mutation[]) {
  const text = steps.reduce(mutate, fixture.text);
  let diagnostics: Diagnostic[];
  try {
    const result = await lint(["-"], { stdin: text, config: {} });
    diagnostics = result.files.flatMap((f) => f.diagnostics);
  } catch (err) {
    throw new Error(`lint threw on a mutation of ${fixture.file}: ${(err as Error).stack}\n--- input ---\n${JSON.stringify(text)}`);
  }
  const problems = problemsOf(text, diagnostics);
  if (problems.length) throw new Error(`${fixture.file} mutated: ${problems.join("; ")}\n--- input ---\n${JSON.stringify(text)}`);
}

// Fixtures are picked by index so that counterexamples name the file instead of printing it.
const fixtureArb = fc.nat({ max: fixtures.length - 1 }).map((i) => fixtures[i]);

test("there are fixtures to mutate", () => {
  expect(fixtures.length).toBeGreaterThan(10);
});

// 9 kinds x 1,000 runs + 1,000 runs of mixed mutations = 10,000 cases.
test.each(Object.keys(mutations) as Array<Mutation["kind"]>)("mutation: %s", async (kind) => {
  await fc.assert(
    fc.asyncProperty(fixtureArb, fc.array(mutations[kind], { minLength: 1, maxLength: 3 }), (fixture, steps) => check(fixture, steps)),
    { numRuns: 1000 * SCALE, seed: SEED + kind.length },
  );
});

test("mixed mutations", async () => {
  await fc.assert(
    fc.asyncProperty(fixtureArb, fc.array(fc.oneof(...Object.values(mutations)), { minLength: 1, maxLength: 5 }), (fixture, steps) => check(fixture, steps)),
    { numRuns: 1000 * SCALE, seed: SEED },
  );
});
