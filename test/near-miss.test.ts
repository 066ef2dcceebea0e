/**
 * The "nearest pod labels" hint of the selector rules stays linear in the input: the owners it
 * weighs per selector are bounded (counted, not timed), and it still names the owner with the
 * typo. The input has the shape of ../shared/cases/hardening/gen-many-unmatched-selectors.py.
 */
import { parseText } from "../src/engine/parse.js";
import { ResourceIndex } from "../src/engine/resource-index.js";
import { Resource } from "../src/models/resource.js";
import { parseLabelSelector, parseServiceSelector, type Requirement, type Selector } from "../src/models/selector.js";
import { NEAR_MISS_CANDIDATES_PER_SOURCE, nearMissCandidates, nearestOwner } from "../src/rules/selectors/selection.js";

/** N Deployments labelled app=a<i>, tier=t<i mod 7>. */
function deployments(n: number): ResourceIndex {
  const text = Array.from(
    { length: n },
    (_, i) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: d${i}}
spec:
  selector: {matchLabels: {app: a${i}}}
  template:
    metadata: {labels: {app: a${i}, tier: t${i % 7}}}
    spec: {containers: [{name: c, image: "nginx:1"}]}
`,
  ).join("---\n");
  const resources = parseText(text).map((d, i) => new Resource(d.value as Record<string, unknown>, "-", d, [], "default", i));
  return new ResourceIndex(resources);
}

/** The Service and the PDB of the generator for owner i: both select nothing. */
function selectorsFor(i: number): Selector[] {
  return [parseServiceSelector({ app: `b${i}`, tier: `t${i % 7}` }), parseLabelSelector({ matchExpressions: [{ key: "app", operator: "In", values: [`z${i}`] }] })];
}

const wanted = (s: Selector): Requirement[] => (s.kind === "requirements" ? s.requirements.filter((r) => r.operator === "In") : []);

/** The largest number of owners weighed for one selector, over a sample of the selectors. */
function mostWeighed(index: ResourceIndex, n: number): number {
  let most = 0;
  for (let i = 0; i < n; i += Math.ceil(n / 50)) {
    for (const s of selectorsFor(i)) most = Math.max(most, nearMissCandidates(index, "default", wanted(s)).size);
  }
  return most;
}

test("the owners weighed per selector do not grow with the input", () => {
  const small = mostWeighed(deployments(300), 300);
  const large = mostWeighed(deployments(3000), 3000);
  expect(large).toBe(small);
  // Per In requirement: key carriers, exact holders, close spellings.
  expect(large).toBeLessThanOrEqual(2 * 3 * NEAR_MISS_CANDIDATES_PER_SOURCE);
});

test("among thousands of owners the hint still names the one with the typo", () => {
  const n = 3000;
  const index = deployments(n);
  for (const i of [0, 17, 1234, n - 1]) {
    const [service, pdb] = selectorsFor(i);
    expect(nearestOwner(index, "default", service)).toMatchObject({ owner: { name: `d${i}` }, why: `Deployment "d${i}" has "app=a${i}"` });
    expect(nearestOwner(index, "default", pdb)).toMatchObject({ owner: { name: `d${i}` }, why: `Deployment "d${i}" has "app=a${i}"` });
  }
});

test("with few owners every owner carrying a key of the selector is weighed", () => {
  const index = deployments(NEAR_MISS_CANDIDATES_PER_SOURCE);
  expect(nearMissCandidates(index, "default", wanted(parseServiceSelector({ app: "nothing-like-it" }))).size).toBe(NEAR_MISS_CANDIDATES_PER_SOURCE);
});

describe("a value one typo away is found by spelling", () => {
  let index: ResourceIndex;
  beforeAll(() => (index = deployments(2000)));
  test.each([
    ["a substitution", "a1x34"],
    ["an insertion", "a1x234"],
    ["a deletion", "a124"],
    ["a transposition", "1a234"],
  ])("%s", (_what, typo) => {
    expect(index.podOwnersSpelledLike("default", "app", typo, 1000).map((r) => r.name)).toContain("d1234");
  });
});
