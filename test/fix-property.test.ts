/**
 * Property of `--fix` on 5,000 mutated fixtures (the mutations of property.test.ts, applied to
 * the fixtures of the rules that have fixes): the fixed text always parses cleanly; every value
 * that differs between the text before and after a pass lies where one of that pass's edits
 * is (compared on parsed values, so no other field, comment-free or not, moved or changed);
 * and fixing the fixed text again changes nothing. Fixed seed; PROPERTY_SEED and PROPERTY_RUNS
 * explore further, as in property.test.ts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { fixInMemory, parsesCleanly } from "../src/engine/fix/run.js";
import { parseText, type ParsedDocument } from "../src/engine/parse.js";
import { allRules } from "../src/rules/index.js";
import type { Path, TextEdit } from "../src/types.js";
import { FIXTURES, ROOT } from "./harness.js";
import { mutate, mutations } from "./mutations.js";

const SEED = Number(process.env.PROPERTY_SEED ?? 20261201);
const SCALE = Number(process.env.PROPERTY_RUNS ?? 1);
const RUNS = 5000 * SCALE;

const withFixes = new Set(allRules.filter((r) => r.meta.fixable || r.meta.hasSuggestions).map((r) => r.meta.id));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = join(dir, e);
      return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e) ? [p] : [];
    });
}

// The fix pairs' before files and the rule fixtures of every rule with fixes.
const fixtures = [
  ...yamlFiles(join(FIXTURES, "fix")).filter((f) => f.endsWith(".before.yaml")),
  ...readdirSync(join(FIXTURES, "rules"))
    .filter((id) => withFixes.has(id))
    .flatMap((id) => yamlFiles(join(FIXTURES, "rules", id))),
].map((file) => ({ file: file.slice(FIXTURES.length + 1), text: readFileSync(file, "utf8").replace(/^\uFEFF/, "") }));

/** A difference; `also`: other paths that explain it as well (which of two equal list items went). */
type Change = { path: Path; kind: "changed" | "added" | "removed"; also?: Path[] };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";

/** Where two parsed values differ, as few paths as possible (a list item removed or added is one change). */
function changes(a: unknown, b: unknown, path: Path, out: Change[]): void {
  if (isDeepStrictEqual(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      // Items removed (or added) with the rest kept in order: one change per such item, with every
      // item of the same value as an alternative (which of two equal items went cannot be told).
      const [long, short, kind] = a.length > b.length ? [a, b, "removed" as const] : [b, a, "added" as const];
      const gone: number[] = [];
      let j = 0;
      for (let i = 0; i < long.length; i++) {
        if (j < short.length && isDeepStrictEqual(long[i], short[j])) j++;
        else gone.push(i);
      }
      if (j === short.length) {
        for (const i of gone) {
          const same = long.flatMap((v, k) => (k !== i && isDeepStrictEqual(v, long[i]) ? [k] : []));
          out.push({ path: [...path, i], kind, also: same.map((k) => [...path, k]) });
        }
        return;
      }
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) out.push({ path: [...path, i], kind: "added" });
      else if (i >= b.length) out.push({ path: [...path, i], kind: "removed" });
      else changes(a[i], b[i], [...path, i], out);
    }
    return;
  }
  if (isObject(a) && isObject(b) && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!Object.hasOwn(b, k)) out.push({ path: [...path, k], kind: "removed" });
      else if (!Object.hasOwn(a, k)) out.push({ path: [...path, k], kind: "added" });
      else changes(a[k], b[k], [...path, k], out);
    }
    return;
  }
  out.push({ path, kind: "changed" });
}

/** The offsets in the text before of what a change touches: the field itself, or for an added one its parent collection. */
function spanOf(doc: ParsedDocument, change: Change): [number, number] {
  const path = change.kind === "added" ? change.path.slice(0, -1) : change.path;
  let node: unknown = doc.value;
  let span: [number, number] = doc.rootSpan;
  for (const seg of path) {
    const s = isObject(node) ? doc.spans.get(node)?.get(typeof seg === "number" && !Array.isArray(node) ? String(seg) : seg) : undefined;
    if (!s) return span;
    span = change.kind === "added" ? [s[2], s[3]] : [Math.min(s[0], s[2]), Math.max(s[1], s[3])];
    node = (node as Record<string, unknown>)[seg as string];
  }
  return span;
}

