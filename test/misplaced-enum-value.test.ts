/**
 * A misplaced key whose value is not one of its home's enum values is still named (SPEC §5:
 * `spec.type` in a Deployment points at spec.strategy.type), as misplaced or meant for another
 * kind: one finding that says what the home takes, the move a suggestion, and the value not judged
 * there (it may be a Service's type). A value that fits is misplaced, the move a safe fix.
 */
import { lint } from "../src/engine/lint.js";
import type { Diagnostic } from "../src/types.js";
import { ROOT } from "./harness.js";

const deployment = (type: unknown) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  type: ${JSON.stringify(type)}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

async function unknownField(text: string): Promise<Diagnostic> {
  const result = await lint(["-"], { cwd: ROOT, config: {}, stdin: text });
  const found = result.files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === "unknown-field");
  expect(found).toHaveLength(1);
  return found[0];
}

test("a value outside the home's enum: misplaced or another kind's, the move offered as a suggestion, the value not judged there", async () => {
  const d = await unknownField(deployment("ClusterIP"));
  expect(d.message).toBe(`field "type" is misplaced in spec or meant for another kind: spec.strategy.type takes "Recreate" or "RollingUpdate", not "ClusterIP"`);
  const result = await lint(["-"], { cwd: ROOT, config: {}, stdin: deployment("ClusterIP") });
  expect(result.files.flatMap((f) => f.diagnostics).filter((x) => x.ruleId === "invalid-type")).toEqual([]);
  expect(d.fix).toBeUndefined();
  expect(d.suggestions?.map((s) => s.description)).toEqual([`move "type" to spec.strategy.type`]);
});

test("a value the home accepts: misplaced, the move a safe fix", async () => {
  const d = await unknownField(deployment("Recreate"));
  expect(d.message).toBe(`field "type" is misplaced in spec: it belongs at spec.strategy.type`);
  expect(d.fix).toBeDefined();
});

test("a value of another shape does not fit the home: the key stays unknown", async () => {
  const d = await unknownField(deployment(3));
  expect(d.message).toBe(`unknown field "type" in spec`);
  expect(d.fix ?? d.suggestions).toBeUndefined();
});
