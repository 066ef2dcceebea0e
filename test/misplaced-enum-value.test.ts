/**
 * A misplaced key whose value is not one of its home's enum values is still named misplaced (SPEC
 * §5: `spec.type` in a Deployment belongs at spec.strategy.type), but moving it is a suggestion,
 * not a safe fix: the move alone leaves an invalid value. A value that fits is a safe fix, as before.
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

test("a value outside the home's enum: misplaced, the move offered as a suggestion", async () => {
  const d = await unknownField(deployment("ClusterIP"));
  expect(d.message).toBe(`field "type" is misplaced in spec: it belongs at spec.strategy.type`);
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
