/**
 * The table of values younger than their field (src/rules/schema/gated-enum-values.ts) against
 * upstream's record of each gate, release by release: the release whose validation first knows
 * the value, and the releases where its gate is off by default, from the gate's page of the
 * reference (kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/<Gate>.md,
 * `stages`). Written down here from those sources, never from the table.
 */
import { knownReleases } from "../src/models/catalogue/history.js";
import { compareVersions } from "../src/models/catalogue/releases.js";
import { gateStageAt } from "../src/models/gate-stages.js";
import { DOWNWARD_API_HUGE_PAGES, RELEASE_VALUES, standingAt, supportedAt, type ReleaseValues } from "../src/rules/schema/gated-enum-values.js";

interface ValueFact {
  field: string;
  value: string;
  /** The first release whose validation knows the value. */
  from: string;
  /** The first release where its gate is on by default (undefined: not yet). */
  onFrom: string | undefined;
  source: string;
}

const FACTS: ValueFact[] = [
  { field: "access mode", value: "ReadWriteOncePod", from: "1.22", onFrom: "1.27", source: "ReadWriteOncePod.md: alpha false 1.22-1.26, beta true 1.27-1.28, stable 1.29" },
  { field: "trafficDistribution", value: "PreferSameZone", from: "1.33", onFrom: "1.34", source: "PreferSameTrafficDistribution.md: alpha false 1.33; KEP-3015 / 1.34 release blog: beta, on by default, in 1.34" },
  { field: "trafficDistribution", value: "PreferSameNode", from: "1.33", onFrom: "1.34", source: "PreferSameTrafficDistribution.md: alpha false 1.33; KEP-3015 / 1.34 release blog: beta, on by default, in 1.34" },
  { field: "podFailurePolicy action", value: "FailIndex", from: "1.28", onFrom: "1.29", source: "JobBackoffLimitPerIndex.md: alpha false 1.28, beta true 1.29-1.32, stable 1.33" },
  { field: "metric type", value: "ContainerResource", from: "1.20", onFrom: "1.27", source: "HPAContainerMetrics.md: alpha false 1.20-1.26, beta true 1.27-1.29, stable 1.30" },
  { field: "seLinuxChangePolicy", value: "MountOption", from: "1.30", onFrom: undefined, source: "SELinuxMount.md: alpha false 1.30-1.32, beta false from 1.33" },
];

const fieldNamed = (name: string): ReleaseValues => RELEASE_VALUES.find((f) => f.field === name)!;
const releases = knownReleases();
const expected = (fact: ValueFact, release: string): string => {
  if (compareVersions(release, fact.from) < 0) return "not-yet";
  return fact.onFrom && compareVersions(release, fact.onFrom) >= 0 ? "supported" : "gate-off";
};

const rows = FACTS.flatMap((fact) => releases.map((release) => [`${fact.field} ${fact.value} at ${release}: ${expected(fact, release)} (${fact.source})`, fact, release] as const));

test.each(rows)("%s", (_name, fact, release) => {
  const field = fieldNamed(fact.field);
  // Before the field exists the value is unknown-field's: nothing is said of it here.
  if (field.fieldSince && compareVersions(release, field.fieldSince) < 0) {
    expect(standingAt(field, fact.value, release)).toBeUndefined();
    return;
  }
  const standing = standingAt(field, fact.value, release);
  expect(standing?.kind ?? "supported").toBe(expected(fact, release));
  expect(supportedAt(field, release).includes(fact.value)).toBe(expected(fact, release) === "supported");
});

test("every gated value of the table has a fact here", () => {
  const inTable = RELEASE_VALUES.flatMap((f) => f.gated.flatMap((g) => g.values.map((v) => `${f.field} ${v}`)));
  expect(inTable.sort()).toEqual(FACTS.map((f) => `${f.field} ${f.value}`).sort());
});

test("a value no release supports is unknown, one of every release is supported", () => {
  for (const field of RELEASE_VALUES) {
    expect(standingAt(field, "NoSuchValue", releases[releases.length - 1])).toEqual({ kind: "unknown" });
    for (const value of field.always) expect(standingAt(field, value, releases[releases.length - 1])).toBeUndefined();
  }
});

const HUGE_PAGES_SOURCE = "DownwardAPIHugePages.md: alpha false 1.20, beta false 1.21, beta true 1.22-1.26, stable 1.27";
test.each(releases.map((release) => [`resourceFieldRef hugepages at ${release}: ${compareVersions(release, "1.20") < 0 ? "not-yet" : compareVersions(release, "1.22") < 0 ? "gate-off" : "supported"} (${HUGE_PAGES_SOURCE})`, release] as const))("%s", (_name, release) => {
  const stage = gateStageAt(DOWNWARD_API_HUGE_PAGES.stages, release);
  expect(stage === undefined).toBe(compareVersions(release, "1.20") < 0);
  expect(stage?.enabledByDefault ?? false).toBe(compareVersions(release, "1.22") >= 0);
});