/** The changes of a pass that no edit of the pass touches. */
function untargeted(before: string, after: string, edits: readonly TextEdit[]): string[] {
  const a = parseText(before);
  const b = parseText(after);
  if (a.length !== b.length) return [`${a.length} documents became ${b.length}`];
  return a.flatMap((doc, i) => {
    const found: Change[] = [];
    changes(doc.value, b[i].value, [], found);
    return found
      .filter((c) =>
        [c.path, ...(c.also ?? [])].every((path) => {
          const [start, end] = spanOf(doc, { ...c, path });
          return !edits.some((e) => e.start <= end && e.end >= start);
        }),
      )
      .map((c) => `document ${i}: ${c.kind} ${c.path.join(".")}`);
  });
}

const stats = { cases: 0, fixed: 0, passes: 0, fixes: 0 };

async function check(fixture: { file: string; text: string }, steps: Parameters<typeof mutate>[1][]): Promise<void> {
  const text = steps.reduce(mutate, fixture.text);
  const options = { cwd: ROOT, config: {}, stdin: text, stdinFilename: `mutated/${basename(fixture.file)}` };
  const passes: Array<{ before: string; after: string; edits: TextEdit[] }> = [];
  const run = await fixInMemory(["-"], options, { onPass: (p) => passes.push({ before: p.before, after: p.after, edits: p.applied.flatMap((f) => f.edits) }) });
  const output = run.stdin ?? text;
  stats.cases++;
  if (output === text) return;
  stats.fixed++;
  stats.passes += passes.length;
  stats.fixes += run.fixed;
  const where = `${fixture.file} mutated by ${JSON.stringify(steps)}\n--- input ---\n${JSON.stringify(text)}\n--- output ---\n${JSON.stringify(output)}`;
  if (!parsesCleanly(output, false)) throw new Error(`--fix wrote text that does not parse: ${where}`);
  for (const p of passes) {
    const stray = untargeted(p.before, p.after, p.edits);
    if (stray.length) throw new Error(`--fix changed values no edit targets (${stray.join("; ")}): ${where}`);
  }
  const again = await fixInMemory(["-"], { ...options, stdin: output });
  if (again.stdin !== output) throw new Error(`a second --fix changed the text again: ${where}\n--- second ---\n${JSON.stringify(again.stdin)}`);
}

/** The fixtures that --fix changes as they are: the mutations start from text with safe fixes. */
async function fixable(): Promise<typeof fixtures> {
  const out: typeof fixtures = [];
  for (const f of fixtures) {
    const run = await fixInMemory(["-"], { cwd: ROOT, config: {}, stdin: f.text, stdinFilename: `mutated/${basename(f.file)}` });
    if (run.fixed > 0) out.push(f);
  }
  return out;
}

test(`--fix on ${RUNS} mutated fixtures: clean YAML, no untargeted change, stable`, async () => {
  const pool = await fixable();
  expect(pool.length).toBeGreaterThan(30);
  const fixtureArb = fc.nat({ max: pool.length - 1 }).map((i) => pool[i]);
  await fc.assert(
    fc.asyncProperty(fixtureArb, fc.array(fc.oneof(...Object.values(mutations)), { minLength: 0, maxLength: 3 }), (fixture, steps) => check(fixture, steps)),
    { numRuns: RUNS, seed: SEED },
  );
  // The property must have had fixes to judge: most cases keep a fixable finding.
  expect(stats.cases).toBeGreaterThanOrEqual(RUNS);
  expect(stats.fixed).toBeGreaterThan(RUNS / 3);
  process.stdout.write(`fix property: ${JSON.stringify(stats)}\n`);
}, 900_000);
