/** Every fixture: the reported (rule, line) pairs of the rules in scope equal its markers. */
import { collectFixtures, compare, lintFixture } from "./harness.js";

const cases = collectFixtures();

test("there are fixtures", () => {
  expect(cases.length).toBeGreaterThan(0);
});

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  test("reports exactly the marked lines", async () => {
    const result = await lintFixture(c);
    const { missing, extra, outOfFile } = compare(c, result);
    expect({ missing, extra, outOfFile }).toEqual({ missing: [], extra: [], outOfFile: [] });
  });
});
