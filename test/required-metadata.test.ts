/**
 * required-metadata reads its keys from the configuration (requiredLabels, requiredAnnotations):
 * configured keys replace the default label, annotations are checked only when configured, and
 * an empty list turns a half off.
 */
import { lint } from "../src/engine/lint.js";
import type { Config } from "../src/config/schema.js";
import { configSchema } from "../src/config/schema.js";
import { ROOT } from "./harness.js";

const BAD = "fixtures/rules/required-metadata/example.bad.yaml";
const GOOD = "fixtures/rules/required-metadata/example.good.yaml";

async function messages(file: string, config: Config): Promise<string[]> {
  const result = await lint([file], { cwd: ROOT, config: { ...config, rules: { "required-metadata": "warning" } } });
  return result.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === "required-metadata").map((d) => `${d.line}: ${d.message}`));
}

test("without configuration the label app.kubernetes.io/name is required", async () => {
  expect(await messages(BAD, {})).toEqual(['5: Deployment "web" lacks the required label "app.kubernetes.io/name"']);
  expect(await messages(GOOD, {})).toEqual([]);
});

test("configured labels and annotations replace the default", async () => {
  const config = configSchema.parse({ requiredLabels: ["team"], requiredAnnotations: ["example.com/owner"] });
  expect(await messages(GOOD, config)).toEqual(['5: Deployment "web" lacks the required label "team", annotation "example.com/owner"']);
});

test("empty lists require nothing", async () => {
  expect(await messages(BAD, configSchema.parse({ requiredLabels: [], requiredAnnotations: [] }))).toEqual([]);
});

test("the config schema rejects a key that is not a list of strings", () => {
  expect(configSchema.safeParse({ requiredLabels: "team" }).success).toBe(false);
});
